/*
 * Copyright 2026 the Trellis authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.trellis.deploy.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.trellis.deploy.image.DockerfileRecipe.Instruction;
import dev.trellis.deploy.image.DockerfileRecipe.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image recipe run without Docker on a real app jar: the jar is extracted with the
 * {@code RUN} of the Dockerfile's {@code layers} stage, the layers are laid out as its
 * {@code COPY} lines lay them out, and the app is started with the image's
 * {@code ENTRYPOINT} from that layout, on a Java 25 runtime as in the image. The app is
 * the config server, which starts alone (the native profile over {@code config-repo/}).
 * What is left to Docker: the base image, the user, and the AOT cache's training run,
 * which is not repeated here (the JVM reports the missing cache and starts without it).
 *
 * @author Trellis authors
 */
class ImageLayoutIntegrationTests {

	private static final Duration STARTUP = Duration.ofSeconds(150);

	/**
	 * Where a Temurin 25 JDK is installed beside the default one on the build machines.
	 */
	private static final Path KNOWN_JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

	private final DockerfileRecipe recipe = DockerfileRecipe.load();

	@TempDir
	Path work;

	private ProcessHandle app;

	@AfterEach
	void stopApp() throws Exception {
		if (this.app != null && this.app.isAlive()) {
			this.app.destroy();
			try {
				this.app.onExit().get(30, TimeUnit.SECONDS);
			}
			finally {
				this.app.destroyForcibly();
			}
		}
	}

	@Test
	void anAppStartsFromItsExtractedLayersWithTheImagesEntrypointAndIsHealthy() throws Exception {
		Optional<Path> java = java25();
		assumeTrue(java.isPresent(), "no Java 25 runtime (JAVA25_HOME) to run the image's entrypoint with");
		Path image = layOut(extract(java.get()));
		int port = freePort();
		Path log = this.work.resolve("app.log");
		List<String> entrypoint = withJava(java.get(), this.recipe.finalStage().only("ENTRYPOINT").words());
		ProcessBuilder builder = new ProcessBuilder(entrypoint).directory(image.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("SERVER_PORT", Integer.toString(port));
		environment.put("SPRING_PROFILES_ACTIVE", "native");
		environment.put("TRELLIS_CONFIG_NATIVE_LOCATION",
				DockerfileRecipe.ROOT.resolve("config-repo").toRealPath().toUri().toString());
		environment.put("CONFIG_SERVER_PASSWORD", UUID.randomUUID().toString());
		// No registry: its client retries in the background, at a port nobody listens on.
		environment.put("EUREKA_PORT", Integer.toString(freePort()));
		this.app = builder.start().toHandle();

		awaitReady(port, log);
		Process healthcheck = new ProcessBuilder("bash", healthcheckScript().toString(), Integer.toString(port))
			.redirectErrorStream(true)
			.start();
		assertThat(healthcheck.waitFor(15, TimeUnit.SECONDS)).isTrue();
		assertThat(healthcheck.exitValue()).as("the image's healthcheck against the app").isZero();
	}

	/**
	 * Runs the {@code layers} stage: the jar copied in as its {@code COPY} names it, then
	 * its {@code RUN}, in a directory standing for the stage's {@code WORKDIR}.
	 */
	private Path extract(Path java) throws Exception {
		Stage layers = this.recipe.stage("layers");
		Path workdir = Files.createDirectories(this.work.resolve("layers-stage"));
		Files.copy(ImageRecipeTests.JAR, workdir.resolve(layers.only("COPY").words().get(1)));
		List<String> command = withJava(java, Arrays.asList(layers.only("RUN").arguments().split("\\s+")));
		Process extraction = new ProcessBuilder(command).directory(workdir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.work.resolve("extract.log").toFile())
			.start();
		boolean exited = extraction.waitFor(60, TimeUnit.SECONDS);
		if (!exited) {
			extraction.destroyForcibly();
		}
		assertThat(exited && extraction.exitValue() == 0)
			.as(() -> String.join(" ", command) + " failed:\n"
					+ DockerfileRecipe.read(this.work.resolve("extract.log")))
			.isTrue();
		return workdir;
	}

	/**
	 * Lays the layers out as the {@code app} stage's {@code COPY --from=layers} lines do,
	 * in a directory standing for its {@code WORKDIR}.
	 */
	private Path layOut(Path layersWorkdir) throws IOException {
		Stage layers = this.recipe.stage("layers");
		Stage app = this.recipe.stage("app");
		Path layersRoot = Path.of(layers.only("WORKDIR").arguments());
		Path image = Files.createDirectories(this.work.resolve("image"));
		for (Instruction copy : app.all("COPY")) {
			if ("layers".equals(copy.flag("from"))) {
				List<String> words = copy.words();
				assertThat(words.get(1)).as(copy.arguments()).isEqualTo("./");
				Path source = layersWorkdir.resolve(layersRoot.relativize(Path.of(words.get(0))));
				copyTree(source, image);
			}
		}
		return image;
	}

	private void awaitReady(int port, Path log) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(this.app.isAlive()).as(() -> "the app exited:\n" + DockerfileRecipe.read(log)).isTrue();
			try {
				if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(250);
		}
		throw new AssertionError("not ready after " + STARTUP + ":\n" + DockerfileRecipe.read(log));
	}

	private Path healthcheckScript() {
		// The script the image runs as "healthcheck" (COPY deploy/docker/healthcheck
		// ...).
		Instruction copy = this.recipe.stage("app")
			.all("COPY")
			.stream()
			.filter((instruction) -> instruction.words().get(1).endsWith("/healthcheck"))
			.findFirst()
			.orElseThrow();
		return DockerfileRecipe.ROOT.resolve(copy.words().get(0));
	}

	private static List<String> withJava(Path java, List<String> command) {
		assertThat(command.get(0)).isEqualTo("java");
		List<String> result = new ArrayList<>(command);
		result.set(0, java.toString());
		return result;
	}

	private static void copyTree(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination);
				}
			}
		}
	}

	private static Optional<Path> java25() {
		String home = System.getenv("JAVA25_HOME");
		if (home != null) {
			return Optional.of(Path.of(home, "bin", "java"));
		}
		if (Files.isExecutable(KNOWN_JAVA_25)) {
			return Optional.of(KNOWN_JAVA_25);
		}
		if (Runtime.version().feature() >= 25) {
			return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
		}
		return Optional.empty();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
