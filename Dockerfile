# syntax=docker/dockerfile:1
#
# One image recipe for every Trellis app, from the jar ./mvnw -DskipTests package built
# (no Maven in here). The app is the build argument JAR, its path in the project:
#
#   docker build --build-arg JAR=sample-services/catalog-service/target/catalog-service.jar \
#       -t trellis/catalog-service:dev .
#
# docker compose build builds all of them (docker-compose.yml names each app's jar); see
# docs/deployment.md.

# The runtime: Temurin 25 JRE on Ubuntu 24.04, pinned to the build the startup figures in
# docs/deployment.md were measured with (25.0.3+9). The apps are compiled for release 17
# and run on 25 for the AOT cache below. The build stages use the same image, because an
# AOT cache only loads into the JVM build that wrote it.
ARG JAVA_IMAGE=eclipse-temurin:25.0.3_9-jre-noble

# 1. The jar's layers (Spring Boot's layers.idx), extracted for the AOT cache: "extract"
#    without --launcher gives app.jar, whose manifest puts lib/*.jar on the class path, and
#    the JVM can cache classes from that class path; classes the Boot launcher loads from
#    nested or exploded jars it cannot (docs/deployment.md has the figures).
FROM ${JAVA_IMAGE} AS layers
ARG JAR
WORKDIR /build
COPY ${JAR} app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# 2. The app, one COPY per layer, least often changed first: a new build of the app
#    replaces only the last layer (and the AOT cache), the dependencies stay cached.
FROM ${JAVA_IMAGE} AS app
# A system user without a login shell or home; the app cannot change its own files
# (root's), only /app/data (state such as the auth server's keys, a volume in compose).
RUN groupadd --system --gid 10001 trellis \
	&& useradd --system --uid 10001 --gid trellis --no-create-home --home-dir /app --shell /usr/sbin/nologin trellis
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
COPY deploy/docker/healthcheck /usr/local/bin/healthcheck
RUN install --directory --owner trellis --group trellis /app/data

# 3. The training run of the AOT cache (JEP 483, JEP 514): the app starts as far as its
#    context refresh, on config-repo's docker profile instead of a config server, and the
#    JVM writes app.aot. Nothing of this stage but app.aot reaches the image.
FROM app AS aot-training
ARG JAR
COPY config-repo/ /training/config-repo/
COPY deploy/docker/train-aot-cache /usr/local/bin/train-aot-cache
RUN app="$(basename "${JAR}" .jar)" && train-aot-cache "${app}"

# 4. The image.
FROM app
COPY --from=aot-training /app/app.aot ./
# The user "trellis" by number: Kubernetes' runAsNonRoot can only verify a numeric user.
USER 10001:10001
# The heap is a share of the container's memory limit, never a fixed -Xmx: a limit set
# by compose or Kubernetes resizes it. 60 % leaves room for what is not heap (metaspace,
# code cache, threads, direct buffers: about 150 MB for these apps, docs/deployment.md).
# Out of memory, the JVM exits and the orchestrator restarts the container, instead of
# the app limping on with threads that died. Add flags with JDK_JAVA_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-XX:InitialRAMPercentage=25", "-XX:+ExitOnOutOfMemoryError", "-XX:AOTCache=app.aot", "-jar", "app.jar"]
