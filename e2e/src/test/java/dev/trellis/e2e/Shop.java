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
package dev.trellis.e2e;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;
import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.Credentials;
import dev.trellis.launcher.Platform;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample shop as a client sees it through the gateway (orders, quotes, stock), and as
 * an operator sees it on the actuator of its services.
 *
 * @author Trellis
 */
final class Shop {

	private final Platform platform;

	private final PlatformHttp http;

	Shop(Platform platform, PlatformHttp http) {
		this.platform = platform;
		this.http = http;
	}

	/**
	 * JSON order lines of one sku.
	 * @param sku the sku
	 * @param quantity how many
	 * @return the body of an order or a quote
	 */
	static String lines(String sku, int quantity) {
		return """
				{"lines": [{"sku": "%s", "quantity": %d}]}""".formatted(sku, quantity);
	}

	HttpResponse<String> placeOrder(String idempotencyKey, String body) {
		return this.http.gatewaySend("POST", "/api/orders", body, Map.of("Idempotency-Key", idempotencyKey));
	}

	HttpResponse<String> placeOrder(String body) {
		return placeOrder(UUID.randomUUID().toString(), body);
	}

	CompletableFuture<HttpResponse<String>> placeOrderAsync(String body) {
		return this.http.gatewaySendAsync("POST", "/api/orders", body,
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
	}

	/**
	 * Places orders until one is confirmed with live prices, for at most a minute. The
	 * first calls of freshly started JVMs (a token to fetch, classes to load, on two busy
	 * cores) may exceed order-service's time limits and end in a fallback, as designed;
	 * the tests that follow are about a warm shop.
	 */
	void awaitWarm() throws InterruptedException {
		setStock("TRL-BAG-001", 1000);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		String outcome;
		do {
			HttpResponse<String> order = placeOrder(lines("TRL-BAG-001", 1));
			outcome = order.statusCode() + " " + order.body();
			if (order.statusCode() == 201 && "CONFIRMED".equals(status(order))
					&& "LIVE".equals(JsonPath.read(order.body(), "$.lines[0].priceSource"))) {
				return;
			}
			Thread.sleep(500);
		}
		while (System.nanoTime() - deadline < 0);
		throw new IllegalStateException("The shop did not confirm an order within a minute: " + outcome);
	}

	HttpResponse<String> quote(String body) {
		return this.http.gatewaySend("POST", "/api/orders/quote", body, Map.of());
	}

	HttpResponse<String> order(String id) {
		return this.http.gatewaySend("GET", "/api/orders/" + id, null, Map.of());
	}

	/**
	 * Sets the quantity of a sku available for orders.
	 * @param sku the sku
	 * @param available the quantity
	 */
	void setStock(String sku, int available) {
		HttpResponse<String> response = this.http.gatewaySend("PUT", "/api/inventory/stock/" + sku,
				"{\"available\": " + available + "}", Map.of());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	int available(String sku) {
		return JsonPath.read(stock(sku), "$.available");
	}

	int reserved(String sku) {
		return JsonPath.read(stock(sku), "$.reserved");
	}

	private String stock(String sku) {
		HttpResponse<String> response = this.http.gatewaySend("GET", "/api/inventory/stock/" + sku, null, Map.of());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	/**
	 * Returns the state of one of order-service's circuit breakers, as its actuator shows
	 * it to an operator.
	 * @param name the downstream
	 * @return the state, such as {@code CLOSED}
	 */
	String breakerState(String name) {
		HttpResponse<String> response = ops(this.platform.process("order-service"), "/actuator/circuitbreakers");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$.circuitBreakers['" + name + "'].state");
	}

	/**
	 * Counts the reservation requests an inventory instance has answered, from its
	 * request metrics.
	 * @param inventory the instance
	 * @return how many
	 */
	long reservationsServed(AppProcess inventory) {
		HttpResponse<String> response = ops(inventory, "/actuator/metrics/http.server.requests?tag=uri:/reservations");
		if (response.statusCode() == 404) {
			// No such request yet: the meter does not exist.
			return 0;
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Number> counts = JsonPath.read(response.body(), "$.measurements[?(@.statistic == 'COUNT')].value");
		return counts.get(0).longValue();
	}

	HttpResponse<String> ops(AppProcess process, String path) {
		Credentials credentials = this.platform.credentials();
		URI uri = process.url().resolve(path);
		return this.http.get(uri, credentials.get(Credentials.OPS_USER), credentials.get(Credentials.OPS_PASSWORD));
	}

	static String status(HttpResponse<String> order) {
		return status(order.body());
	}

	static String status(String order) {
		return JsonPath.read(order, "$.status");
	}

	static String id(HttpResponse<String> order) {
		return JsonPath.read(order.body(), "$.id");
	}

}
