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
package dev.trellis.launcher.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import dev.trellis.launcher.Platform;
import dev.trellis.launcher.process.Signals;

/**
 * What the infrastructure wrappers share: stale server clean-up, the ready line and
 * waiting for the end.
 *
 * @author Trellis authors
 */
final class Wrappers {

	private static final Duration STALE_STOP_TIMEOUT = Duration.ofSeconds(30);

	private Wrappers() {
	}

	/**
	 * Stops a server left behind by a wrapper that was killed: the process named by a pid
	 * file, provided its command line contains all the given marks (so that a reused pid
	 * is never signalled).
	 * @param pidFile the pid file (pid on the first line)
	 * @param interrupt whether to stop it with SIGINT (PostgreSQL's fast shutdown) rather
	 * than SIGTERM
	 * @param marks strings its command line must contain
	 * @return whether a stale server was found
	 */
	static boolean stopStaleServer(Path pidFile, boolean interrupt, String... marks) {
		Optional<ProcessHandle> stale = readPid(pidFile).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> commandLineContains(handle, marks));
		if (stale.isEmpty()) {
			return false;
		}
		ProcessHandle handle = stale.get();
		System.out.println("Stopping stale server left by an earlier run (pid " + handle.pid() + ")");
		if (interrupt) {
			try {
				new ProcessBuilder("kill", "-INT", Long.toString(handle.pid())).inheritIO().start().waitFor();
			}
			catch (IOException ex) {
				handle.destroy();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return true;
			}
			if (!Signals.awaitExit(handle, STALE_STOP_TIMEOUT)) {
				Signals.kill(handle);
			}
		}
		else {
			Signals.stop(handle, STALE_STOP_TIMEOUT);
		}
		return true;
	}

	/**
	 * Reads the pid on the first line of a pid file.
	 * @param pidFile the file
	 * @return the pid, or empty
	 */
	static Optional<Long> readPid(Path pidFile) {
		try {
			List<String> lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean commandLineContains(ProcessHandle handle, String... marks) {
		String commandLine = handle.info().commandLine().orElse("");
		for (String mark : marks) {
			if (!commandLine.contains(mark)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Prints the line the launcher waits for.
	 * @param name the server name
	 * @param port its port
	 * @param serverPid the pid of the server process, or -1
	 */
	static void printReady(String name, int port, long serverPid) {
		System.out.println(Platform.READY_MARKER + " " + name + " port=" + port
				+ ((serverPid > 0) ? " server-pid=" + serverPid : ""));
		System.out.flush();
	}

	/**
	 * Blocks until the JVM shuts down (the shutdown hooks stop the server).
	 */
	static void awaitShutdown() {
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
