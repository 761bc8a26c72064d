# ContractFlow container image.
#
#   docker build -t contractflow:0.1.0 .
#
# The image runs the `prod` profile: it needs an external PostgreSQL (PGHOST, PGPORT, PGDATABASE, PGUSER,
# PGPASSWORD or SPRING_DATASOURCE_URL/USERNAME/PASSWORD) and, on a fresh database, CONTRACTFLOW_ADMIN_USER and
# CONTRACTFLOW_ADMIN_PASSWORD for the first admin. See docker-compose.yml and helm/contractflow/.

# ---------------------------------------------------------------------------------------------------------------
# Build stage
# ---------------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Dependency layer: rebuilt only when the wrapper or pom.xml change.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

# Sources (src/ and the process designer's folder, which the pom puts on the classpath).
COPY src/ src/
COPY processes/ processes/
RUN ./mvnw -B -DskipTests package

# Split the fat jar into Spring Boot's layers (dependencies, spring-boot-loader, snapshot-dependencies,
# application) so that a code change only rebuilds the small application layer. Each layer holds app.jar
# and/or lib/; `java -jar app.jar` runs the result (its manifest Class-Path points at lib/).
RUN java -Djarmode=tools -jar target/contractflow.jar extract --layers --destination /build/extracted \
      --application-filename app.jar \
 && mkdir -p /build/extracted/dependencies /build/extracted/spring-boot-loader \
             /build/extracted/snapshot-dependencies /build/extracted/application

# ---------------------------------------------------------------------------------------------------------------
# Runtime stage
# ---------------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

ARG APP_UID=10001
ARG APP_GID=10001
# Tesseract reads scanned documents (health component "ocr"); one tesseract-ocr-LANG package per OCR language
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid "${APP_GID}" contractflow \
 && useradd --system --uid "${APP_UID}" --gid "${APP_GID}" --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin contractflow

WORKDIR /app
# Owned by root and read-only for the app user: nothing is written under /app in the prod profile
# (logs go to the console, the database is external; Tomcat's work files go to /tmp).
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# the JVM flags every launch path uses (docs/operations.md, "Memory and start-up time")
COPY --from=build /build/src/main/jvm/jvm.options ./jvm.options

# MALLOC_ARENA_MAX: two glibc malloc arenas instead of up to eight per core (native memory the JVM's threads
# allocate stays in fewer, fuller arenas; see docs/operations.md, "Memory and start-up time")
ENV SPRING_PROFILES_ACTIVE=prod \
    PORT=8080 \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS=""

# Numeric user so that Kubernetes' runAsNonRoot can verify it.
USER ${APP_UID}:${APP_GID}
EXPOSE 8080

# The JVM flags below come first (those of /app/jvm.options, then the container's); JAVA_OPTS (extra or
# overriding flags, e.g. -Xss512k, -XX:MaxRAMPercentage=50)
# follows them, and the last occurrence of a flag wins. `exec` makes java PID 1 so that SIGTERM triggers
# Spring's graceful shutdown. Arguments given to `docker run IMAGE ...` are passed to the application.
ENTRYPOINT ["sh", "-c", "exec java @/app/jvm.options -XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar /app/app.jar \"$@\"", "contractflow"]
