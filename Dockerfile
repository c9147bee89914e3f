# The Redflag service image. Build the jar first, then the image, from the repository's root:
#
#   ./mvnw -B -pl service -am package -DskipTests
#   docker build -t redflag/redflag-service:0.1.0 .
#
# The jar is split into Spring Boot's layers (dependencies, loader, snapshot dependencies, the application), so
# a new build of Redflag changes only the last, small layer. The container runs as the non-root uid 10001; the
# only writable places are /tmp and /app/data (the embedded store, when no external database is set), which the
# Helm chart mounts as volumes on an otherwise read-only root filesystem.

# Extraction only: the jar's layers, each in its own directory, with Spring Boot's launcher.
FROM eclipse-temurin:17-jre AS layers
WORKDIR /layers
COPY service/target/redflag-service.jar redflag-service.jar
RUN java -Djarmode=tools -jar redflag-service.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 redflag \
    && useradd --system --uid 10001 --gid redflag --home-dir /app --no-create-home --shell /usr/sbin/nologin redflag \
    && mkdir -p /app/data \
    && chown 10001:10001 /app/data
WORKDIR /app
# Least often changed first.
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER 10001:10001
EXPOSE 8080
# The heap follows the container's memory limit; JAVA_TOOL_OPTIONS (set by the chart) can say otherwise.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
