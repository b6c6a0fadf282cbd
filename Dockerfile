# syntax=docker/dockerfile:1
# Build stage: the Maven build of the product jar (-Dproduct: no embedded PostgreSQL binaries, since
# production always names its database, and no lab: no benchmark, no generator). Tests run in CI, not here.
FROM maven:3.9-eclipse-temurin-25-noble AS build
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
# Java 25: the AOT cache below needs the very JVM that made it, which it has, being made in this stage.
FROM eclipse-temurin:25-jre-noble
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
# An AOT cache (JEP 483/514) of the classes a job loads and links on its way to the database, and of
# their profiles, made by a run of a job that finds no database (it exits 1 once they are loaded):
# every task maps it at start instead of loading, verifying and linking those classes again. Made
# here, by the runtime's own JVM; no database is needed, since jobs no longer migrate at start.
COPY --from=build /src/sample-files/2026-11-21/cashflow_20261121.csv /tmp/training/
RUN java -XX:AOTCacheOutput=/app/settlement-batch.aot -jar /app/settlement-batch.jar run import-cash-flows \
      --business-date=2026-11-21 --input=/tmp/training/cashflow_20261121.csv --outbox=/tmp/training \
      --db-url=jdbc:postgresql://127.0.0.1:1/training --log-format=json >/dev/null 2>&1; \
    test -s /app/settlement-batch.aot && rm -rf /tmp/training
USER 10001:10001
VOLUME ["/work"]
# The heap follows the task's memory; no perf data file (it would go to /tmp on the read-only root).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Djava.io.tmpdir=/work" \
    SETTLEMENT_HOME=/work/settlement-batch
# The cache is used when it fits (-XX:AOTMode=auto); the rehearsal starts a task with -XX:AOTMode=on,
# which refuses to start without it.
ENTRYPOINT ["java", "-XX:AOTCache=/app/settlement-batch.aot", "-Xlog:aot=off", "-Xlog:cds=off", "-jar", "/app/settlement-batch.jar"]
CMD ["--help"]
