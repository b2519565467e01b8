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

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.ConfigEncryptionClient;
import dev.trellis.launcher.Credentials;
import dev.trellis.launcher.Platform;
import dev.trellis.launcher.PlatformEvent;
import dev.trellis.launcher.PlatformException;
import dev.trellis.launcher.PlatformListener;
import dev.trellis.launcher.TokenClient;
import dev.trellis.launcher.Topology;
import dev.trellis.launcher.TraceTree;
import dev.trellis.launcher.ZipkinClient;
import dev.trellis.launcher.process.HealthProbe;
import dev.trellis.launcher.process.JavaRuntime;
import dev.trellis.launcher.process.LogFiles;
import dev.trellis.launcher.process.ProcessRecord;
import dev.trellis.launcher.process.Signals;
import dev.trellis.launcher.process.StateFile;

/**
 * The {@code ./trellis} command: {@code up}, {@code status}, {@code down}, {@code logs},
 * {@code env} and {@code help}.
 * <p>
 * Exit codes: 0 success, 1 failure (or, for {@code status}, something unhealthy), 2 bad
 * usage, 3 ({@code status}) nothing is running.
 *
 * @author Trellis authors
 */
public final class TrellisCommand {

	/** System property naming the project root (set by the {@code trellis} script). */
	public static final String HOME_PROPERTY = "trellis.home";

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	static final int NOT_RUNNING = 3;

	private static final int LOG_LINES = 50;

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final Path root;

	private final PrintStream out;

	private final PrintStream err;

	private final Map<String, String> environment;

	private final Topology topology;

	TrellisCommand(Path root, PrintStream out, PrintStream err, Map<String, String> environment, Topology topology) {
		this.root = root.toAbsolutePath().normalize();
		this.out = out;
		this.err = err;
		this.environment = environment;
		this.topology = topology;
	}

	/**
	 * Runs the command.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		String home = System.getProperty(HOME_PROPERTY);
		Path root = (home != null && !home.isBlank()) ? Path.of(home) : Path.of("");
		TrellisCommand command = new TrellisCommand(root, System.out, System.err, System.getenv(), Topology.standard());
		int status = command.run(args);
		System.out.flush();
		System.exit(status);
	}

	/**
	 * Runs a command line.
	 * @param args the arguments
	 * @return the exit code
	 */
	int run(String[] args) {
		CommandLine commandLine;
		try {
			commandLine = CommandLine.parse(args);
		}
		catch (CommandLine.UsageException ex) {
			this.err.println("trellis: " + ex.getMessage());
			this.err.println();
			this.err.print(usage());
			return USAGE;
		}
		try {
			return switch (commandLine.command()) {
				case UP -> up(commandLine);
				case STATUS -> status();
				case DOWN -> down();
				case LOGS -> logs(commandLine.target());
				case ENV -> env();
				case TOKEN -> token(commandLine.scope());
				case ENCRYPT -> encrypt(commandLine.target());
				case TRACE -> trace(commandLine.target());
				case HELP -> help();
			};
		}
		catch (PlatformException ex) {
			this.err.println("trellis: " + ex.describe());
			return FAILED;
		}
		catch (RuntimeException ex) {
			this.err.println("trellis: " + ex.getMessage());
			return FAILED;
		}
	}

	static String usage() {
		return """
				Usage: ./trellis <command> [options]

				Runs the Trellis platform on this machine, without Docker.

				Commands:
				  up [-d] [--instances NAME=N ...] [--config git|native] [--timeout SECONDS]
				                  start infrastructure and applications, wait until all are healthy;
				                  stays in the foreground until Ctrl-C, or returns with -d (--detach)
				  status          show the running processes and their health (exit 0 when all healthy)
				  down            stop everything that runs
				  logs APP[-N]    follow the log of an application (instance N > 1: catalog-service-2)
				  env             print export lines to run an application from an IDE against the platform
				  token [--scope "catalog.read orders.write"]
				                  print an access token of the trellis-cli client (all its scopes by default)
				  encrypt VALUE   encrypt a value with the running config server's key, printed as
				                  '{cipher}...' to paste into config-repo/ (quotes included)
				  trace ORDER_ID  print the trace of an order's placement from Zipkin: a tree of spans
				                  (gateway, services, Kafka hops) with their durations
				  help            show this text

				Files: .trellis/state.json, .trellis/logs/, .trellis/data/, .trellis/credentials.properties
				Environment: TRELLIS_JAVA (java command), TRELLIS_JAVA_OPTS (JVM options of the applications)
				""";
	}

	private int help() {
		this.out.print(usage());
		return OK;
	}

	// --- up ---

	private int up(CommandLine commandLine) {
		List<String> unknown = commandLine.instances()
			.keySet()
			.stream()
			.filter((name) -> this.topology.find(name).isEmpty())
			.toList();
		if (!unknown.isEmpty()) {
			this.err.println("trellis: unknown application " + String.join(", ", unknown) + "; known: "
					+ String.join(", ", this.topology.names()));
			return USAGE;
		}
		EventPrinter printer = new EventPrinter(this.out, this.topology);
		Platform.Builder builder = Platform.builder(this.root)
			.topology(this.topology)
			.config(commandLine.config())
			.environment(this.environment)
			.listener(printer)
			.watchdog(!commandLine.detach())
			.shutdownHook(false);
		commandLine.instances().forEach(builder::instances);
		if (commandLine.startTimeout() != null) {
			builder.startTimeout(commandLine.startTimeout());
		}
		Platform platform = builder.build();
		AtomicBoolean keepRunning = new AtomicBoolean(false);
		AtomicBoolean shuttingDown = new AtomicBoolean(false);
		Thread hook = new Thread(() -> {
			shuttingDown.set(true);
			if (!keepRunning.get()) {
				long running = platform.processes().stream().filter(AppProcess::isAlive).count();
				platform.close();
				if (running > 0) {
					this.out.println("Trellis stopped (" + running + " processes).");
				}
				this.out.flush();
			}
		}, "trellis-cli-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		long start = System.nanoTime();
		try {
			platform.start();
		}
		catch (PlatformException ex) {
			if (shuttingDown.get()) {
				return FAILED;
			}
			this.err.println("trellis: " + ex.describe());
			platform.close();
			Runtime.getRuntime().removeShutdownHook(hook);
			return FAILED;
		}
		printer.startupDone();
		double seconds = (System.nanoTime() - start) / 1e9;
		List<AppProcess> processes = platform.processes();
		this.out.println();
		this.out.printf(Locale.ROOT, "Trellis is up: %d processes healthy after %.1f s.%n", processes.size(), seconds);
		this.out.print(StatusTable.render(processes.stream().map(this::row).toList()));
		if (commandLine.detach()) {
			keepRunning.set(true);
			platform.detach();
			Runtime.getRuntime().removeShutdownHook(hook);
			this.out.println("Running in the background: ./trellis status, ./trellis logs <app>, ./trellis down");
			return OK;
		}
		this.out.println("Press Ctrl-C to stop.");
		while (shuttingDown.get() || platform.processes().stream().anyMatch(AppProcess::isAlive)) {
			// after Ctrl-C the shutdown hook stops everything and ends the JVM
			sleep(Duration.ofSeconds(1));
		}
		this.out.println("All Trellis processes have exited.");
		keepRunning.set(true);
		platform.close();
		return new StateFile(stateFile()).read().isEmpty() ? OK : FAILED;
	}

	private StatusTable.Row row(AppProcess process) {
		return new StatusTable.Row(process.name(), process.instance(), process.url().toString(), process.pid(),
				process.isAlive() ? "healthy" : "NOT RUNNING", displayPath(process.logFile()));
	}

	// --- status ---

	private int status() {
		List<ProcessRecord> records = new StateFile(stateFile()).read();
		List<ProcessRecord> running = records.stream().filter(ProcessRecord::isRunning).toList();
		if (running.isEmpty()) {
			this.out.println("Trellis is not running." + (records.isEmpty() ? "" : " (" + records.size()
					+ " stale entries in " + displayPath(stateFile()) + "; ./trellis down clears them)"));
			return NOT_RUNNING;
		}
		List<String> names = this.topology.names();
		List<ProcessRecord> ordered = records.stream()
			.sorted(Comparator
				.comparingInt((ProcessRecord record) -> names.contains(record.name()) ? names.indexOf(record.name())
						: names.size())
				.thenComparing(ProcessRecord::name)
				.thenComparingInt(ProcessRecord::instance))
			.toList();
		List<StatusTable.Row> rows = new ArrayList<>();
		boolean allHealthy = true;
		for (ProcessRecord record : ordered) {
			String health = health(record);
			allHealthy &= health.equals("healthy");
			rows.add(new StatusTable.Row(record.name(), record.instance(), record.url(), record.pid(), health,
					displayPath(Path.of(record.log()))));
		}
		this.out.print(StatusTable.render(rows));
		return allHealthy ? OK : FAILED;
	}

	private static String health(ProcessRecord record) {
		if (!record.isRunning()) {
			return "NOT RUNNING";
		}
		if (Signals.isFrozen(record.pid())) {
			return "FROZEN";
		}
		return HealthProbe.check(record.probe(), record.port()) ? "healthy" : "UNHEALTHY";
	}

	// --- down ---

	private int down() {
		StateFile state = new StateFile(stateFile());
		List<ProcessRecord> records = state.read();
		if (records.isEmpty()) {
			this.out.println("Trellis is not running.");
			return OK;
		}
		Map<Integer, List<ProcessRecord>> byOrder = new TreeMap<>(Comparator.reverseOrder());
		for (ProcessRecord record : StateFile.inStopOrder(records)) {
			byOrder.computeIfAbsent(record.stopOrder(), (order) -> new ArrayList<>()).add(record);
		}
		int stopped = 0;
		for (List<ProcessRecord> group : byOrder.values()) {
			List<Thread> threads = new ArrayList<>();
			List<String> lines = Collections.synchronizedList(new ArrayList<>());
			for (ProcessRecord record : group) {
				Optional<ProcessHandle> handle = record.handle();
				if (handle.isEmpty()) {
					lines.add(String.format(Locale.ROOT, "%-20s was not running (pid %d)", record.displayName(),
							record.pid()));
					continue;
				}
				stopped++;
				Thread thread = new Thread(() -> {
					boolean graceful = Signals.stop(handle.get(), STOP_TIMEOUT);
					record.serverHandle().ifPresent((server) -> Signals.stop(server, STOP_TIMEOUT));
					lines.add(String.format(Locale.ROOT, "%-20s stopped (pid %d)%s", record.displayName(), record.pid(),
							graceful ? "" : ", killed after " + STOP_TIMEOUT.toSeconds() + " s"));
				});
				thread.start();
				threads.add(thread);
			}
			for (Thread thread : threads) {
				join(thread);
			}
			lines.stream().sorted().forEach(this.out::println);
		}
		state.write(List.of());
		this.out.println("Trellis is down (" + stopped + " processes stopped).");
		return OK;
	}

	// --- logs ---

	private int logs(String target) {
		Optional<Path> log = logFile(target);
		if (log.isEmpty()) {
			this.err.println("trellis: unknown application '" + target + "'; known: "
					+ String.join(", ", this.topology.names()) + " (instance N > 1: NAME-N)");
			return USAGE;
		}
		Path file = log.get();
		if (!Files.exists(file)) {
			this.err.println("trellis: no log for " + target + " yet (" + displayPath(file) + ")");
			return FAILED;
		}
		LogFiles.lastLines(file, LOG_LINES).forEach(this.out::println);
		this.out.flush();
		follow(file, LogFiles.size(file));
		return OK;
	}

	Optional<Path> logFile(String target) {
		Path logs = this.root.resolve(Platform.HOME).resolve("logs");
		if (this.topology.find(target).isPresent()) {
			return Optional.of(logs.resolve(target + ".log"));
		}
		int dash = target.lastIndexOf('-');
		if (dash > 0 && target.substring(dash + 1).matches("[1-9][0-9]*")
				&& this.topology.find(target.substring(0, dash)).isPresent()) {
			int instance = Integer.parseInt(target.substring(dash + 1));
			return Optional.of(logs.resolve(ProcessRecord.displayName(target.substring(0, dash), instance) + ".log"));
		}
		return Optional.empty();
	}

	private void follow(Path file, long from) {
		long position = from;
		byte[] buffer = new byte[64 * 1024];
		while (!Thread.currentThread().isInterrupted()) {
			long size = LogFiles.size(file);
			if (size < position) {
				// the file was truncated or replaced
				position = 0;
			}
			if (size > position) {
				try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
					in.seek(position);
					int read;
					while ((read = in.read(buffer)) > 0) {
						this.out.write(buffer, 0, read);
						position += read;
					}
					this.out.flush();
				}
				catch (IOException ex) {
					// the file may be rotated or briefly missing: retry
				}
			}
			sleep(Duration.ofMillis(250));
		}
	}

	// --- env ---

	private int env() {
		try (Platform platform = Platform.builder(this.root)
			.topology(this.topology)
			.environment(this.environment)
			.shutdownHook(false)
			.build()) {
			platform.applicationEnvironment()
				.forEach(
						(name, value) -> this.out.println("export " + name + "='" + value.replace("'", "'\\''") + "'"));
		}
		return OK;
	}

	// --- token ---

	private int token(String scope) {
		try (Platform platform = Platform.builder(this.root)
			.topology(this.topology)
			.environment(this.environment)
			.shutdownHook(false)
			.build()) {
			URI authServer = URI
				.create("http://localhost:" + this.topology.component(Platform.AUTH_SERVER).defaultPort());
			String secret = platform.credentials().get(Credentials.TRELLIS_CLI_CLIENT_SECRET);
			this.out.println(new TokenClient(authServer, TokenClient.CLIENT_ID, secret).accessToken(scope));
		}
		return OK;
	}

	// --- trace ---

	private int trace(String orderId) {
		URI zipkin = URI.create("http://localhost:" + this.topology.component(Platform.ZIPKIN).defaultPort());
		Optional<TraceTree> trace = new ZipkinClient(zipkin).orderPlacement(orderId);
		if (trace.isEmpty()) {
			this.err.println("trellis: Zipkin at " + zipkin + " has no trace of order " + orderId
					+ " (yet): spans reach it a few seconds after a request; check the id with GET /api/orders/"
					+ orderId);
			return FAILED;
		}
		this.out.print(trace.get().render());
		this.out.println("Open it in Zipkin: " + zipkin + "/zipkin/traces/" + trace.get().traceId());
		return OK;
	}

	// --- encrypt ---

	private int encrypt(String value) {
		try (Platform platform = Platform.builder(this.root)
			.topology(this.topology)
			.environment(this.environment)
			.shutdownHook(false)
			.build()) {
			URI configServer = URI
				.create("http://localhost:" + this.topology.component(Platform.CONFIG_SERVER).defaultPort());
			Credentials credentials = platform.credentials();
			String cipher = new ConfigEncryptionClient(configServer,
					credentials.get(Credentials.CONFIG_SERVER_ADMIN_USER),
					credentials.get(Credentials.CONFIG_SERVER_ADMIN_PASSWORD))
				.encrypt(value);
			this.out.println("'{cipher}" + cipher + "'");
		}
		return OK;
	}

	// --- helpers ---

	private Path stateFile() {
		return this.root.resolve(Platform.HOME).resolve("state.json");
	}

	private String displayPath(Path path) {
		Path working = Path.of("").toAbsolutePath();
		Path absolute = path.toAbsolutePath();
		return absolute.startsWith(working) ? working.relativize(absolute).toString() : absolute.toString();
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Prints one line per platform event: {@code [  3.2s] config-server   starting (pid
	 * 1234, port 8888)}.
	 */
	static final class EventPrinter implements PlatformListener {

		private final PrintStream out;

		private final int width;

		private volatile boolean startupDone;

		EventPrinter(PrintStream out, Topology topology) {
			this.out = out;
			this.width = topology.names().stream().mapToInt(String::length).max().orElse(10) + 3;
		}

		void startupDone() {
			this.startupDone = true;
		}

		@Override
		public void onEvent(PlatformEvent event) {
			String line = format(event);
			if (line != null) {
				this.out.println(line);
				this.out.flush();
			}
		}

		String format(PlatformEvent event) {
			String time = String.format(Locale.ROOT, "[%6.1fs]", event.elapsed().toMillis() / 1000.0);
			String name = String.format(Locale.ROOT, "%-" + this.width + "s", event.process());
			return switch (event.type()) {
				case INFO -> time + " " + event.message();
				case STARTING -> time + " " + name + "starting (pid " + event.pid() + ", port " + event.port() + ")";
				case HEALTHY, SIGNALLED -> time + " " + name + event.message();
				case STOPPED -> time + " " + name + event.message() + " (pid " + event.pid() + ")";
				case EXITED ->
					this.startupDone ? time + " " + name + event.message() + " (pid " + event.pid() + ")" : null;
				case FAILED -> null;
			};
		}

	}

	static {
		// fail early with a clear message on a JVM older than the launcher needs
		if (Runtime.version().feature() < JavaRuntime.MINIMUM_VERSION) {
			throw new IllegalStateException("Trellis needs Java " + JavaRuntime.MINIMUM_VERSION + " or newer");
		}
	}

}
