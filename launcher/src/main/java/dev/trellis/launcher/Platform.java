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

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.trellis.launcher.process.ChildProcesses;
import dev.trellis.launcher.process.HealthProbe;
import dev.trellis.launcher.process.JavaRuntime;
import dev.trellis.launcher.process.LogFiles;
import dev.trellis.launcher.process.Ports;
import dev.trellis.launcher.process.ProcessRecord;
import dev.trellis.launcher.process.Signals;
import dev.trellis.launcher.process.StateFile;
import dev.trellis.launcher.process.WatchdogAgentJar;
import dev.trellis.launcher.watchdog.Watchdog;
import org.jspecify.annotations.Nullable;

/**
 * The Trellis platform running on this machine: starts the infrastructure and the
 * applications as child processes in dependency order, waits until they are healthy, and
 * lets tests inject real faults into them.
 *
 * <pre class="code">
 * try (Platform platform = Platform.builder(projectRoot).instances("catalog-service", 2).build()) {
 *     platform.start();
 *     URI gateway = platform.url("gateway");
 *     AppProcess catalog = platform.instances("catalog-service").get(0);
 *     catalog.kill();
 *     platform.restart(catalog);
 * }
 * </pre>
 *
 * Everything lives under {@code .trellis/} in the project root: {@code state.json} (the
 * running processes, shared with the {@code ./trellis} command), {@code logs/},
 * {@code data/} and {@code credentials.properties}. Every child JVM runs the watchdog
 * agent, which stops it when the JVM that owns this platform is gone, even after SIGKILL.
 * {@link #close()} stops everything, and so does a JVM shutdown hook.
 *
 * @author Trellis authors
 */
public final class Platform implements AutoCloseable {

	/** Name of the config server component, which gets the configuration source. */
	public static final String CONFIG_SERVER = "config-server";

	/** Name of the Eureka server component. */
	public static final String DISCOVERY = "discovery";

	/** Folder under the project root holding state, logs, data and credentials. */
	public static final String HOME = ".trellis";

	/** Line an infrastructure wrapper prints once its server is ready. */
	public static final String READY_MARKER = "TRELLIS-READY";

	/** Environment variable with the config server URL. */
	public static final String CONFIG_SERVER_URL = "CONFIG_SERVER_URL";

	/** Environment variable with the port of the Eureka server. */
	public static final String EUREKA_PORT = "EUREKA_PORT";

	/** Environment variable with the active Spring profiles. */
	public static final String SPRING_PROFILES_ACTIVE = "SPRING_PROFILES_ACTIVE";

	/** Name of the gateway component, through which routed applications are checked. */
	public static final String GATEWAY = "gateway";

	/** Environment variable with the absolute path of the launcher's home folder. */
	public static final String TRELLIS_HOME = "TRELLIS_HOME";

	/** Name of the authorization server component. */
	public static final String AUTH_SERVER = "auth-server";

	/** Name of the Kafka broker component. */
	public static final String KAFKA = "kafka";

	/** Environment variable with the Kafka bootstrap servers ({@code host:port}). */
	public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";

	/** Name of the Zipkin server component. */
	public static final String ZIPKIN = "zipkin";

	/**
	 * Environment variable with the base URL of the Zipkin server applications send their
	 * spans to; set only when the platform runs one.
	 */
	public static final String ZIPKIN_BASE_URL = "ZIPKIN_BASE_URL";

	/** Profile of applications started by the launcher. */
	public static final String PROFILE = "local";

	private static final Duration POLL_INTERVAL = Duration.ofMillis(300);

	/** Registry fetch plus load balancer cache, with slack for a busy machine. */
	private static final Duration ROUTABLE_TIMEOUT = Duration.ofSeconds(60);

	private static final String ALREADY_RUNNING = "Trellis is already running (see ./trellis status); run ./trellis down first";

	private final Path root;

	private final Path home;

	private final Topology topology;

	private final Map<String, Integer> plannedInstances;

	private final ConfigMode configMode;

	private final Duration startTimeout;

	private final Duration stopTimeout;

	private final PlatformListener listener;

	private final boolean watchdog;

	private final boolean shutdownHook;

	private final Map<String, String> environment;

	private final Map<String, String> extraEnvironment;

	private final String javaCommand;

	private final List<String> jvmOptions;

	private final String classpath;

	private final StateFile state;

	private final long createdNanos = System.nanoTime();

	private final Object lock = new Object();

	private final Map<String, List<AppProcess>> instances = new LinkedHashMap<>();

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "trellis-platform");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean started;

	private volatile boolean closed;

	private volatile @Nullable Credentials credentials;

	private volatile @Nullable ConfigSource configSource;

	private volatile @Nullable Path agentJar;

	private @Nullable Thread hook;

	private Platform(Builder builder) {
		this.root = builder.root.toAbsolutePath().normalize();
		this.home = this.root.resolve(HOME);
		this.topology = builder.topology;
		this.plannedInstances = plan(builder);
		this.configMode = builder.configMode;
		this.startTimeout = builder.startTimeout;
		this.stopTimeout = builder.stopTimeout;
		this.listener = builder.listener;
		this.watchdog = builder.watchdog;
		this.shutdownHook = builder.shutdownHook;
		this.environment = Map.copyOf(builder.environment);
		this.extraEnvironment = Map.copyOf(builder.extraEnvironment);
		this.javaCommand = (builder.javaCommand != null) ? builder.javaCommand
				: JavaRuntime.javaCommand(this.environment);
		this.jvmOptions = (builder.jvmOptions != null) ? builder.jvmOptions : JavaRuntime.jvmOptions(this.environment);
		this.classpath = (builder.classpath != null) ? builder.classpath : System.getProperty("java.class.path");
		this.state = new StateFile(this.home.resolve("state.json"));
	}

	/**
	 * Starts building a platform for a project.
	 * @param projectRoot the root of the Trellis checkout (holding the application jars)
	 * @return a builder
	 */
	public static Builder builder(Path projectRoot) {
		return new Builder(projectRoot);
	}

	// --- lifecycle ---

	/**
	 * Starts the whole platform: checks that nothing else runs, that the jars exist and
	 * that the ports are free, then starts every component as soon as its dependencies
	 * are healthy and waits until all are healthy. When anything fails, stops what was
	 * started and throws.
	 * @throws PlatformException with the one-line cause (and the most telling log line)
	 */
	public void start() {
		synchronized (this.lock) {
			checkOpen();
			if (this.started) {
				throw new IllegalStateException("Platform already started");
			}
			this.started = true;
		}
		checkNotRunning();
		List<AppProcess> planned = createInstances();
		preflight(planned);
		planned.forEach((process) -> LogFiles.rotate(process.logFile()));
		credentials();
		ConfigSource source = configSource();
		if (this.plannedInstances.containsKey(CONFIG_SERVER)) {
			event(PlatformEvent.Type.INFO, "", -1, -1, "config: " + source.description());
		}
		registerShutdownHook();
		try {
			launch(planned);
			awaitRoutable(planned);
		}
		catch (RuntimeException ex) {
			stopAll();
			throw ex;
		}
	}

	/**
	 * Waits until the gateway routes to every started application that declares a route:
	 * a service is healthy before the gateway has read it from the registry (up to a
	 * registry fetch plus a load balancer cache period later), and a platform that
	 * answers 503 to its first request is not started yet.
	 */
	private void awaitRoutable(List<AppProcess> planned) {
		if (planned.stream().noneMatch((process) -> process.name().equals(GATEWAY))) {
			return;
		}
		List<ComponentSpec> routed = planned.stream()
			.map(AppProcess::component)
			.filter((component) -> component.gatewayRoute() != null)
			.distinct()
			.toList();
		AppProcess gateway = process(GATEWAY);
		// Requests through the gateway need a token once the platform has an auth server.
		boolean secured = planned.stream().anyMatch((process) -> process.name().equals(AUTH_SERVER));
		String token = secured ? accessToken("") : null;
		for (ComponentSpec component : routed) {
			URI uri = gateway.url().resolve(component.gatewayRoute());
			long deadline = System.nanoTime() + ROUTABLE_TIMEOUT.toNanos();
			while (!HealthProbe.routed(uri, token)) {
				if (this.closed) {
					throw new Cancelled("Platform closed while waiting for the gateway");
				}
				if (System.nanoTime() - deadline > 0) {
					throw failure(gateway, "does not route to " + component.name() + " (GET " + uri + ") within "
							+ ROUTABLE_TIMEOUT.toSeconds() + " s of it being healthy");
				}
				sleep(POLL_INTERVAL);
			}
			event(PlatformEvent.Type.INFO, component.name(), -1, -1,
					component.name() + " is routed by the gateway (GET " + uri.getPath() + ")");
		}
	}

	/**
	 * Stops every process (dependents first, then what they depend on) and releases the
	 * platform. Safe to call more than once.
	 */
	@Override
	public void close() {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		try {
			stopAll();
		}
		finally {
			this.executor.shutdownNow();
			removeShutdownHook();
		}
	}

	/**
	 * Leaves the processes running when this JVM ends: removes the shutdown hook. Used by
	 * {@code ./trellis up -d}; build such a platform {@link Builder#watchdog(boolean)
	 * without a watchdog}.
	 */
	public void detach() {
		removeShutdownHook();
	}

	// --- queries ---

	/**
	 * Returns the project root.
	 * @return the absolute project root
	 */
	public Path root() {
		return this.root;
	}

	/**
	 * Returns the topology.
	 * @return the topology
	 */
	public Topology topology() {
		return this.topology;
	}

	/**
	 * Returns the credentials of the config server and Eureka, generating them on first
	 * use.
	 * @return the credentials
	 */
	public Credentials credentials() {
		Credentials result = this.credentials;
		if (result == null) {
			result = CredentialStore.loadOrCreate(this.home.resolve("credentials.properties"));
			this.credentials = result;
		}
		return result;
	}

	/**
	 * Returns the configuration source of the config server (resolved on first use).
	 * @return the configuration source
	 */
	public ConfigSource configSource() {
		ConfigSource result = this.configSource;
		if (result == null) {
			result = ConfigRepository.resolve(this.root, this.configMode);
			this.configSource = result;
		}
		return result;
	}

	/**
	 * Returns the environment every application gets: profile, config server URL, Eureka
	 * port, Kafka bootstrap servers, Zipkin's URL and credentials, plus the extra
	 * variables of the builder. (The config server also gets its configuration source.)
	 * Useful to start an application from an IDE.
	 * @return the variables
	 */
	public Map<String, String> applicationEnvironment() {
		Map<String, String> result = baseEnvironment();
		result.putAll(credentials().environment());
		result.putAll(this.extraEnvironment);
		return result;
	}

	private Map<String, String> baseEnvironment() {
		Map<String, String> result = new LinkedHashMap<>();
		result.put(SPRING_PROFILES_ACTIVE, PROFILE);
		result.put(CONFIG_SERVER_URL, "http://localhost:" + defaultPort(CONFIG_SERVER, 8888));
		result.put(EUREKA_PORT, Integer.toString(defaultPort(DISCOVERY, 8761)));
		result.put(KAFKA_BOOTSTRAP_SERVERS, "localhost:" + defaultPort(KAFKA, 19092));
		if (this.topology.find(ZIPKIN).isPresent()) {
			result.put(ZIPKIN_BASE_URL, "http://localhost:" + defaultPort(ZIPKIN, 9411));
		}
		// Where applications keep local data, such as the authorization server's keys.
		result.put(TRELLIS_HOME, this.home.toString());
		return result;
	}

	/**
	 * Returns the base URL of instance 1 of a component.
	 * @param name the component name
	 * @return the URL, such as {@code http://localhost:8080}
	 */
	public URI url(String name) {
		return process(name).url();
	}

	/**
	 * Obtains an access token from the platform's authorization server as the
	 * {@code trellis-cli} client (client credentials grant).
	 * @param scopes the scopes, space separated; blank for every scope of the platform
	 * @return the access token
	 * @throws PlatformException when the server refuses, for example with
	 * {@code invalid_scope}
	 */
	public String accessToken(String scopes) {
		return new TokenClient(url(AUTH_SERVER), TokenClient.CLIENT_ID,
				credentials().get(Credentials.TRELLIS_CLI_CLIENT_SECRET))
			.accessToken(scopes);
	}

	/**
	 * Returns instance 1 of a component.
	 * @param name the component name
	 * @return the instance
	 */
	public AppProcess process(String name) {
		List<AppProcess> list = instances(name);
		if (list.isEmpty()) {
			throw new PlatformException(name + " is not part of this platform");
		}
		return list.get(0);
	}

	/**
	 * Returns the instances of a component, in instance order (stopped ones included).
	 * @param name the component name
	 * @return the instances
	 */
	public List<AppProcess> instances(String name) {
		this.topology.component(name);
		synchronized (this.lock) {
			return List.copyOf(this.instances.getOrDefault(name, List.of()));
		}
	}

	/**
	 * Returns every instance, in start order.
	 * @return the instances
	 */
	public List<AppProcess> processes() {
		synchronized (this.lock) {
			return this.instances.values().stream().flatMap(List::stream).toList();
		}
	}

	// --- control ---

	/**
	 * Starts the instances of a component that are not running (on their ports) and waits
	 * until they are healthy. Starts instance 1 when the component has none yet.
	 * @param name the component name
	 * @return the instances of the component
	 */
	public List<AppProcess> start(String name) {
		checkOpen();
		ComponentSpec component = this.topology.component(name);
		List<AppProcess> targets;
		synchronized (this.lock) {
			if (!this.instances.containsKey(name) || this.instances.get(name).isEmpty()) {
				newInstance(component, component.defaultPort());
			}
			targets = this.instances.get(name).stream().filter((process) -> !process.isAlive()).toList();
		}
		targets.forEach(this::spawn);
		targets.forEach((process) -> awaitHealthy(process, this.startTimeout));
		return instances(name);
	}

	/**
	 * Stops every instance of a component gracefully; {@link #start(String)} starts them
	 * again on the same ports.
	 * @param name the component name
	 */
	public void stop(String name) {
		List<AppProcess> targets = instances(name);
		runInParallel(targets.stream().filter(AppProcess::isAlive).toList(), this::stop);
	}

	/**
	 * Adds an instance of a component on a free port and waits until it is healthy.
	 * @param name the component name
	 * @return the new instance
	 */
	public AppProcess startInstance(String name) {
		AppProcess process = spawnInstance(name);
		awaitHealthy(process, this.startTimeout);
		return process;
	}

	/**
	 * Adds an instance of a component on a free port without waiting for its health (see
	 * {@link #awaitHealthy}).
	 * @param name the component name
	 * @return the new instance, starting
	 */
	public AppProcess spawnInstance(String name) {
		checkOpen();
		ComponentSpec component = this.topology.component(name);
		if (!component.isScalable()) {
			throw new PlatformException(name + " runs as a single instance");
		}
		AppProcess process;
		synchronized (this.lock) {
			boolean first = this.instances.getOrDefault(name, List.of()).isEmpty();
			process = newInstance(component, first ? component.defaultPort() : freePort());
		}
		spawn(process);
		return process;
	}

	/**
	 * Restarts an instance on the same port: stops it gracefully when it still runs
	 * (thaws it first when frozen), starts a new process and waits until it is healthy.
	 * @param process the instance
	 * @return the same instance, now with a new pid
	 */
	public AppProcess restart(AppProcess process) {
		checkOpen();
		if (process.isAlive()) {
			stop(process);
		}
		spawn(process);
		awaitHealthy(process, this.startTimeout);
		return process;
	}

	/**
	 * Waits until an instance is healthy.
	 * @param process the instance
	 * @param timeout the longest wait
	 * @throws PlatformException when it exits or the timeout passes first
	 */
	public void awaitHealthy(AppProcess process, Duration timeout) {
		awaitHealthy(process, timeout, () -> false);
	}

	private void awaitHealthy(AppProcess process, Duration timeout, BooleanSupplier cancelled) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (this.closed) {
				throw new Cancelled("Platform closed while waiting for " + process.displayName());
			}
			if (cancelled.getAsBoolean()) {
				throw new Cancelled("Startup of " + process.displayName() + " cancelled");
			}
			Process current = process.process();
			if (current == null) {
				throw new PlatformException(process.displayName() + " was never started");
			}
			if (!current.isAlive()) {
				throw failure(process, "exited with code " + current.exitValue() + " during startup");
			}
			if (process.isHealthy()) {
				recordState(process);
				event(PlatformEvent.Type.HEALTHY, process, "healthy");
				return;
			}
			if (System.nanoTime() - deadline > 0) {
				throw failure(process, "did not become healthy within " + timeout.toSeconds() + " s");
			}
			sleep(POLL_INTERVAL);
		}
	}

	// --- internals used by AppProcess ---

	void stop(AppProcess process) {
		synchronized (process) {
			stopNow(process);
		}
	}

	private void stopNow(AppProcess process) {
		process.handle().ifPresent((handle) -> {
			process.expectExit();
			ProcessHandle server = process.server();
			boolean graceful = Signals.stop(handle, this.stopTimeout);
			if (server != null && server.isAlive()) {
				Signals.stop(server, this.stopTimeout);
			}
			this.state.remove(handle.pid());
			event(PlatformEvent.Type.STOPPED, process,
					graceful ? "stopped" : "killed after " + this.stopTimeout.toSeconds() + " s");
		});
	}

	void kill(AppProcess process) {
		synchronized (process) {
			killNow(process);
		}
	}

	private void killNow(AppProcess process) {
		List<ProcessHandle> tree = process.processTree();
		if (tree.isEmpty()) {
			return;
		}
		process.expectExit();
		tree.forEach(Signals::kill);
		this.state.remove(tree.get(0).pid());
		event(PlatformEvent.Type.SIGNALLED, process, "killed (SIGKILL)");
	}

	void signal(AppProcess process, boolean freeze) {
		List<ProcessHandle> tree = process.processTree();
		if (tree.isEmpty()) {
			throw new PlatformException(process.displayName() + " is not running");
		}
		for (ProcessHandle handle : tree) {
			if (freeze) {
				Signals.freeze(handle);
			}
			else {
				Signals.thaw(handle);
			}
		}
		event(PlatformEvent.Type.SIGNALLED, process, freeze ? "frozen (SIGSTOP)" : "thawed (SIGCONT)");
	}

	// --- startup ---

	private static Map<String, Integer> plan(Builder builder) {
		builder.instances.forEach((name, count) -> {
			ComponentSpec component = builder.topology.component(name);
			if (count < 0 || (count > 1 && !component.isScalable())) {
				throw new PlatformException("Invalid instance count " + count + " for " + name
						+ (component.isScalable() ? "" : " (it runs as a single instance)"));
			}
		});
		Set<String> selected = builder.only.isEmpty() ? new LinkedHashSet<>(builder.topology.names())
				: builder.topology.withDependencies(builder.only);
		Map<String, Integer> result = new LinkedHashMap<>();
		for (String name : builder.topology.names()) {
			int count = builder.instances.getOrDefault(name, selected.contains(name) ? 1 : 0);
			if (count > 0) {
				result.put(name, count);
			}
		}
		for (String name : result.keySet()) {
			for (String dependency : builder.topology.component(name).dependsOn()) {
				if (!result.containsKey(dependency)) {
					throw new PlatformException(name + " depends on " + dependency + ", which is not started");
				}
			}
		}
		return result;
	}

	private void checkNotRunning() {
		List<ProcessRecord> records = this.state.read();
		if (records.stream().anyMatch(ProcessRecord::isRunning)) {
			throw new PlatformException(ALREADY_RUNNING);
		}
		if (!records.isEmpty()) {
			// left behind by a run that was killed: its processes are gone
			this.state.write(List.of());
		}
	}

	private List<AppProcess> createInstances() {
		synchronized (this.lock) {
			Set<Integer> reserved = new HashSet<>();
			this.plannedInstances.keySet().forEach((name) -> reserved.add(this.topology.component(name).defaultPort()));
			List<AppProcess> result = new ArrayList<>();
			this.plannedInstances.forEach((name, count) -> {
				ComponentSpec component = this.topology.component(name);
				for (int i = 1; i <= count; i++) {
					int port = (i == 1) ? component.defaultPort() : Ports.freePort(reserved);
					reserved.add(port);
					result.add(newInstance(component, port));
				}
			});
			return result;
		}
	}

	private void preflight(List<AppProcess> planned) {
		if (this.environment.containsKey(JavaRuntime.JAVA_ENV)) {
			int version = JavaRuntime.majorVersion(this.javaCommand);
			if (version < JavaRuntime.MINIMUM_VERSION) {
				throw new PlatformException(JavaRuntime.JAVA_ENV + "=" + this.javaCommand + " is "
						+ ((version < 0) ? "not a working java command" : "Java " + version) + ": Trellis needs Java "
						+ JavaRuntime.MINIMUM_VERSION + " or newer");
			}
		}
		List<String> missing = planned.stream()
			.map(AppProcess::component)
			.distinct()
			.map(ComponentSpec::jar)
			.filter(Objects::nonNull)
			.filter((jar) -> !Files.isRegularFile(this.root.resolve(jar)))
			.toList();
		if (!missing.isEmpty()) {
			throw new PlatformException("Missing " + String.join(", ", missing) + " under " + this.root
					+ ": build the applications first with ./mvnw -DskipTests package");
		}
		for (AppProcess process : planned) {
			Ports.checkFree(process.port()).ifPresent((reason) -> {
				throw new PlatformException("Port " + process.port() + " is already in use (needed by "
						+ process.displayName() + "): stop the program listening there (ss -ltnp 'sport = :"
						+ process.port() + "' shows it), or ./trellis down if an earlier Trellis still runs");
			});
		}
	}

	private void launch(List<AppProcess> planned) {
		Map<String, List<CompletableFuture<AppProcess>>> byComponent = new LinkedHashMap<>();
		AtomicReference<PlatformException> firstFailure = new AtomicReference<>();
		List<CompletableFuture<AppProcess>> all = new ArrayList<>();
		for (AppProcess process : planned) {
			List<CompletableFuture<AppProcess>> dependencies = process.component()
				.dependsOn()
				.stream()
				.flatMap((dependency) -> byComponent.getOrDefault(dependency, List.of()).stream())
				.toList();
			CompletableFuture<AppProcess> future = CompletableFuture
				.allOf(dependencies.toArray(CompletableFuture[]::new))
				.thenApplyAsync((ignored) -> {
					if (firstFailure.get() != null || this.closed) {
						throw new Cancelled("Startup of " + process.displayName() + " cancelled");
					}
					spawn(process);
					awaitHealthy(process, this.startTimeout, () -> firstFailure.get() != null);
					return process;
				}, this.executor)
				.whenComplete((result, failure) -> {
					if (failure != null && unwrap(failure) instanceof PlatformException platformFailure
							&& !(platformFailure instanceof Cancelled)) {
						firstFailure.compareAndSet(null, platformFailure);
					}
				});
			byComponent.computeIfAbsent(process.name(), (name) -> new ArrayList<>()).add(future);
			all.add(future);
		}
		try {
			CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			// every future has settled: dependents of a failure complete exceptionally
			// too
			CompletableFuture
				.allOf(all.stream()
					.map((future) -> future.exceptionally((failure) -> null))
					.toArray(CompletableFuture[]::new))
				.join();
			PlatformException failure = firstFailure.get();
			if (failure != null) {
				throw failure;
			}
			Throwable cause = unwrap(ex);
			throw (cause instanceof RuntimeException runtime) ? runtime
					: new PlatformException("Startup failed: " + cause, null, cause);
		}
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while (current instanceof CompletionException && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	private PlatformException failure(AppProcess process, String cause) {
		String log = displayPath(process.logFile());
		String detail = LogFiles.tellingLine(process.log()).orElse(null);
		PlatformException exception = new PlatformException(process.displayName() + " " + cause + " (log: " + log + ")",
				detail, null);
		event(PlatformEvent.Type.FAILED, process, cause);
		return exception;
	}

	// --- processes ---

	private AppProcess newInstance(ComponentSpec component, int port) {
		List<AppProcess> list = this.instances.computeIfAbsent(component.name(), (name) -> new ArrayList<>());
		int number = list.size() + 1;
		String fileName = ProcessRecord.displayName(component.name(), number) + ".log";
		AppProcess process = new AppProcess(this, component, number, port, this.home.resolve("logs").resolve(fileName));
		list.add(process);
		return process;
	}

	private int freePort() {
		Set<Integer> reserved = new HashSet<>();
		this.topology.components().forEach((component) -> reserved.add(component.defaultPort()));
		this.instances.values().forEach((list) -> list.forEach((process) -> reserved.add(process.port())));
		return Ports.freePort(reserved);
	}

	private void spawn(AppProcess process) {
		ComponentSpec component = process.component();
		List<String> command = command(process);
		Map<String, String> childEnvironment = (component.kind() == ComponentSpec.Kind.APPLICATION)
				? environmentFor(component) : Map.of();
		synchronized (this.lock) {
			checkOpen();
			if (process.isAlive()) {
				throw new PlatformException(process.displayName() + " is already running (pid " + process.pid() + ")");
			}
			long offset = LogFiles.size(process.logFile());
			String banner = "==== trellis: starting " + process.displayName() + " on port " + process.port() + " at "
					+ Instant.now() + " ====";
			try {
				Process started = ChildProcesses.start(command, childEnvironment, this.root, process.logFile(), banner);
				process.started(started, offset);
			}
			catch (IOException ex) {
				throw new PlatformException("Cannot start " + process.displayName() + ": " + ex.getMessage(), null, ex);
			}
			recordState(process);
		}
		Process started = Objects.requireNonNull(process.process());
		started.onExit().thenAccept((exited) -> {
			if (!process.isExitExpected() && !this.closed && process.process() == exited) {
				this.state.remove(exited.pid());
				event(PlatformEvent.Type.EXITED, process, "exited with code " + exited.exitValue());
			}
		});
		event(PlatformEvent.Type.STARTING, process, "starting");
	}

	private List<String> command(AppProcess process) {
		ComponentSpec component = process.component();
		List<String> command = new ArrayList<>();
		command.add(this.javaCommand);
		command.addAll(this.jvmOptions);
		command.addAll(component.jvmOptions());
		if (this.watchdog) {
			command.add("-javaagent:" + agentJar());
			ProcessHandle self = ProcessHandle.current();
			command.add("-D" + Watchdog.PARENT_PID_PROPERTY + "=" + self.pid());
			self.info()
				.startInstant()
				.ifPresent(
						(instant) -> command.add("-D" + Watchdog.PARENT_START_PROPERTY + "=" + instant.toEpochMilli()));
			long startTicks = Watchdog.startTicks(self.pid());
			if (startTicks >= 0) {
				command.add("-D" + Watchdog.PARENT_START_TICKS_PROPERTY + "=" + startTicks);
			}
		}
		if (component.kind() == ComponentSpec.Kind.INFRASTRUCTURE) {
			Path temporary = this.home.resolve("tmp");
			createDirectories(temporary);
			command.add("-Djava.io.tmpdir=" + temporary);
		}
		if (component.jar() != null) {
			command.add("-jar");
			command.add(this.root.resolve(component.jar()).toString());
		}
		else {
			command.add("-cp");
			command.add(this.classpath);
			command.add(Objects.requireNonNull(component.mainClass()));
		}
		for (String argument : component.arguments()) {
			command.add(argument.replace("${port}", Integer.toString(process.port()))
				.replace("${home}", this.home.toString())
				.replace("${root}", this.root.toString()));
		}
		if (component.kind() == ComponentSpec.Kind.APPLICATION) {
			command.add("--server.port=" + process.port());
		}
		return command;
	}

	private Map<String, String> environmentFor(ComponentSpec component) {
		Map<String, String> result = baseEnvironment();
		// Each application gets the secrets it needs, not those of the others.
		result.putAll(credentials().environmentFor(component.name()));
		result.putAll(this.extraEnvironment);
		if (component.name().equals(CONFIG_SERVER)) {
			ConfigSource source = configSource();
			result.put(SPRING_PROFILES_ACTIVE, source.profiles());
			result.putAll(source.environment());
			if (source.mode() == ConfigMode.GIT) {
				// keep the config server's clone with the launcher's data, not in /tmp
				result.put(ConfigSource.GIT_BASEDIR, this.home.resolve("data").resolve("config-server-git").toString());
			}
		}
		return result;
	}

	private Path agentJar() {
		Path result = this.agentJar;
		if (result == null) {
			result = WatchdogAgentJar.ensure(this.home.resolve("agent"));
			this.agentJar = result;
		}
		return result;
	}

	private void recordState(AppProcess process) {
		if (process.isAlive()) {
			String probe = (process.component().kind() == ComponentSpec.Kind.APPLICATION)
					? HealthProbe.http(HealthProbe.READINESS_PATH) : HealthProbe.tcp();
			this.state.put(process.toRecord(probe, this.topology.stopOrder(process.name())));
		}
	}

	private void stopAll() {
		Map<Integer, List<AppProcess>> byOrder = new TreeMap<>(Comparator.reverseOrder());
		for (AppProcess process : processes()) {
			if (process.isAlive()) {
				byOrder.computeIfAbsent(this.topology.stopOrder(process.name()), (order) -> new ArrayList<>())
					.add(process);
			}
		}
		byOrder.values().forEach((group) -> runInParallel(group, this::stop));
	}

	private void runInParallel(List<AppProcess> processes, Consumer<AppProcess> action) {
		if (processes.size() == 1) {
			action.accept(processes.get(0));
			return;
		}
		List<Thread> threads = new ArrayList<>();
		AtomicInteger index = new AtomicInteger();
		for (AppProcess process : processes) {
			Thread thread = new Thread(() -> action.accept(process), "trellis-stop-" + index.incrementAndGet());
			thread.setDaemon(true);
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	// --- helpers ---

	private void registerShutdownHook() {
		if (!this.shutdownHook) {
			return;
		}
		synchronized (this.lock) {
			if (this.hook == null) {
				Thread thread = new Thread(this::close, "trellis-shutdown");
				Runtime.getRuntime().addShutdownHook(thread);
				this.hook = thread;
			}
		}
	}

	private void removeShutdownHook() {
		synchronized (this.lock) {
			Thread thread = this.hook;
			if (thread != null && Thread.currentThread() != thread) {
				try {
					Runtime.getRuntime().removeShutdownHook(thread);
				}
				catch (IllegalStateException ex) {
					// the JVM is already shutting down
				}
			}
			this.hook = null;
		}
	}

	private void checkOpen() {
		if (this.closed) {
			throw new PlatformException("Platform is closed");
		}
	}

	private int defaultPort(String name, int fallback) {
		return this.topology.find(name).map(ComponentSpec::defaultPort).orElse(fallback);
	}

	private String displayPath(Path path) {
		Path working = Path.of("").toAbsolutePath();
		return path.startsWith(working) ? working.relativize(path).toString() : path.toString();
	}

	private void event(PlatformEvent.Type type, AppProcess process, String message) {
		event(type, process.displayName(), process.pid(), process.port(), message);
	}

	private void event(PlatformEvent.Type type, String process, long pid, int port, String message) {
		try {
			this.listener.onEvent(new PlatformEvent(Duration.ofNanos(System.nanoTime() - this.createdNanos), type,
					process, pid, port, message));
		}
		catch (RuntimeException ex) {
			// a broken listener must not break the platform
		}
	}

	private static void createDirectories(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new PlatformException("Cannot create " + directory + ": " + ex.getMessage(), null, ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted");
		}
	}

	/**
	 * Startup given up because another component failed or the platform was closed.
	 */
	private static final class Cancelled extends PlatformException {

		private static final long serialVersionUID = 1L;

		Cancelled(String message) {
			super(message);
		}

	}

	@Override
	public String toString() {
		return "Platform[" + this.root + ", "
				+ this.plannedInstances.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + "=" + entry.getValue())
					.collect(Collectors.joining(", "))
				+ "]";
	}

	/**
	 * Builds a {@link Platform}.
	 */
	public static final class Builder {

		private final Path root;

		private Topology topology = Topology.standard();

		private final Map<String, Integer> instances = new LinkedHashMap<>();

		private final Set<String> only = new LinkedHashSet<>();

		private ConfigMode configMode = ConfigMode.AUTO;

		private Duration startTimeout = Duration.ofSeconds(180);

		private Duration stopTimeout = Duration.ofSeconds(30);

		private PlatformListener listener = PlatformListener.NONE;

		private boolean watchdog = true;

		private boolean shutdownHook = true;

		private Map<String, String> environment = System.getenv();

		private final Map<String, String> extraEnvironment = new LinkedHashMap<>();

		private @Nullable String javaCommand;

		private @Nullable List<String> jvmOptions;

		private @Nullable String classpath;

		private Builder(Path root) {
			this.root = Objects.requireNonNull(root, "root");
		}

		/**
		 * Uses another topology ({@link Topology#standard()} by default).
		 * @param topology the topology
		 * @return this builder
		 */
		public Builder topology(Topology topology) {
			this.topology = Objects.requireNonNull(topology, "topology");
			return this;
		}

		/**
		 * Sets how many instances of a component start (1 by default, 0 to leave it out).
		 * @param name the component name
		 * @param count the number of instances
		 * @return this builder
		 */
		public Builder instances(String name, int count) {
			this.instances.put(Objects.requireNonNull(name, "name"), count);
			return this;
		}

		/**
		 * Starts only the given components and what they depend on.
		 * @param names the component names
		 * @return this builder
		 */
		public Builder only(String... names) {
			this.only.addAll(Arrays.asList(names));
			return this;
		}

		/**
		 * Chooses where the config server reads its configuration
		 * ({@link ConfigMode#AUTO} by default).
		 * @param mode the mode
		 * @return this builder
		 */
		public Builder config(ConfigMode mode) {
			this.configMode = Objects.requireNonNull(mode, "mode");
			return this;
		}

		/**
		 * Sets how long one component may take to become healthy (180 s by default).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder startTimeout(Duration timeout) {
			this.startTimeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/**
		 * Sets how long a process may take to stop after SIGTERM before it is killed (30
		 * s by default).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder stopTimeout(Duration timeout) {
			this.stopTimeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/**
		 * Sets a listener for progress events.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(PlatformListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener");
			return this;
		}

		/**
		 * Whether the children stop by themselves when this JVM is gone (on by default;
		 * off for {@code ./trellis up -d}).
		 * @param watchdog whether to run the watchdog agent in every child
		 * @return this builder
		 */
		public Builder watchdog(boolean watchdog) {
			this.watchdog = watchdog;
			return this;
		}

		/**
		 * Whether a JVM shutdown hook stops the platform (on by default).
		 * @param shutdownHook whether to register the hook
		 * @return this builder
		 */
		public Builder shutdownHook(boolean shutdownHook) {
			this.shutdownHook = shutdownHook;
			return this;
		}

		/**
		 * Sets the environment the launcher settings ({@code TRELLIS_JAVA},
		 * {@code TRELLIS_JAVA_OPTS}) are read from ({@link System#getenv()} by default).
		 * @param environment the environment
		 * @return this builder
		 */
		public Builder environment(Map<String, String> environment) {
			this.environment = Objects.requireNonNull(environment, "environment");
			return this;
		}

		/**
		 * Adds an environment variable to every application.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder applicationEnvironment(String name, String value) {
			this.extraEnvironment.put(name, value);
			return this;
		}

		/**
		 * Sets the {@code java} command of the children (by default {@code TRELLIS_JAVA},
		 * else the one running this JVM).
		 * @param javaCommand the command
		 * @return this builder
		 */
		public Builder javaCommand(String javaCommand) {
			this.javaCommand = javaCommand;
			return this;
		}

		/**
		 * Sets the JVM options of the children (by default {@code TRELLIS_JAVA_OPTS},
		 * else {@link JavaRuntime#DEFAULT_OPTIONS}).
		 * @param options the options
		 * @return this builder
		 */
		public Builder jvmOptions(List<String> options) {
			this.jvmOptions = List.copyOf(options);
			return this;
		}

		/**
		 * Sets the class path of components run from a main class (the infrastructure
		 * wrappers); by default the class path of this JVM.
		 * @param classpath the class path
		 * @return this builder
		 */
		public Builder classpath(String classpath) {
			this.classpath = classpath;
			return this;
		}

		/**
		 * Builds the platform (nothing starts until {@link Platform#start()}).
		 * @return the platform
		 */
		public Platform build() {
			return new Platform(this);
		}

	}

}
