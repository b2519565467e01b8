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

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import dev.trellis.launcher.process.HealthProbe;
import dev.trellis.launcher.process.LogFiles;
import dev.trellis.launcher.process.Ports;
import dev.trellis.launcher.process.ProcessRecord;
import dev.trellis.launcher.process.Signals;
import org.jspecify.annotations.Nullable;

/**
 * One instance of a component of a {@link Platform}: a name, an instance number, a port
 * and a log file, run by one operating-system process at a time.
 * <p>
 * The fault methods act on the real process: {@link #kill()} sends SIGKILL,
 * {@link #freeze()} SIGSTOP and {@link #thaw()} SIGCONT. {@link Platform#restart} starts
 * a new process for the same instance (same port and log file), so {@link #pid()}
 * changes. For infrastructure the process is the wrapper JVM, and the faults also reach
 * the server it runs (the PostgreSQL postmaster and its backends, the Redis server).
 *
 * @author Trellis authors
 */
public final class AppProcess {

	private final Platform platform;

	private final ComponentSpec component;

	private final int instance;

	private final int port;

	private final Path logFile;

	private volatile @Nullable Process process;

	private volatile @Nullable Instant startInstant;

	private volatile long logOffset;

	private volatile boolean ready;

	private volatile @Nullable ProcessHandle server;

	private volatile boolean exitExpected;

	AppProcess(Platform platform, ComponentSpec component, int instance, int port, Path logFile) {
		this.platform = platform;
		this.component = component;
		this.instance = instance;
		this.port = port;
		this.logFile = logFile;
	}

	/**
	 * Returns the component name.
	 * @return the name
	 */
	public String name() {
		return this.component.name();
	}

	/**
	 * Returns the component.
	 * @return the component
	 */
	public ComponentSpec component() {
		return this.component;
	}

	/**
	 * Returns the instance number, 1 for the first.
	 * @return the instance number
	 */
	public int instance() {
		return this.instance;
	}

	/**
	 * Returns the name shown to users: {@code catalog-service},
	 * {@code catalog-service-2}.
	 * @return the display name
	 */
	public String displayName() {
		return ProcessRecord.displayName(name(), this.instance);
	}

	/**
	 * Returns the pid of the current process.
	 * @return the pid, or -1 when it was never started
	 */
	public long pid() {
		Process current = this.process;
		return (current != null) ? current.pid() : -1;
	}

	/**
	 * Returns the port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the base URL, such as {@code http://localhost:8081}.
	 * @return the URL
	 */
	public URI url() {
		return URI.create(this.component.scheme() + "://localhost:" + this.port);
	}

	/**
	 * Returns the log file (standard output and error of every run, appended).
	 * @return the log file
	 */
	public Path logFile() {
		return this.logFile;
	}

	/**
	 * Whether the current process is running (a frozen process is running).
	 * @return whether it is alive
	 */
	public boolean isAlive() {
		Process current = this.process;
		return current != null && current.isAlive();
	}

	/**
	 * Whether the instance is healthy right now: for an application its readiness
	 * endpoint answers 200, for infrastructure its wrapper reported ready and the port
	 * accepts connections.
	 * @return whether it is healthy
	 */
	public boolean isHealthy() {
		if (!isAlive()) {
			return false;
		}
		if (this.component.kind() == ComponentSpec.Kind.APPLICATION) {
			return HealthProbe.check(HealthProbe.http(HealthProbe.READINESS_PATH), this.port);
		}
		return isReady() && Ports.accepts(this.port, Duration.ofSeconds(1));
	}

	/**
	 * Whether the current process is frozen (SIGSTOP).
	 * @return whether it is frozen
	 */
	public boolean isFrozen() {
		return isAlive() && Signals.isFrozen(pid());
	}

	/**
	 * Returns the exit code of the last process once it has exited.
	 * @return the exit code, or empty while it runs or when it never started
	 */
	public OptionalInt exitCode() {
		Process current = this.process;
		return (current != null && !current.isAlive()) ? OptionalInt.of(current.exitValue()) : OptionalInt.empty();
	}

	/**
	 * Kills the process with SIGKILL (and, for infrastructure, the server it runs) and
	 * waits until it is gone.
	 */
	public void kill() {
		this.platform.kill(this);
	}

	/**
	 * Freezes the process with SIGSTOP: it keeps its sockets but answers nothing.
	 */
	public void freeze() {
		this.platform.signal(this, true);
	}

	/**
	 * Resumes a frozen process with SIGCONT.
	 */
	public void thaw() {
		this.platform.signal(this, false);
	}

	/**
	 * Stops the process gracefully: SIGTERM, then SIGKILL after the platform's stop
	 * timeout. The instance keeps its port; {@link Platform#restart} starts it again.
	 */
	public void stop() {
		this.platform.stop(this);
	}

	/**
	 * Returns the lines the current process has written to its log so far.
	 * @return the lines
	 */
	public List<String> log() {
		return LogFiles.linesFrom(this.logFile, this.logOffset);
	}

	@Override
	public String toString() {
		return displayName() + "[pid=" + pid() + ", port=" + this.port + "]";
	}

	// --- used by Platform ---

	void started(Process process, long logOffset) {
		this.process = process;
		this.startInstant = process.info().startInstant().orElseGet(Instant::now);
		this.logOffset = logOffset;
		this.ready = false;
		this.server = null;
		this.exitExpected = false;
	}

	@Nullable Process process() {
		return this.process;
	}

	Optional<ProcessHandle> handle() {
		Process current = this.process;
		return (current != null && current.isAlive()) ? Optional.of(current.toHandle()) : Optional.empty();
	}

	/**
	 * Returns the processes that faults reach: the process itself, then the server it
	 * runs and that server's children.
	 * @return the live processes
	 */
	List<ProcessHandle> processTree() {
		List<ProcessHandle> tree = new ArrayList<>();
		handle().ifPresent((handle) -> {
			tree.add(handle);
			handle.descendants().forEach(tree::add);
		});
		ProcessHandle serverHandle = this.server;
		if (serverHandle != null && serverHandle.isAlive() && !tree.contains(serverHandle)) {
			tree.add(serverHandle);
			serverHandle.descendants().filter((child) -> !tree.contains(child)).forEach(tree::add);
		}
		return tree;
	}

	@Nullable ProcessHandle server() {
		return this.server;
	}

	boolean isReady() {
		if (this.ready) {
			return true;
		}
		for (String line : log()) {
			int marker = line.indexOf(Platform.READY_MARKER);
			if (marker >= 0) {
				this.server = serverFrom(line.substring(marker)).orElse(null);
				this.ready = true;
				return true;
			}
		}
		return false;
	}

	private static Optional<ProcessHandle> serverFrom(String readyLine) {
		for (String token : readyLine.split("\\s+")) {
			if (token.startsWith("server-pid=")) {
				try {
					return ProcessHandle.of(Long.parseLong(token.substring("server-pid=".length())));
				}
				catch (NumberFormatException ex) {
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

	void expectExit() {
		this.exitExpected = true;
	}

	boolean isExitExpected() {
		return this.exitExpected;
	}

	ProcessRecord toRecord(String probe, int stopOrder) {
		Process current = this.process;
		Instant start = this.startInstant;
		if (current == null || start == null) {
			throw new IllegalStateException(displayName() + " was never started");
		}
		ProcessRecord record = new ProcessRecord(name(), this.instance, current.pid(), start, this.port,
				url().toString(), this.logFile.toString(), probe, stopOrder, null, null,
				ProcessRecord.ticks(current.pid()), null);
		ProcessHandle serverHandle = this.server;
		if (serverHandle != null) {
			Optional<Instant> serverStart = serverHandle.info().startInstant();
			if (serverStart.isPresent()) {
				record = record.withServer(serverHandle.pid(), serverStart.get(),
						ProcessRecord.ticks(serverHandle.pid()));
			}
		}
		return record;
	}

}
