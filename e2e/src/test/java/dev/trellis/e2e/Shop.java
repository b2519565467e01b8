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
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
	 * Places orders until one is confirmed with live prices while both of order-service's
	 * breakers are closed, for at most a minute. The first calls of freshly started JVMs
	 * (a token to fetch, classes to load, on two busy cores) may exceed order-service's
	 * time limits and end in a fallback, and a test that loads the shop may leave a
	 * breaker open for its wait in the open state, all as designed; the tests that follow
	 * are about a warm, calm shop.
	 */
	void awaitWarm() throws InterruptedException {
		setStock("TRL-BAG-001", 1000);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		String outcome;
		do {
			HttpResponse<String> order = placeOrder(lines("TRL-BAG-001", 1));
			String breakers = "catalog-service " + breakerState("catalog-service") + ", inventory-service "
					+ breakerState("inventory-service");
			outcome = order.statusCode() + " " + order.body() + " (breakers: " + breakers + ")";
			if (order.statusCode() == 201 && "CONFIRMED".equals(status(order))
					&& "LIVE".equals(JsonPath.read(order.body(), "$.lines[0].priceSource"))
					&& breakers.equals("catalog-service CLOSED, inventory-service CLOSED")) {
				return;
			}
			Thread.sleep(500);
		}
		while (System.nanoTime() - deadline < 0);
		throw new IllegalStateException(
				"The shop did not confirm an order with closed breakers within a minute: " + outcome);
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
		// Setting a level is idempotent, so a 5xx (an instance a fault test just killed,
		// still in the gateway's load balancer for a few seconds) is worth another try.
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		HttpResponse<String> response = withinRateLimit("PUT", "/api/inventory/stock/" + sku,
				"{\"available\": " + available + "}");
		while (response.statusCode() >= 500 && System.nanoTime() - deadline < 0 && pause(Duration.ofMillis(500))) {
			response = withinRateLimit("PUT", "/api/inventory/stock/" + sku, "{\"available\": " + available + "}");
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	int available(String sku) {
		return JsonPath.read(stock(sku), "$.available");
	}

	int reserved(String sku) {
		return JsonPath.read(stock(sku), "$.reserved");
	}

	private String stock(String sku) {
		HttpResponse<String> response = stockResponse(sku);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	/**
	 * Returns a SKU's stock as the inventory shows it now.
	 * @param sku the sku
	 * @return its units available and reserved
	 */
	Stock stockLevel(String sku) {
		String body = stock(sku);
		return new Stock(JsonPath.read(body, "$.available"), JsonPath.read(body, "$.reserved"));
	}

	/**
	 * Reads a SKU's stock, answering 404 when the inventory has no stock row for it.
	 * @param sku the sku
	 * @return the response
	 */
	HttpResponse<String> stockResponse(String sku) {
		return withinRateLimit("GET", "/api/inventory/stock/" + sku, null);
	}

	/**
	 * Cancels an order.
	 * @param id the order id
	 * @return the response, with the order when it could be cancelled
	 */
	HttpResponse<String> cancel(String id) {
		return withinRateLimit("DELETE", "/api/orders/" + id, null);
	}

	/**
	 * Returns the notifications recorded about an order, oldest first.
	 * @param orderId the order id
	 * @return the notifications
	 */
	List<Notification> notifications(String orderId) {
		HttpResponse<String> response = withinRateLimit("GET", "/api/notifications?orderId=" + orderId, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Map<String, Object>> notifications = JsonPath.read(response.body(), "$");
		return notifications.stream()
			.map((notification) -> new Notification((String) notification.get("orderId"),
					(String) notification.get("type"), (String) notification.get("message"),
					Instant.parse((String) notification.get("createdAt"))))
			.toList();
	}

	/**
	 * Waits until an order has notifications of the given types, in that order, and
	 * returns them.
	 * @param orderId the order id
	 * @param timeout the longest wait
	 * @param types the types, such as {@code ORDER_CONFIRMED}
	 * @return the notifications when the wait ended
	 */
	List<Notification> awaitNotifications(String orderId, Duration timeout, String... types)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<Notification> notifications;
		do {
			notifications = notifications(orderId);
			if (notifications.size() >= types.length) {
				return notifications;
			}
			Thread.sleep(250);
		}
		while (System.nanoTime() - deadline < 0);
		return notifications;
	}

	/**
	 * Returns the current status of each of the given orders of the caller, read from its
	 * list of orders (newest first, 100 a page) rather than one request per order.
	 * @param ids the order ids, placed by the test most recently
	 * @return the status of each order found
	 */
	Map<String, String> statuses(Collection<String> ids) {
		Set<String> wanted = new HashSet<>(ids);
		Map<String, String> statuses = new HashMap<>();
		int pages = ids.size() / 100 + 20;
		for (int page = 0; page < pages && statuses.size() < wanted.size(); page++) {
			HttpResponse<String> response = withinRateLimit("GET", "/api/orders?size=100&page=" + page, null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			List<Map<String, Object>> content = JsonPath.read(response.body(), "$.content");
			if (content.isEmpty()) {
				break;
			}
			for (Map<String, Object> order : content) {
				String id = (String) order.get("id");
				if (wanted.contains(id)) {
					statuses.put(id, (String) order.get("status"));
				}
			}
		}
		return statuses;
	}

	/**
	 * Waits until every one of the given orders is CONFIRMED, REJECTED or CANCELLED.
	 * @param ids the order ids
	 * @param timeout the longest wait
	 * @return the status of each order when the wait ended
	 */
	Map<String, String> awaitSettled(Collection<String> ids, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Map<String, String> statuses;
		do {
			statuses = statuses(ids);
			if (statuses.size() == ids.size() && statuses.values().stream().noneMatch("PENDING"::equals)) {
				return statuses;
			}
			Thread.sleep(1000);
		}
		while (System.nanoTime() - deadline < 0);
		return statuses;
	}

	/**
	 * Lists the dead letters of a topic on a service's actuator, as the operator does.
	 * @param service the instance asked
	 * @param topic the original topic, such as {@code order-events}
	 * @return the response
	 */
	HttpResponse<String> deadLetters(AppProcess service, String topic) {
		return ops(service, "/actuator/deadletters/" + topic);
	}

	/**
	 * Replays one dead letter to its original topic, as the operator does.
	 * @param service the instance asked
	 * @param topic the original topic
	 * @param partition the dead letter's partition in the dead-letter topic
	 * @param offset its offset there
	 * @return the response
	 */
	HttpResponse<String> replayDeadLetter(AppProcess service, String topic, int partition, long offset) {
		Credentials credentials = this.platform.credentials();
		URI uri = service.url().resolve("/actuator/deadletters/" + topic + "/" + partition + "/" + offset);
		return this.http.post(uri, credentials.get(Credentials.OPS_USER), credentials.get(Credentials.OPS_PASSWORD));
	}

	/**
	 * Returns how many events of a service's outbox are not published yet, from its
	 * {@code trellis.outbox.backlog} gauge.
	 * @param service the instance asked (instances share their database)
	 * @return the backlog
	 */
	long outboxBacklog(AppProcess service) {
		HttpResponse<String> response = ops(service, "/actuator/metrics/trellis.outbox.backlog");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Number> values = JsonPath.read(response.body(), "$.measurements[?(@.statistic == 'VALUE')].value");
		return values.get(0).longValue();
	}

	/**
	 * Sends a request through the gateway, again after a pause while the gateway answers
	 * 429: the test's own requests share the rate limit of one principal.
	 */
	private HttpResponse<String> withinRateLimit(String method, String path, String json) {
		HttpResponse<String> response = this.http.gatewaySend(method, path, json, Map.of());
		for (int attempt = 1; attempt < 50 && response.statusCode() == 429
				&& pause(Duration.ofMillis(200)); attempt++) {
			response = this.http.gatewaySend(method, path, json, Map.of());
		}
		return response;
	}

	/**
	 * Sleeps, and says whether the wait was complete (false when interrupted, the
	 * interrupt kept).
	 */
	private static boolean pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
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

	/**
	 * The stock of a SKU.
	 *
	 * @param available units free to reserve
	 * @param reserved units held by reservations
	 */
	record Stock(int available, int reserved) {

	}

	/**
	 * A notification about an order.
	 *
	 * @param orderId the order
	 * @param type such as {@code ORDER_CONFIRMED}
	 * @param message the text
	 * @param createdAt when it was recorded
	 */
	record Notification(String orderId, String type, String message, Instant createdAt) {

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
