# syntax=docker/dockerfile:1
# Build stage: the Maven build of the product jar (-Dproduct: no embedded PostgreSQL binaries, since
# production always names its database, and no lab: no benchmark, no generator). Tests run in CI, not here.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY batch-jobs/pom.xml batch-jobs/
RUN mvn -B -ntp -q -pl batch-jobs -Dproduct dependency:go-offline
COPY batch-jobs batch-jobs
COPY sample-files sample-files
COPY step-functions/jobs.json step-functions/
RUN mvn -B -ntp -q -Dproduct -Dmaven.test.skip=true package \
 && mkdir /layers && cd /layers \
 && java -Djarmode=tools -jar /src/batch-jobs/target/settlement-batch.jar extract --layers --destination /layers

# Runtime: a JRE only (no build tools, no shell needed by the app), non-root, read-only root file system.
FROM eclipse-temurin:17-jre-jammy
# /work is the one writable place: temporary files (outbox spools) live there. Fargate mounts the task's
# volume over it; because the image declares it a VOLUME, the mount keeps this owner and mode.
RUN groupadd --system --gid 10001 batch \
 && useradd --system --uid 10001 --gid batch --home-dir /app --shell /usr/sbin/nologin batch \
 && install -d -o 10001 -g 10001 -m 0700 /work
WORKDIR /app
COPY --from=build --chown=root:root /layers/dependencies/ ./
COPY --from=build --chown=root:root /layers/spring-boot-loader/ ./
COPY --from=build --chown=root:root /layers/snapshot-dependencies/ ./
COPY --from=build --chown=root:root /layers/application/ ./
# A class data sharing archive of the classes a job loads on its way to the database, made by a run
# of a job that finds no database (it exits 1 once they are loaded): every task maps it at start
# instead of loading and verifying those classes again. Made here, by the runtime's own JVM.
COPY --from=build /src/sample-files/2026-11-21/cashflow_20261121.csv /tmp/training/
RUN java -XX:ArchiveClassesAtExit=/app/settlement-batch.jsa -jar /app/settlement-batch.jar run import-cash-flows \
      --business-date=2026-11-21 --input=/tmp/training/cashflow_20261121.csv --outbox=/tmp/training \
      --db-url=jdbc:postgresql://127.0.0.1:1/training --log-format=json >/dev/null 2>&1; \
    test -s /app/settlement-batch.jsa && rm -rf /tmp/training
USER 10001:10001
VOLUME ["/work"]
# The heap follows the task's memory; no perf data file (it would go to /tmp on the read-only root).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Djava.io.tmpdir=/work" \
    SETTLEMENT_HOME=/work/settlement-batch
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/settlement-batch.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", "/app/settlement-batch.jar"]
CMD ["--help"]
