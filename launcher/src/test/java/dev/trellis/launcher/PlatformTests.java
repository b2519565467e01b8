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
package dev.trellis.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.trellis.launcher.process.ProcessRecord;
import dev.trellis.launcher.process.Signals;
import dev.trellis.launcher.process.StateFile;
import dev.trellis.launcher.testapp.FakeApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Platform} with fake applications running as real child processes.
 *
 * @author Trellis authors
 */
class PlatformTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	Path root;

	private final List<PlatformEvent> events = new CopyOnWriteArrayList<>();

	@Test
	void startStartsDependenciesFirstAndWaitsUntilAllAreHealthy() throws Exception {
		try (Platform platform = platform(fakes(List.of("--ready-after=1500"), "--ready-after=500"))) {
			platform.start();
			AppProcess alpha = platform.process("alpha");
			AppProcess beta = platform.process("beta");
			assertThat(alpha.isHealthy()).isTrue();
			assertThat(beta.isHealthy()).isTrue();
			assertThat(indexOf("alpha", PlatformEvent.Type.HEALTHY))
				.isLessThan(indexOf("beta", PlatformEvent.Type.STARTING));
			assertThat(alpha.logFile()).isEqualTo(this.root.resolve(".trellis/logs/alpha.log"));
			assertThat(Files.readString(alpha.logFile())).contains("Starting FakeApp on port " + alpha.port());
			assertThat(platform.url("beta")).isEqualTo(URI.create("http://localhost:" + beta.port()));
		}
	}

	@Test
	void childIsTheJavaProcessItselfInASessionOfItsOwn() {
		try (Platform platform = platform(fakes())) {
			platform.start();
			AppProcess alpha = platform.process("alpha");
			ProcessHandle handle = ProcessHandle.of(alpha.pid()).orElseThrow();
			assertThat(handle.info().command()).hasValueSatisfying((command) -> assertThat(command).endsWith("java"));
			assertThat(Signals.sessionId(alpha.pid())).isEqualTo(alpha.pid());
		}
	}

	@Test
	void applicationsGetTheProfileCoordinatesAndCredentials() throws Exception {
		try (Platform platform = platform(fakes())) {
			platform.start();
			AppProcess alpha = platform.process("alpha");
			Credentials credentials = platform.credentials();
			assertThat(env(alpha, "SPRING_PROFILES_ACTIVE")).isEqualTo("local");
			assertThat(env(alpha, "CONFIG_SERVER_URL")).isEqualTo("http://localhost:8888");
			assertThat(env(alpha, "KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("localhost:19092");
			assertThat(env(alpha, "CONFIG_SERVER_USER")).isEqualTo("trellis");
			assertThat(env(alpha, "CONFIG_SERVER_PASSWORD")).isEqualTo(credentials.configServerPassword());
			assertThat(env(alpha, "EUREKA_PASSWORD")).isEqualTo(credentials.eurekaPassword());
			assertThat(env(alpha, "TRELLIS_EXTRA")).isEqualTo("yes");
		}
	}

	@Test
	void kafkaBootstrapServersFollowTheBrokersPort() {
		Topology topology = Topology.builder()
			.add(Topology.standard().component(Platform.KAFKA).withDefaultPort(29092))
			.build();
		try (Platform platform = Platform.builder(this.root).topology(topology).shutdownHook(false).build()) {
			assertThat(platform.applicationEnvironment()).containsEntry(Platform.KAFKA_BOOTSTRAP_SERVERS,
					"localhost:29092");
		}
	}

	@Test
	void componentJvmOptionsComeAfterThePlatformsSoTheyWin() throws IOException {
		Topology topology = Topology.builder()
			.add(ComponentSpec.application("alpha", TestPorts.next(), "alpha.jar")
				.withMainClass(FakeApp.class.getName())
				.withJvmOptions("-Xmx96m"))
			.build();
		try (Platform platform = Platform.builder(this.root)
			.topology(topology)
			.config(ConfigMode.NATIVE)
			.jvmOptions(List.of("-Xmx64m"))
			.build()) {
			platform.start();
			// ProcessHandle leaves out the arguments of a command line as long as this
			// one
			String commandLine = Files
				.readString(Path.of("/proc", Long.toString(platform.process("alpha").pid()), "cmdline"));
			assertThat(commandLine.split("\0")).containsSubsequence("-Xmx64m", "-Xmx96m");
		}
	}

	@Test
	void stateFileListsTheRunningProcessesUntilClose() {
		StateFile state = new StateFile(this.root.resolve(".trellis/state.json"));
		try (Platform platform = platform(fakes())) {
			platform.start();
			List<ProcessRecord> records = state.read();
			assertThat(records).extracting(ProcessRecord::name).containsExactlyInAnyOrder("alpha", "beta");
			assertThat(records).allSatisfy((record) -> assertThat(record.isRunning()).isTrue());
			ProcessRecord beta = records.stream().filter((record) -> record.name().equals("beta")).findFirst().get();
			assertThat(beta.pid()).isEqualTo(platform.process("beta").pid());
			assertThat(beta.stopOrder()).isEqualTo(1);
		}
		assertThat(state.read()).isEmpty();
	}

	@Test
	void killFreezeThawRestartAndStopActOnTheRealProcess() {
		try (Platform platform = platform(fakes())) {
			platform.start();
			AppProcess alpha = platform.process("alpha");
			long firstPid = alpha.pid();

			alpha.freeze();
			assertThat(alpha.isFrozen()).isTrue();
			assertThat(alpha.isHealthy()).isFalse();
			alpha.thaw();
			assertThat(alpha.isFrozen()).isFalse();
			assertThat(alpha.isHealthy()).isTrue();

			alpha.kill();
			assertThat(alpha.isAlive()).isFalse();
			assertThat(alpha.exitCode()).hasValue(137);
			platform.restart(alpha);
			assertThat(alpha.pid()).isNotEqualTo(firstPid);
			assertThat(alpha.isHealthy()).isTrue();

			platform.stop("alpha");
			assertThat(alpha.isAlive()).isFalse();
			platform.start("alpha");
			assertThat(alpha.isHealthy()).isTrue();

			alpha.freeze();
			alpha.stop();
			assertThat(alpha.isAlive()).isFalse();
		}
	}

	@Test
	void startInstanceAddsAnInstanceOnAFreePort() {
		try (Platform platform = platform(fakes())) {
			platform.start();
			AppProcess second = platform.startInstance("beta");
			assertThat(second.instance()).isEqualTo(2);
			assertThat(second.port()).isNotEqualTo(platform.process("beta").port());
			assertThat(second.logFile().getFileName()).hasToString("beta-2.log");
			assertThat(second.isHealthy()).isTrue();
			AppProcess third = platform.spawnInstance("beta");
			platform.awaitHealthy(third, Duration.ofSeconds(30));
			assertThat(platform.instances("beta")).containsExactly(platform.process("beta"), second, third);
		}
	}

	@Test
	void builderStartsSeveralInstances() {
		try (Platform platform = Platform.builder(this.root)
			.topology(fakes())
			.instances("beta", 2)
			.config(ConfigMode.NATIVE)
			.build()) {
			platform.start();
			assertThat(platform.instances("beta")).hasSize(2)
				.allSatisfy((process) -> assertThat(process.isHealthy()).isTrue());
		}
	}

	@Test
	void failedStartStopsEverythingAndReportsTheTellingLogLine() {
		try (Platform platform = platform(fakes("--fail=Web server failed to start. Port 1 was already in use."))) {
			assertThatExceptionOfType(PlatformException.class).isThrownBy(platform::start).satisfies((ex) -> {
				assertThat(ex.getMessage()).startsWith("beta exited with code 1 during startup (log: ")
					.contains("beta.log");
				assertThat(ex.detail()).hasValue("Description: Web server failed to start. Port 1 was already in use.");
			});
			assertThat(platform.process("alpha").isAlive()).isFalse();
			assertThat(new StateFile(this.root.resolve(".trellis/state.json")).read()).isEmpty();
		}
	}

	@Test
	void startGivesUpAfterTheStartTimeout() {
		try (Platform platform = Platform.builder(this.root)
			.topology(fakes(List.of("--ready-after=60000")))
			.startTimeout(Duration.ofSeconds(1))
			.config(ConfigMode.NATIVE)
			.build()) {
			assertThatExceptionOfType(PlatformException.class).isThrownBy(platform::start)
				.withMessageStartingWith("alpha did not become healthy within 1 s");
			assertThat(platform.process("alpha").isAlive()).isFalse();
		}
	}

	@Test
	void startFailsBeforeStartingAnythingWhenAPortIsBusy() throws IOException {
		Topology topology = fakes();
		int port = topology.component("beta").defaultPort();
		try (ServerSocket busy = new ServerSocket()) {
			busy.bind(new InetSocketAddress("127.0.0.1", port));
			try (Platform platform = platform(topology)) {
				assertThatExceptionOfType(PlatformException.class).isThrownBy(platform::start)
					.withMessageStartingWith("Port " + port + " is already in use (needed by beta)");
				assertThat(platform.process("alpha").pid()).isEqualTo(-1);
			}
		}
	}

	@Test
	void startFailsWhenAJarIsMissing() {
		Topology topology = Topology.builder()
			.add(ComponentSpec.application("gamma", TestPorts.next(), "gamma/target/gamma.jar"))
			.build();
		try (Platform platform = platform(topology)) {
			assertThatExceptionOfType(PlatformException.class).isThrownBy(platform::start)
				.withMessageContaining("Missing gamma/target/gamma.jar")
				.withMessageContaining("./mvnw -DskipTests package");
		}
	}

	@Test
	void startRefusesWhileAnotherPlatformRunsInTheSameProject() {
		Topology topology = fakes();
		try (Platform first = platform(topology)) {
			first.start();
			try (Platform second = platform(topology)) {
				assertThatExceptionOfType(PlatformException.class).isThrownBy(second::start)
					.withMessage("Trellis is already running (see ./trellis status); run ./trellis down first");
			}
			assertThat(first.process("alpha").isHealthy()).isTrue();
		}
	}

	@Test
	void onlyStartsTheNamedComponentsAndTheirDependencies() {
		try (Platform platform = Platform.builder(this.root)
			.topology(fakes())
			.only("alpha")
			.config(ConfigMode.NATIVE)
			.build()) {
			platform.start();
			assertThat(platform.process("alpha").isHealthy()).isTrue();
			assertThat(platform.instances("beta")).isEmpty();
		}
	}

	private Platform platform(Topology topology) {
		return Platform.builder(this.root)
			.topology(topology)
			.config(ConfigMode.NATIVE)
			.listener(this.events::add)
			.startTimeout(Duration.ofSeconds(60))
			.stopTimeout(Duration.ofSeconds(10))
			.applicationEnvironment("TRELLIS_EXTRA", "yes")
			.build();
	}

	static Topology fakes(String... betaArguments) {
		return fakes(List.of(), betaArguments);
	}

	static Topology fakes(List<String> alphaArguments, String... betaArguments) {
		return Topology.builder()
			.add(ComponentSpec.application("alpha", TestPorts.next(), "alpha.jar")
				.withMainClass(FakeApp.class.getName(), alphaArguments.toArray(String[]::new)))
			.add(ComponentSpec.application("beta", TestPorts.next(), "beta.jar", "alpha")
				.withMainClass(FakeApp.class.getName(), betaArguments))
			.build();
	}

	private int indexOf(String process, PlatformEvent.Type type) {
		for (int i = 0; i < this.events.size(); i++) {
			if (this.events.get(i).process().equals(process) && this.events.get(i).type() == type) {
				return i;
			}
		}
		throw new AssertionError("No " + type + " event for " + process + " in " + this.events);
	}

	private static String env(AppProcess process, String name) throws Exception {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(process.url() + "/env?" + name)).build(),
				HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

}
