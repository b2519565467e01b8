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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.trellis.launcher.process.Signals;

/**
 * Runs a Zipkin server (the {@code io.zipkin:zipkin-server} executable jar, copied into
 * {@code launcher/target/infra/} by the build) in a child JVM on the loopback address,
 * with in-memory storage, prints the ready line once its health check answers, and stops
 * it when this JVM shuts down.
 * <p>
 * Usage: {@code ZipkinServer --port 9411 --jar <zipkin-server.jar> --data
 *
<dir>
 * }; {@code --data} holds the pid file through which a server left behind by a killed
 * wrapper is stopped on the next start.
 *
 * @author Trellis authors
 */
public final class ZipkinServer {

	/** How long the server may take to answer its health check. */
	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

	private ZipkinServer() {
	}

	/**
	 * Starts the server and blocks until the JVM shuts down.
	 * @param args the arguments
	 * @throws Exception when the server cannot start
	 */
	public static void main(String[] args) throws Exception {
		WrapperArguments arguments = WrapperArguments.parse(args, Set.of("port", "jar", "data"));
		int port = arguments.port();
		Path jar = arguments.path("jar");
		Path data = arguments.path("data");
		if (!Files.isRegularFile(jar)) {
			System.err.println("Zipkin server jar not found at " + jar
					+ ": build the launcher first (./mvnw -pl launcher package), which copies it there");
			System.exit(2);
		}
		Files.createDirectories(data);
		Path pidFile = data.resolve("zipkin-server.pid");
		Wrappers.stopStaleServer(pidFile, false, "zipkin-server", "--armeria.ports[0].port=" + port);
		Process server = new ProcessBuilder(command(jar, port)).inheritIO().start();
		Files.writeString(pidFile, Long.toString(server.pid()));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "zipkin-stop"));
		awaitHealthy(server, port);
		Wrappers.printReady("zipkin", port, server.pid());
		Wrappers.awaitShutdown();
	}

	private static List<String> command(Path jar, int port) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		// Spans of a local platform fit in a small heap; the memory store keeps the most
		// recent ones (MEM_MAX_SPANS below) and drops the oldest.
		command.add("-Xmx256m");
		command.add("-XX:+UseSerialGC");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-Dzipkin.storage.type=mem");
		command.add("-Dzipkin.storage.mem.max-spans=200000");
		command.add("-jar");
		command.add(jar.toString());
		// Loopback only, like every other piece of the local platform. Armeria's port
		// list is replaced as a whole, so every field of its one entry is given.
		command.add("--armeria.ports[0].ip=127.0.0.1");
		command.add("--armeria.ports[0].port=" + port);
		command.add("--armeria.ports[0].protocols[0]=http");
		return command;
	}

	private static void awaitHealthy(Process server, int port) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!server.isAlive()) {
				System.err.println("Zipkin server exited with status " + server.exitValue() + " before it was healthy");
				System.exit(1);
			}
			try {
				if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		System.err.println("Zipkin server not healthy within " + START_TIMEOUT.toSeconds() + " s");
		stop(server);
		System.exit(1);
	}

	private static void stop(Process server) {
		if (server.isAlive()) {
			Signals.stop(server.toHandle(), STOP_TIMEOUT);
		}
	}

}
