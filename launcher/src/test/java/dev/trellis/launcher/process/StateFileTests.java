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
package dev.trellis.launcher.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link StateFile} and {@link ProcessRecord}.
 *
 * @author Trellis authors
 */
class StateFileTests {

	@TempDir
	Path directory;

	@Test
	void recordsSurviveARoundTrip() {
		StateFile state = new StateFile(this.directory.resolve(".trellis/state.json"));
		ProcessRecord gateway = record("gateway", 1, 4242, Instant.parse("2026-01-02T03:04:05.678Z"), 2)
			.withServer(4343, Instant.parse("2026-01-02T03:04:06Z"), 1234L);
		ProcessRecord catalog = record("catalog-service", 2, 4444, Instant.parse("2026-01-02T03:04:07Z"), 2);
		state.write(List.of(gateway, catalog));
		assertThat(new StateFile(state.path()).read()).containsExactly(gateway, catalog);
	}

	@Test
	void putReplacesTheSameInstanceAndRemoveDropsAPid() {
		StateFile state = new StateFile(this.directory.resolve("state.json"));
		state.put(record("alpha", 1, 1, Instant.EPOCH, 0));
		state.put(record("alpha", 2, 2, Instant.EPOCH, 0));
		state.put(record("alpha", 1, 3, Instant.EPOCH, 0));
		assertThat(state.read()).extracting(ProcessRecord::pid).containsExactly(2L, 3L);
		state.remove(2);
		state.remove(3);
		assertThat(state.read()).isEmpty();
		assertThat(state.path()).doesNotExist();
	}

	@Test
	void aRecordIsOnlyRunningWhileItsPidHasTheRecordedStartInstant() {
		ProcessHandle self = ProcessHandle.current();
		Instant start = self.info().startInstant().orElseThrow();
		assertThat(record("self", 1, self.pid(), start, 0).isRunning()).isTrue();
		assertThat(record("self", 1, self.pid(), start.minusSeconds(30), 0).handle()).isEmpty();
		assertThat(record("gone", 1, Long.MAX_VALUE / 2, start, 0).isRunning()).isFalse();
	}

	@Test
	void recordedStartTicksOutweighTheStartInstant() {
		ProcessHandle self = ProcessHandle.current();
		Long ticks = ProcessRecord.ticks(self.pid());
		assumeTrue(ticks != null, "no /proc here");
		Instant start = self.info().startInstant().orElseThrow();
		// A wall clock step moves the instant a JVM derives from the ticks: still
		// running.
		assertThat(withTicks(record("self", 1, self.pid(), start.minusSeconds(30), 0), ticks).isRunning()).isTrue();
		// Another process that got the pid started at other ticks.
		assertThat(withTicks(record("self", 1, self.pid(), start, 0), ticks + 1).isRunning()).isFalse();
	}

	@Test
	void runningIgnoresProcessesThatAreGone() {
		StateFile state = new StateFile(this.directory.resolve("state.json"));
		ProcessHandle self = ProcessHandle.current();
		ProcessRecord live = record("self", 1, self.pid(), self.info().startInstant().orElseThrow(), 0);
		state.write(List.of(live, record("gone", 1, Long.MAX_VALUE / 2, Instant.EPOCH, 0)));
		assertThat(state.running()).containsExactly(live);
	}

	@Test
	void stopOrderPutsDependentsFirst() {
		List<ProcessRecord> records = List.of(record("postgres", 1, 1, Instant.EPOCH, 0),
				record("catalog-service", 1, 2, Instant.EPOCH, 1), record("catalog-service", 2, 3, Instant.EPOCH, 1),
				record("config-server", 1, 4, Instant.EPOCH, 0));
		assertThat(StateFile.inStopOrder(records)).extracting(ProcessRecord::pid).containsExactly(3L, 2L, 1L, 4L);
	}

	@Test
	void aBrokenFileIsReportedClearly() throws Exception {
		Path file = this.directory.resolve("state.json");
		Files.writeString(file, "{ not json");
		assertThatIllegalStateException().isThrownBy(() -> new StateFile(file).read())
			.withMessageContaining("Cannot read " + file);
	}

	@Test
	void displayNameAddsTheInstanceNumberFromTheSecondOn() {
		assertThat(ProcessRecord.displayName("catalog-service", 1)).isEqualTo("catalog-service");
		assertThat(ProcessRecord.displayName("catalog-service", 2)).isEqualTo("catalog-service-2");
	}

	private static ProcessRecord record(String name, int instance, long pid, Instant start, int stopOrder) {
		return new ProcessRecord(name, instance, pid, start, 8080 + instance, "http://localhost:" + (8080 + instance),
				"/tmp/" + name + ".log", HealthProbe.http(HealthProbe.READINESS_PATH), stopOrder, null, null, null,
				null);
	}

	private static ProcessRecord withTicks(ProcessRecord record, long ticks) {
		return new ProcessRecord(record.name(), record.instance(), record.pid(), record.startInstant(), record.port(),
				record.url(), record.log(), record.probe(), record.stopOrder(), null, null, ticks, null);
	}

}
