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

	/**
	 * System property holding the start time of the owning process in clock ticks since
	 * boot, where {@code /proc} tells it (Linux).
	 */
	public static final String PARENT_START_TICKS_PROPERTY = "trellis.watchdog.parent-start-ticks";

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
		return Optional.of(watch(Long.parseLong(pid.trim()), longProperty(PARENT_START_PROPERTY),
				longProperty(PARENT_START_TICKS_PROPERTY)));
	}

	private static long longProperty(String name) {
		String value = System.getProperty(name);
		return (value != null && !value.isBlank()) ? Long.parseLong(value.trim()) : -1;
	}

	/**
	 * Starts a daemon thread that exits this JVM once the given process is gone.
	 * @param parentPid the pid of the owner
	 * @param parentStartMillis the owner's start time in epoch millis, or a negative
	 * value when unknown
	 * @param parentStartTicks the owner's start time in clock ticks since boot, or a
	 * negative value when unknown
	 * @return the started thread
	 */
	public static Thread watch(long parentPid, long parentStartMillis, long parentStartTicks) {
		Thread thread = new Thread(() -> {
			while (isAlive(parentPid, parentStartMillis, parentStartTicks)) {
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
	 * Whether the given process is alive (and not a zombie) and is the one that started
	 * at the given time, not another that got its pid since.
	 * @param pid the pid
	 * @param startMillis the expected start time in epoch millis, or a negative value to
	 * skip that check
	 * @param startTicks the expected start time in clock ticks since boot, or a negative
	 * value when unknown
	 * @return whether the process is alive
	 */
	public static boolean isAlive(long pid, long startMillis, long startTicks) {
		Optional<ProcessHandle> handle = ProcessHandle.of(pid);
		if (handle.isEmpty() || !handle.get().isAlive() || isZombie(pid)) {
			return false;
		}
		if (startTicks >= 0) {
			// Exact, and immune to the wall clock: a JVM converts ticks to an instant
			// with the boot time as it reads it, and a clock step moves that (seen once
			// as a second's difference, and every child then took its owner for gone).
			long actual = startTicks(pid);
			if (actual >= 0) {
				return actual == startTicks;
			}
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

	/**
	 * Returns when a process started, in clock ticks since boot, from
	 * {@code /proc/<pid>/stat} (field 22).
	 * @param pid the pid
	 * @return the start time in ticks, or -1 where {@code /proc} does not tell
	 */
	public static long startTicks(long pid) {
		String[] fields = statFields(pid);
		// fields[0] is the state, field 3 of the file: starttime is field 22
		if (fields.length > 19) {
			try {
				return Long.parseLong(fields[19]);
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}
		return -1;
	}

	private static boolean isZombie(long pid) {
		String[] fields = statFields(pid);
		return fields.length > 0 && (fields[0].equals("Z") || fields[0].equals("X"));
	}

	/**
	 * The fields of {@code /proc/<pid>/stat} after the command name, which is in
	 * parentheses and may contain spaces: the state first.
	 */
	private static String[] statFields(long pid) {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (!Files.isReadable(stat)) {
			return new String[0];
		}
		try {
			String content = Files.readString(stat);
			int end = content.lastIndexOf(')');
			return (end >= 0 && end + 2 < content.length()) ? content.substring(end + 2).trim().split(" ")
					: new String[0];
		}
		catch (IOException ex) {
			return new String[0];
		}
	}

}
