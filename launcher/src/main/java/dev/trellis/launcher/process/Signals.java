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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends signals to processes: SIGTERM and SIGKILL through {@link ProcessHandle}, SIGSTOP
 * and SIGCONT through the {@code kill} command.
 *
 * @author Trellis authors
 */
public final class Signals {

	private static final Duration KILL_WAIT = Duration.ofSeconds(10);

	private static final Duration SIGNAL_WAIT = Duration.ofSeconds(5);

	private Signals() {
	}

	/**
	 * Freezes a process (SIGSTOP) and waits until the kernel reports it stopped: the
	 * signal is delivered asynchronously, and a busy machine takes a moment to stop every
	 * thread of a JVM.
	 * @param process the process
	 */
	public static void freeze(ProcessHandle process) {
		send("STOP", process.pid());
		awaitFrozen(process.pid(), true);
	}

	/**
	 * Resumes a frozen process (SIGCONT) and waits until it runs again.
	 * @param process the process
	 */
	public static void thaw(ProcessHandle process) {
		send("CONT", process.pid());
		awaitFrozen(process.pid(), false);
	}

	private static void awaitFrozen(long pid, boolean frozen) {
		long deadline = System.nanoTime() + SIGNAL_WAIT.toNanos();
		while (isFrozen(pid) != frozen && state(pid) != '?' && System.nanoTime() - deadline < 0) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Kills a process (SIGKILL) and waits until it is gone.
	 * @param process the process
	 * @return whether it is gone
	 */
	public static boolean kill(ProcessHandle process) {
		process.destroyForcibly();
		return awaitExit(process, KILL_WAIT);
	}

	/**
	 * Stops a process gracefully: SIGCONT if it is frozen, SIGTERM, then SIGKILL if it is
	 * still alive after the timeout.
	 * @param process the process
	 * @param timeout how long to wait after SIGTERM
	 * @return {@code true} when it stopped on SIGTERM, {@code false} when it had to be
	 * killed
	 */
	public static boolean stop(ProcessHandle process, Duration timeout) {
		if (!process.isAlive()) {
			return true;
		}
		if (isFrozen(process.pid())) {
			// a stopped process keeps SIGTERM pending until it is resumed
			thaw(process);
		}
		process.destroy();
		if (awaitExit(process, timeout)) {
			return true;
		}
		kill(process);
		return false;
	}

	/**
	 * Waits until a process is gone.
	 * @param process the process
	 * @param timeout the longest wait
	 * @return whether it is gone
	 */
	public static boolean awaitExit(ProcessHandle process, Duration timeout) {
		CompletableFuture<ProcessHandle> exit = process.onExit();
		try {
			exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
	}

	/**
	 * Whether a process is stopped by a signal (state {@code T} in {@code /proc}).
	 * @param pid the pid
	 * @return whether it is frozen; {@code false} where {@code /proc} is not available
	 */
	public static boolean isFrozen(long pid) {
		char state = state(pid);
		return state == 'T' || state == 't';
	}

	/**
	 * Returns the scheduler state letter of a process from {@code /proc/<pid>/stat}.
	 * @param pid the pid
	 * @return the state ({@code R}, {@code S}, {@code T}, {@code Z}...), or {@code ?}
	 * when unknown
	 */
	public static char state(long pid) {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		try {
			String content = Files.readString(stat);
			int end = content.lastIndexOf(')');
			return (end >= 0 && end + 2 < content.length()) ? content.charAt(end + 2) : '?';
		}
		catch (IOException ex) {
			return '?';
		}
	}

	/**
	 * Returns the session id of a process from {@code /proc/<pid>/stat}.
	 * @param pid the pid
	 * @return the session id, or -1 when unknown
	 */
	public static long sessionId(long pid) {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		try {
			String content = Files.readString(stat);
			// fields after the command: state ppid pgrp session ...
			String[] fields = content.substring(content.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[3]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static void send(String signal, long pid) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
				.start();
			String output = new String(kill.getInputStream().readAllBytes()).trim();
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill -" + signal + " " + pid + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run kill -" + signal + " " + pid, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending SIG" + signal + " to " + pid, ex);
		}
	}

}
