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

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Java agent that ends its JVM when the process that owns it is gone, so that no child of
 * the launcher outlives it (even when the launcher or a test JVM is killed with SIGKILL).
 * <p>
 * The owner is named by the system property {@value #PARENT_PID_PROPERTY}, optionally
 * with its start time in epoch milliseconds in {@value #PARENT_START_PROPERTY} (which
 * guards against a reused pid). Without the property the agent does nothing. When the
 * owner is gone the JVM exits through {@link System#exit(int)}, so shutdown hooks
 * (Spring's graceful shutdown, the embedded servers' stop) run; a JVM whose hooks hang is
 * halted after {@value #HALT_AFTER_MILLIS} ms.
 * <p>
 * This class is copied alone into a tiny agent jar by
 * {@code dev.trellis.launcher.process.WatchdogAgentJar}: it must not use other classes of
 * the launcher, nor nested or anonymous classes.
 *
 * @author Trellis authors
 */
public final class Watchdog {

	/** System property holding the pid of the owning process. */
	public static final String PARENT_PID_PROPERTY = "trellis.watchdog.parent-pid";

	/** System property holding the start time of the owning process (epoch millis). */
	public static final String PARENT_START_PROPERTY = "trellis.watchdog.parent-start";

	/** Exit status used when the owner is gone. */
	public static final int EXIT_STATUS = 0;

	static final long POLL_MILLIS = 500;

	static final long HALT_AFTER_MILLIS = 30_000;

	static final long START_TOLERANCE_MILLIS = 1_000;

	private Watchdog() {
	}

	/**
	 * Agent entry point used with {@code -javaagent}.
	 * @param arguments ignored
	 * @param instrumentation ignored
	 */
	public static void premain(String arguments, Instrumentation instrumentation) {
		startFromSystemProperties();
	}

	/**
	 * Agent entry point used when attached to a running JVM.
	 * @param arguments ignored
	 * @param instrumentation ignored
	 */
	public static void agentmain(String arguments, Instrumentation instrumentation) {
		startFromSystemProperties();
	}

	/**
	 * Starts watching the owner named by the system properties, if any.
	 * @return the watching thread, or empty when no owner is named
	 */
	public static Optional<Thread> startFromSystemProperties() {
		String pid = System.getProperty(PARENT_PID_PROPERTY);
		if (pid == null || pid.isBlank()) {
			return Optional.empty();
		}
		String start = System.getProperty(PARENT_START_PROPERTY);
		long startMillis = (start != null && !start.isBlank()) ? Long.parseLong(start.trim()) : -1;
		return Optional.of(watch(Long.parseLong(pid.trim()), startMillis));
	}

	/**
	 * Starts a daemon thread that exits this JVM once the given process is gone.
	 * @param parentPid the pid of the owner
	 * @param parentStartMillis the owner's start time in epoch millis, or a negative
	 * value when unknown
	 * @return the started thread
	 */
	public static Thread watch(long parentPid, long parentStartMillis) {
		Thread thread = new Thread(() -> {
			while (isAlive(parentPid, parentStartMillis)) {
				try {
					Thread.sleep(POLL_MILLIS);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
			System.err.println("[trellis-watchdog] owner process " + parentPid + " is gone: shutting down");
			Thread halter = new Thread(() -> {
				try {
					Thread.sleep(HALT_AFTER_MILLIS);
				}
				catch (InterruptedException ex) {
					return;
				}
				Runtime.getRuntime().halt(EXIT_STATUS);
			}, "trellis-watchdog-halt");
			halter.setDaemon(true);
			halter.start();
			System.exit(EXIT_STATUS);
		}, "trellis-watchdog");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/**
	 * Whether the given process is alive (and not a zombie) and started at the given
	 * time.
	 * @param pid the pid
	 * @param startMillis the expected start time in epoch millis, or a negative value to
	 * skip that check
	 * @return whether the process is alive
	 */
	public static boolean isAlive(long pid, long startMillis) {
		Optional<ProcessHandle> handle = ProcessHandle.of(pid);
		if (handle.isEmpty() || !handle.get().isAlive() || isZombie(pid)) {
			return false;
		}
		if (startMillis < 0) {
			return true;
		}
		// JDKs derive the start time from clock ticks since boot: allow for rounding
		return handle.get()
			.info()
			.startInstant()
			.map((instant) -> Math.abs(instant.toEpochMilli() - startMillis) <= START_TOLERANCE_MILLIS)
			.orElse(true);
	}

	private static boolean isZombie(long pid) {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (!Files.isReadable(stat)) {
			return false;
		}
		try {
			String content = Files.readString(stat);
			// the command name is in parentheses and may contain spaces: the state
			// follows
			// the last ')'
			int end = content.lastIndexOf(')');
			char state = (end >= 0 && end + 2 < content.length()) ? content.charAt(end + 2) : '?';
			return state == 'Z' || state == 'X';
		}
		catch (IOException ex) {
			return false;
		}
	}

}
