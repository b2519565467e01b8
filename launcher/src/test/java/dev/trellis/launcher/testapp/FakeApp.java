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
package dev.trellis.launcher.testapp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a Spring Boot application in tests: serves
 * {@code /actuator/health/readiness} (503 until {@code --ready-after=<ms>} has passed,
 * then 200) and {@code /env?NAME} (the value of an environment variable), or fails like
 * Spring Boot with {@code --fail=<description>}.
 *
 * @author Trellis authors
 */
public final class FakeApp {

	private FakeApp() {
	}

	/**
	 * Runs the fake application.
	 * @param args {@code --server.port=<port>}, optionally {@code --ready-after=<ms>} and
	 * {@code --fail=<description>}
	 * @throws IOException when the port cannot be bound
	 */
	public static void main(String[] args) throws IOException {
		int port = 0;
		long readyAfter = 0;
		String fail = null;
		for (String arg : args) {
			if (arg.startsWith("--server.port=")) {
				port = Integer.parseInt(arg.substring("--server.port=".length()));
			}
			else if (arg.startsWith("--ready-after=")) {
				readyAfter = Long.parseLong(arg.substring("--ready-after=".length()));
			}
			else if (arg.startsWith("--fail=")) {
				fail = arg.substring("--fail=".length());
			}
		}
		System.out.println("2026-01-01T00:00:00.000Z  INFO 1 --- [fake] [main] FakeApp : Starting FakeApp on port "
				+ port + " with pid " + ProcessHandle.current().pid());
		if (fail != null) {
			failLikeSpringBoot(fail);
			return;
		}
		long readyAt = System.currentTimeMillis() + readyAfter;
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		server.createContext("/actuator/health/readiness", (exchange) -> {
			boolean ready = System.currentTimeMillis() >= readyAt;
			respond(exchange, ready ? 200 : 503, ready ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}");
		});
		server.createContext("/env", (exchange) -> {
			String name = exchange.getRequestURI().getQuery();
			String value = (name != null) ? System.getenv(name) : null;
			respond(exchange, (value != null) ? 200 : 404, (value != null) ? value : "");
		});
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("FakeApp stopping");
			server.stop(0);
		}));
	}

	private static void failLikeSpringBoot(String description) {
		System.out
			.println("2026-01-01T00:00:01.000Z ERROR 1 --- [fake] [main] o.s.b.d.LoggingFailureAnalysisReporter :");
		System.out.println();
		System.out.println("***************************");
		System.out.println("APPLICATION FAILED TO START");
		System.out.println("***************************");
		System.out.println();
		System.out.println("Description:");
		System.out.println();
		System.out.println(description);
		System.out.println();
		System.out.println("Action:");
		System.out.println();
		System.out.println("Fix it.");
		System.out.flush();
		System.exit(1);
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
