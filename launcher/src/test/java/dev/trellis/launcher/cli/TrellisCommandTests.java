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
package dev.trellis.launcher.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.trellis.launcher.PlatformEvent;
import dev.trellis.launcher.Topology;
import dev.trellis.launcher.process.HealthProbe;
import dev.trellis.launcher.process.ProcessRecord;
import dev.trellis.launcher.process.StateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TrellisCommand}.
 *
 * @author Trellis authors
 */
class TrellisCommandTests {

	@TempDir
	Path root;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void helpPrintsTheUsage() {
		assertThat(run("help")).isZero();
		assertThat(out()).startsWith("Usage: ./trellis <command> [options]")
			.contains("up [-d]", "status", "down", "logs APP[-N]", "env");
		assertThat(run()).isZero();
	}

	@Test
	void unknownCommandPrintsTheUsageToStandardError() {
		assertThat(run("start")).isEqualTo(2);
		assertThat(err()).startsWith("trellis: Unknown command 'start'").contains("Usage:");
		assertThat(out()).isEmpty();
	}

	@Test
	void statusWhenNothingRuns() {
		assertThat(run("status")).isEqualTo(3);
		assertThat(out()).isEqualTo("Trellis is not running.\n");
	}

	@Test
	void statusChecksHealthLive() throws Exception {
		ProcessHandle self = ProcessHandle.current();
		try (ServerSocket socket = new ServerSocket(0)) {
			writeState(record("redis", self.pid(), self.info().startInstant().orElseThrow(), socket.getLocalPort(),
					HealthProbe.tcp()));
			assertThat(run("status")).isZero();
			assertThat(out()).contains("APP", "redis", "healthy", "redis://localhost:" + socket.getLocalPort());
		}
		this.out.reset();
		assertThat(run("status")).isEqualTo(1);
		assertThat(out()).contains("UNHEALTHY");
	}

	@Test
	void downStopsRecordedProcessesButNeverAReusedPid() throws Exception {
		Process sleep = new ProcessBuilder("sleep", "60").start();
		Process other = new ProcessBuilder("sleep", "60").start();
		try {
			Instant start = sleep.info().startInstant().orElseThrow();
			ProcessRecord ours = record("gateway", sleep.pid(), start, 1, HealthProbe.tcp());
			// the pid of a process that started later than recorded: not ours any more
			ProcessRecord reused = record("discovery", other.pid(), start.minusSeconds(3600), 2, HealthProbe.tcp());
			writeState(ours, reused);
			assertThat(run("down")).isZero();
			assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).isTrue();
			assertThat(other.isAlive()).isTrue();
			assertThat(out()).contains("gateway              stopped (pid " + sleep.pid() + ")")
				.contains("discovery            was not running (pid " + other.pid() + ")")
				.contains("Trellis is down (1 processes stopped).");
			assertThat(new StateFile(stateFile()).read()).isEmpty();
		}
		finally {
			sleep.destroyForcibly();
			other.destroyForcibly();
		}
	}

	@Test
	void downWhenNothingRuns() {
		assertThat(run("down")).isZero();
		assertThat(out()).isEqualTo("Trellis is not running.\n");
	}

	@Test
	void envPrintsExportLinesWithTheStoredCredentials() throws Exception {
		assertThat(run("env")).isZero();
		String env = out();
		assertThat(env).contains("export SPRING_PROFILES_ACTIVE='local'")
			.contains("export CONFIG_SERVER_URL='http://localhost:8888'")
			.contains("export KAFKA_BOOTSTRAP_SERVERS='localhost:19092'")
			.contains("export CONFIG_SERVER_USER='trellis'")
			.contains("export EUREKA_USER='trellis'");
		String properties = Files.readString(this.root.resolve(".trellis/credentials.properties"));
		String password = properties.lines()
			.filter((line) -> line.startsWith("CONFIG_SERVER_PASSWORD="))
			.findFirst()
			.orElseThrow()
			.substring("CONFIG_SERVER_PASSWORD=".length());
		assertThat(env).contains("export CONFIG_SERVER_PASSWORD='" + password + "'");
	}

	@Test
	void upFailsWithOneLineWhenJarsAreMissing() {
		assertThat(run("up", "-d")).isEqualTo(1);
		assertThat(err()).startsWith("trellis: Missing config-server/target/config-server.jar")
			.contains("./mvnw -DskipTests package");
		assertThat(new StateFile(stateFile()).read()).isEmpty();
	}

	@Test
	void upRejectsUnknownApplications() {
		assertThat(run("up", "--instances", "billing=2")).isEqualTo(2);
		assertThat(err()).startsWith("trellis: unknown application billing; known: postgres, redis");
	}

	@Test
	void logsKnowsTheApplicationsAndTheirInstances() {
		TrellisCommand command = command();
		Path logs = this.root.toAbsolutePath().resolve(".trellis/logs");
		assertThat(command.logFile("gateway")).hasValue(logs.resolve("gateway.log"));
		assertThat(command.logFile("catalog-service-2")).hasValue(logs.resolve("catalog-service-2.log"));
		assertThat(command.logFile("catalog-service-1")).hasValue(logs.resolve("catalog-service.log"));
		assertThat(command.logFile("billing")).isEmpty();
		assertThat(run("logs", "billing")).isEqualTo(2);
		assertThat(err())
			.startsWith("trellis: unknown application 'billing'; known: postgres, redis, kafka, zipkin, config-server");
		assertThat(run("logs", "gateway")).isEqualTo(1);
		assertThat(err()).contains("no log for gateway yet");
	}

	@Test
	void progressLinesShowTimeNameAndEvent() {
		TrellisCommand.EventPrinter printer = new TrellisCommand.EventPrinter(new PrintStream(this.out),
				Topology.standard());
		assertThat(printer.format(new PlatformEvent(Duration.ofMillis(3200), PlatformEvent.Type.STARTING,
				"config-server", 1234, 8888, "starting")))
			.isEqualTo("[   3.2s] config-server          starting (pid 1234, port 8888)");
		assertThat(printer.format(new PlatformEvent(Duration.ofMillis(14800), PlatformEvent.Type.HEALTHY,
				"config-server", 1234, 8888, "healthy")))
			.isEqualTo("[  14.8s] config-server          healthy");
		assertThat(printer.format(new PlatformEvent(Duration.ofMillis(100), PlatformEvent.Type.INFO, "", -1, -1,
				"config: git commit 1a2b3c4 (main)")))
			.isEqualTo("[   0.1s] config: git commit 1a2b3c4 (main)");
		assertThat(printer.format(new PlatformEvent(Duration.ofMillis(100), PlatformEvent.Type.EXITED, "gateway", 1,
				8080, "exited with code 1")))
			.isNull();
	}

	private int run(String... args) {
		return command().run(args);
	}

	private TrellisCommand command() {
		return new TrellisCommand(this.root, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), Map.of(), Topology.standard());
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	private Path stateFile() {
		return this.root.resolve(".trellis/state.json");
	}

	private void writeState(ProcessRecord... records) {
		new StateFile(stateFile()).write(List.of(records));
	}

	private ProcessRecord record(String name, long pid, Instant start, int port, String probe) {
		String scheme = name.equals("redis") ? "redis" : "http";
		return new ProcessRecord(name, 1, pid, start, port, scheme + "://localhost:" + port,
				this.root.resolve(".trellis/logs/" + name + ".log").toString(), probe, 0, null, null, null, null);
	}

}
