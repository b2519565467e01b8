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
package dev.trellis.order;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The parts of catalog-service, inventory-service and the auth server that the order
 * service calls, for tests: a client credentials token endpoint, {@code GET
 * /products/{sku}} with the demo prices and {@code POST /reservations}. Each downstream
 * can be made to work, fail (503) or answer too late, and counts the requests it got.
 *
 * @author Trellis
 */
final class DownstreamStub implements AutoCloseable {

	static final String SERVICE_TOKEN = "order-service-token";

	private static final Map<String, String> PRICES = Map.of("TRL-MUG-001", "12.50", "TRL-TEE-001", "22.00",
			"TRL-PEN-001", "3.20", "TRL-STK-001", "4.00", "TRL-CAP-001", "18.00");

	private final HttpServer server;

	private volatile Behaviour catalog = Behaviour.WORK;

	private volatile Behaviour inventory = Behaviour.WORK;

	private volatile List<String> shortSkus = List.of();

	private final AtomicInteger catalogRequests = new AtomicInteger();

	private final AtomicInteger reservationRequests = new AtomicInteger();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final List<String> reservationBodies = new CopyOnWriteArrayList<>();

	DownstreamStub() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/oauth2/token", (exchange) -> respond(exchange, 200, "application/json",
				"{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
		this.server.createContext("/products/", this::product);
		this.server.createContext("/reservations", this::reservation);
		this.server.start();
	}

	/**
	 * Start a stub on a free port.
	 * @return the running stub
	 */
	static DownstreamStub start() {
		try {
			return new DownstreamStub();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Make the stub the one instance of the catalog and of the inventory, and the auth
	 * server's token endpoint, for an application under test (there is no registry in
	 * tests: the load balancer finds both services at the stub).
	 * @param registry the test's dynamic properties
	 */
	void registerAsDownstreams(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[0].uri", this::url);
		registry.add("spring.cloud.discovery.client.simple.instances.inventory-service[0].uri", this::url);
		registry.add("spring.security.oauth2.client.provider.trellis.token-uri", () -> url() + "/oauth2/token");
	}

	String url() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	void catalog(Behaviour behaviour) {
		this.catalog = behaviour;
	}

	void inventory(Behaviour behaviour) {
		this.inventory = behaviour;
	}

	void shortOfStock(String... skus) {
		this.shortSkus = List.of(skus);
	}

	int catalogRequests() {
		return this.catalogRequests.get();
	}

	int reservationRequests() {
		return this.reservationRequests.get();
	}

	List<String> authorizations() {
		return this.authorizations;
	}

	List<String> reservationBodies() {
		return this.reservationBodies;
	}

	void reset() {
		this.catalog = Behaviour.WORK;
		this.inventory = Behaviour.WORK;
		this.shortSkus = List.of();
		this.catalogRequests.set(0);
		this.reservationRequests.set(0);
		this.authorizations.clear();
		this.reservationBodies.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void product(HttpExchange exchange) throws IOException {
		this.catalogRequests.incrementAndGet();
		this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		if (!this.catalog.answer(exchange)) {
			return;
		}
		String sku = exchange.getRequestURI().getPath().substring("/products/".length());
		String price = PRICES.get(sku);
		if (price == null) {
			respond(exchange, 404, "application/problem+json",
					"{\"status\":404,\"title\":\"Not Found\",\"detail\":\"No product with SKU '" + sku + "'.\"}");
			return;
		}
		respond(exchange, 200, "application/json", "{\"sku\":\"" + sku
				+ "\",\"name\":\"Test\",\"description\":\"Test\"," + "\"price\":" + price + ",\"currency\":\"EUR\"}");
	}

	private void reservation(HttpExchange exchange) throws IOException {
		this.reservationRequests.incrementAndGet();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.reservationBodies.add(body);
		if (!this.inventory.answer(exchange)) {
			return;
		}
		List<String> shortSkus = this.shortSkus;
		if (!shortSkus.isEmpty()) {
			respond(exchange, 409, "application/problem+json",
					"{\"type\":\"https://trellis.dev/problems/insufficient-stock\",\"status\":409,"
							+ "\"title\":\"Insufficient stock\",\"skus\":[\"" + String.join("\",\"", shortSkus)
							+ "\"]}");
			return;
		}
		respond(exchange, 201, "application/json", "{\"status\":\"RESERVED\"}");
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getRequestBody().readAllBytes();
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream output = exchange.getResponseBody()) {
			output.write(bytes);
		}
	}

	/**
	 * How a downstream behaves.
	 */
	enum Behaviour {

		/**
		 * Answers at once.
		 */
		WORK,

		/**
		 * Answers every request with 503.
		 */
		FAIL,

		/**
		 * Answers after 8 s, far longer than any time limit.
		 */
		HANG;

		boolean answer(HttpExchange exchange) throws IOException {
			if (this == FAIL) {
				respond(exchange, 503, "application/problem+json",
						"{\"status\":503,\"title\":\"Service Unavailable\"}");
				return false;
			}
			if (this == HANG) {
				try {
					Thread.sleep(Duration.ofSeconds(8).toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return true;
		}

	}

}
