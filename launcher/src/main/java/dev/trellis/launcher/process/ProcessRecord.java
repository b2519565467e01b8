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

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.trellis.launcher.watchdog.Watchdog;
import org.jspecify.annotations.Nullable;

/**
 * One process started by Trellis, as written to {@code .trellis/state.json}.
 * <p>
 * A pid is only trusted while the process that holds it started at the recorded instant:
 * {@link #handle()} is empty for a pid that has since been reused by another process.
 *
 * @param name the component name (for example {@code catalog-service})
 * @param instance the instance number, 1 for the first
 * @param pid the pid of the process (the JVM itself)
 * @param startInstant when that process started, as reported by
 * {@link ProcessHandle.Info}
 * @param port the port it serves
 * @param url the URL shown to users
 * @param log the log file (absolute)
 * @param probe how its health is checked ({@code http:<path>} or {@code tcp})
 * @param stopOrder processes with a higher value are stopped first
 * @param serverPid for infrastructure wrappers, the pid of the server they run (a
 * PostgreSQL postmaster), or {@code null}
 * @param serverStartInstant start instant of the server process, or {@code null}
 * @param startTicks when the process started in clock ticks since boot, where
 * {@code /proc} tells it, else {@code null}: exact and immune to wall clock steps, which
 * move the instant a JVM derives from it
 * @param serverStartTicks the same for the server process, or {@code null}
 * @author Trellis authors
 */
public record ProcessRecord(String name, int instance, long pid, Instant startInstant, int port, String url, String log,
		String probe, int stopOrder, @Nullable Long serverPid, @Nullable Instant serverStartInstant,
		@Nullable Long startTicks, @Nullable Long serverStartTicks) {

	/** Largest difference between two readings of the start time of one process. */
	static final Duration START_TOLERANCE = Duration.ofSeconds(1);

	/**
	 * Name shown to users and used for the log file: {@code catalog-service} for instance
	 * 1, {@code catalog-service-2} for instance 2.
	 * @return the display name
	 */
	public String displayName() {
		return displayName(this.name, this.instance);
	}

	/**
	 * Returns the handle of the recorded process while it is alive and still the one that
	 * was recorded.
	 * @return the handle, or empty when the process is gone or the pid was reused
	 */
	public Optional<ProcessHandle> handle() {
		return matching(this.pid, this.startInstant, this.startTicks);
	}

	/**
	 * Returns the handle of the server process run by an infrastructure wrapper.
	 * @return the handle, or empty when there is none or it is gone
	 */
	public Optional<ProcessHandle> serverHandle() {
		if (this.serverPid == null || this.serverStartInstant == null) {
			return Optional.empty();
		}
		return matching(this.serverPid, this.serverStartInstant, this.serverStartTicks);
	}

	/**
	 * Whether the recorded process is still running.
	 * @return whether it is alive and not reused
	 */
	public boolean isRunning() {
		return handle().isPresent();
	}

	/**
	 * Returns a copy with the server process set.
	 * @param serverPid the server pid
	 * @param serverStartInstant the server start instant
	 * @param serverStartTicks the server start in clock ticks since boot, or {@code null}
	 * @return the copy
	 */
	public ProcessRecord withServer(long serverPid, Instant serverStartInstant, @Nullable Long serverStartTicks) {
		return new ProcessRecord(this.name, this.instance, this.pid, this.startInstant, this.port, this.url, this.log,
				this.probe, this.stopOrder, serverPid, serverStartInstant, this.startTicks, serverStartTicks);
	}

	/**
	 * Display name of an instance.
	 * @param name the component name
	 * @param instance the instance number
	 * @return {@code name} for instance 1, {@code name-N} otherwise
	 */
	public static String displayName(String name, int instance) {
		return (instance == 1) ? name : name + "-" + instance;
	}

	/**
	 * Returns the handle of a live process only when it is the one that started at the
	 * expected time: the same clock ticks since boot where they are known, else the same
	 * instant within a second (JDKs derive it from the ticks).
	 * @param pid the pid
	 * @param expectedStart the recorded start instant
	 * @param expectedTicks the recorded start ticks, or {@code null}
	 * @return the handle, or empty
	 */
	public static Optional<ProcessHandle> matching(long pid, Instant expectedStart, @Nullable Long expectedTicks) {
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			// an exited child of a killed launcher stays a zombie until its new parent
			// reaps it
			.filter((handle) -> Signals.state(pid) != 'Z')
			.filter((handle) -> startedAt(handle, expectedStart, expectedTicks));
	}

	private static boolean startedAt(ProcessHandle handle, Instant expectedStart, @Nullable Long expectedTicks) {
		Long actualTicks = (expectedTicks != null) ? ticks(handle.pid()) : null;
		if (actualTicks != null) {
			return actualTicks.equals(expectedTicks);
		}
		Optional<Instant> actual = handle.info().startInstant();
		return actual.isPresent()
				&& Duration.between(actual.get(), expectedStart).abs().compareTo(START_TOLERANCE) <= 0;
	}

	/**
	 * Returns when a process started in clock ticks since boot.
	 * @param pid the pid
	 * @return the ticks, or {@code null} where {@code /proc} does not tell
	 */
	public static @Nullable Long ticks(long pid) {
		long ticks = Watchdog.startTicks(pid);
		return (ticks >= 0) ? ticks : null;
	}

}
