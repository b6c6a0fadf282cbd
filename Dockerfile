# syntax=docker/dockerfile:1
# Build stage: the Maven build, with tests (they need no Docker and no network beyond Maven Central).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY batch-jobs/pom.xml batch-jobs/
RUN mvn -B -ntp -q -pl batch-jobs dependency:go-offline
COPY batch-jobs batch-jobs
COPY sample-files sample-files
RUN mvn -B -ntp -q -DskipTests package \
 && mkdir /layers && cd /layers \
 && java -Djarmode=tools -jar /src/batch-jobs/target/settlement-batch.jar extract --layers --launcher --destination /layers

# Runtime: a JRE only (no build tools, no shell needed by the app), non-root, read-only root file system friendly.
FROM eclipse-temurin:17-jre-jammy
RUN groupadd --system --gid 10001 batch && useradd --system --uid 10001 --gid batch --home-dir /app --shell /usr/sbin/nologin batch
WORKDIR /app
COPY --from=build --chown=root:root /layers/dependencies/ ./
COPY --from=build --chown=root:root /layers/spring-boot-loader/ ./
COPY --from=build --chown=root:root /layers/snapshot-dependencies/ ./
COPY --from=build --chown=root:root /layers/application/ ./
USER 10001:10001
# The heap follows the task's memory; /tmp is the only writable place (an ECS volume in production).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp" \
    SETTLEMENT_HOME=/tmp/settlement-batch
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
CMD ["--help"]
