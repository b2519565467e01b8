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
package dev.trellis.launcher.watchdog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.concurrent.TimeUnit;

import dev.trellis.launcher.TestPorts;
import dev.trellis.launcher.process.WatchdogAgentJar;
import dev.trellis.launcher.testapp.FakeApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link Watchdog}.
 *
 * @author Trellis authors
 */
class WatchdogTests {

	@TempDir
	Path directory;

	@Test
	void childJvmExitsSoonAfterItsOwnerIsGone() throws Exception {
		Process owner = new ProcessBuilder("sleep", "3").start();
		Process child = null;
		try {
			Path agent = WatchdogAgentJar.ensure(this.directory);
			Path log = this.directory.resolve("child.log");
			child = new ProcessBuilder(javaCommand(), "-javaagent:" + agent,
					"-D" + Watchdog.PARENT_PID_PROPERTY + "=" + owner.pid(),
					"-D" + Watchdog.PARENT_START_PROPERTY + "="
							+ owner.info().startInstant().orElseThrow().toEpochMilli(),
					"-D" + Watchdog.PARENT_START_TICKS_PROPERTY + "=" + Watchdog.startTicks(owner.pid()), "-cp",
					System.getProperty("java.class.path"), FakeApp.class.getName(), "--server.port=" + TestPorts.next())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			Thread.sleep(1500);
			assertThat(child.isAlive()).as("alive while its owner runs").isTrue();
			assertThat(owner.waitFor(10, TimeUnit.SECONDS)).isTrue();
			assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("exits once its owner is gone").isTrue();
			assertThat(child.exitValue()).isEqualTo(Watchdog.EXIT_STATUS);
			assertThat(Files.readString(log)).contains("owner process " + owner.pid() + " is gone")
				.contains("FakeApp stopping");
		}
		finally {
			owner.destroyForcibly();
			if (child != null) {
				child.destroyForcibly();
			}
		}
	}

	@Test
	void agentJarHoldsOnlyTheWatchdog() throws Exception {
		Path agent = WatchdogAgentJar.ensure(this.directory);
		assertThat(WatchdogAgentJar.ensure(this.directory)).isEqualTo(agent);
		try (JarFile jar = new JarFile(agent.toFile())) {
			assertThat(jar.getManifest().getMainAttributes().getValue("Premain-Class"))
				.isEqualTo(Watchdog.class.getName());
			List<String> classes = jar.stream()
				.map(JarEntry::getName)
				.filter((name) -> name.endsWith(".class"))
				.toList();
			assertThat(classes).containsExactly("dev/trellis/launcher/watchdog/Watchdog.class");
		}
	}

	@Test
	void isAliveChecksTheStartInstantWhereTicksAreUnknown() {
		ProcessHandle self = ProcessHandle.current();
		long start = self.info().startInstant().orElseThrow().toEpochMilli();
		assertThat(Watchdog.isAlive(self.pid(), start, -1)).isTrue();
		assertThat(Watchdog.isAlive(self.pid(), -1, -1)).isTrue();
		assertThat(Watchdog.isAlive(self.pid(), start - 60_000, -1)).isFalse();
		assertThat(Watchdog.isAlive(Long.MAX_VALUE / 2, -1, -1)).isFalse();
	}

	@Test
	void isAliveTrustsTheStartTicksOverTheWallClock() {
		ProcessHandle self = ProcessHandle.current();
		long ticks = Watchdog.startTicks(self.pid());
		assumeTrue(ticks >= 0, "no /proc here");
		long start = self.info().startInstant().orElseThrow().toEpochMilli();
		// A clock step moves the instant a JVM computes from the ticks: still the owner.
		assertThat(Watchdog.isAlive(self.pid(), start - 60_000, ticks)).isTrue();
		// Another process that got the pid started at other ticks.
		assertThat(Watchdog.isAlive(self.pid(), start, ticks + 1)).isFalse();
	}

	@Test
	void startTicksOfALaterProcessAreLater() throws Exception {
		long own = Watchdog.startTicks(ProcessHandle.current().pid());
		assumeTrue(own >= 0, "no /proc here");
		Process later = new ProcessBuilder("sleep", "5").start();
		try {
			assertThat(Watchdog.startTicks(later.pid())).isGreaterThanOrEqualTo(own);
			assertThat(Watchdog.startTicks(Long.MAX_VALUE / 2)).isEqualTo(-1);
		}
		finally {
			later.destroyForcibly();
		}
	}

	@Test
	void nothingIsWatchedWithoutAnOwner() {
		String previous = System.getProperty(Watchdog.PARENT_PID_PROPERTY);
		System.clearProperty(Watchdog.PARENT_PID_PROPERTY);
		try {
			assertThat(Watchdog.startFromSystemProperties()).isEmpty();
		}
		finally {
			if (previous != null) {
				System.setProperty(Watchdog.PARENT_PID_PROPERTY, previous);
			}
		}
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
