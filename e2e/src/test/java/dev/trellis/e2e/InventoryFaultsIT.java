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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order placement while the inventory fails for real: an instance killed with SIGKILL
 * under steady load, then every instance frozen with SIGSTOP and thawed with SIGCONT.
 *
 * @author Trellis
 */
@PlatformTest
@Order(11)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InventoryFaultsIT {

	/**
	 * The longest an order placement may take while the inventory hangs: order-service's
	 * time limit for inventory calls (config-repo/order-service.yml) plus slack for the
	 * catalog call, the database and a busy two-core machine.
	 */
	private static final Duration FROZEN_ORDER_BOUND = Duration.ofSeconds(5);

	private final Platform platform;

	private final Shop shop;

	InventoryFaultsIT(Platform platform, PlatformHttp http) {
		this.platform = platform;
		this.shop = new Shop(platform, http);
	}

	@BeforeEach
	void awaitCalmShop() throws InterruptedException {
		this.shop.awaitWarm();
	}

	@Test
	@Order(1)
	void killingOneOfTwoInventoryInstancesUnderSteadyOrderLoadFailsNoOrder() throws Exception {
		this.shop.setStock("TRL-BTL-001", 100_000);
		AppProcess victim = this.platform.instances("inventory-service").get(1);
		// 10 orders a second for 20 seconds; the kill comes 5 seconds in.
		SteadyLoad load = new SteadyLoad(() -> this.shop.placeOrderAsync(Shop.lines("TRL-BTL-001", 1)), 201, 10,
				Duration.ofSeconds(20));
		SteadyLoad.KillResult run = load.runKillingAndRestarting(Duration.ofSeconds(5), victim, this.platform);
		SteadyLoad.Result result = run.result();
		Map<String, Long> statuses = result.outcomes()
			.stream()
			.filter((outcome) -> !outcome.failed())
			.collect(Collectors.groupingBy((outcome) -> Shop.status(outcome.body()), Collectors.counting()));
		System.out.println("Inventory instance killed under order load: " + result + ", order statuses " + statuses);
		assertThat(run.victimKilled()).isTrue();
		assertThat(result.outcomes()).hasSize(200);
		assertThat(result.failures()).isEmpty();
		assertThat(statuses.keySet()).isSubsetOf("CONFIRMED", "PENDING");
		assertThat(victim.isHealthy()).isTrue();
	}

	@Test
	@Order(2)
	void frozenInventoryCostsABoundedDelayPendingOrdersAndNoCatalogLatency() throws Exception {
		this.shop.setStock("TRL-HOD-001", 100_000);
		String basket = Shop.lines("TRL-HOD-001", 1);
		awaitConfirmed(basket);
		List<Long> healthyOrders = orderLatencies(basket, 20);
		List<Long> baseline = quoteLatencies(basket, 20);
		List<AppProcess> inventory = this.platform.instances("inventory-service");
		List<Long> frozenOrders = new ArrayList<>();
		inventory.forEach(AppProcess::freeze);
		try {
			// Orders hang on the frozen inventory while quotes, which need only the
			// catalog, are served: the bulkhead keeps the two apart.
			List<CompletableFuture<Timed>> hanging = IntStream.range(0, 8)
				.mapToObj((i) -> Timed.async(() -> this.shop.placeOrderAsync(basket)))
				.toList();
			List<Long> frozen = quoteLatencies(basket, 20);
			List<Timed> orders = new ArrayList<>(hanging.stream().map(CompletableFuture::join).toList());
			// More orders until the breaker opens: it opens within about ten failed
			// calls.
			for (int i = 0; i < 12 && !"OPEN".equals(this.shop.breakerState("inventory-service")); i++) {
				orders.add(Timed.sync(() -> this.shop.placeOrder(basket)));
			}
			long baselineP50 = percentile(baseline, 50);
			long frozenP50 = percentile(frozen, 50);
			System.out.printf(
					"Quote latency p50: %d ms baseline, %d ms with inventory frozen (ratio %.2f);"
							+ " order placement while frozen: %s ms%n",
					baselineP50, frozenP50, (double) frozenP50 / Math.max(1, baselineP50),
					orders.stream().map(Timed::millis).toList());
			orders.forEach((order) -> frozenOrders.add(order.millis()));
			assertThat(orders).allSatisfy((order) -> {
				assertThat(order.response().statusCode()).as(order.response().body()).isEqualTo(201);
				assertThat(Shop.status(order.response())).isEqualTo("PENDING");
				assertThat(order.millis()).isLessThan(FROZEN_ORDER_BOUND.toMillis());
			});
			assertThat(this.shop.breakerState("inventory-service")).isEqualTo("OPEN");
			// Isolation, as a ratio to the baseline of this run (not an absolute time):
			// a quote must not queue behind the hanging inventory calls.
			assertThat(frozenP50).isLessThan(Math.max(4 * baselineP50, baselineP50 + 200));
		}
		finally {
			inventory.forEach(AppProcess::thaw);
		}
		List<String> states = new ArrayList<>();
		HttpResponse<String> recovered = awaitConfirmed(basket, states);
		assertThat(Shop.status(recovered)).isEqualTo("CONFIRMED");
		// The breaker closes after its trial calls in the half-open state succeed.
		for (int i = 0; i < 10 && !"CLOSED".equals(this.shop.breakerState("inventory-service")); i++) {
			states.add(this.shop.breakerState("inventory-service"));
			assertThat(Shop.status(this.shop.placeOrder(basket))).isEqualTo("CONFIRMED");
		}
		states.add(this.shop.breakerState("inventory-service"));
		System.out.println("Breaker states after the thaw: " + states);
		assertThat(states).contains("HALF_OPEN").endsWith("CLOSED");
		List<Long> recoveredOrders = orderLatencies(basket, 20);
		System.out.printf(
				"Order placement latency (ms) p50/p99: healthy %d/%d, inventory frozen %d/%d,"
						+ " after recovery %d/%d%n",
				percentile(healthyOrders, 50), percentile(healthyOrders, 99), percentile(frozenOrders, 50),
				percentile(frozenOrders, 99), percentile(recoveredOrders, 50), percentile(recoveredOrders, 99));
	}

	private List<Long> orderLatencies(String basket, int count) {
		List<Long> latencies = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Timed order = Timed.sync(() -> this.shop.placeOrder(basket));
			assertThat(order.response().statusCode()).as(order.response().body()).isEqualTo(201);
			assertThat(Shop.status(order.response())).isEqualTo("CONFIRMED");
			latencies.add(order.millis());
		}
		return latencies;
	}

	private HttpResponse<String> awaitConfirmed(String basket) throws InterruptedException {
		return awaitConfirmed(basket, new ArrayList<>());
	}

	/**
	 * Places an order every half second until one is confirmed: after a thaw the breaker
	 * lets calls through again only once its wait in the open state is over.
	 */
	private HttpResponse<String> awaitConfirmed(String basket, List<String> states) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		HttpResponse<String> response;
		do {
			states.add(this.shop.breakerState("inventory-service"));
			response = this.shop.placeOrder(basket);
			if (response.statusCode() == 201 && "CONFIRMED".equals(Shop.status(response))) {
				return response;
			}
			Thread.sleep(500);
		}
		while (System.nanoTime() - deadline < 0);
		return response;
	}

	private List<Long> quoteLatencies(String basket, int count) {
		List<Long> latencies = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Timed quote = Timed.sync(() -> this.shop.quote(basket));
			assertThat(quote.response().statusCode()).as(quote.response().body()).isEqualTo(200);
			latencies.add(quote.millis());
		}
		return latencies;
	}

	static long percentile(List<Long> values, int percentile) {
		List<Long> sorted = values.stream().sorted().toList();
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

	/**
	 * A response and how long it took.
	 *
	 * @param response the response
	 * @param millis the time from sending to the whole response, in milliseconds
	 */
	record Timed(HttpResponse<String> response, long millis) {

		static Timed sync(Supplier<HttpResponse<String>> request) {
			long start = System.nanoTime();
			HttpResponse<String> response = request.get();
			return new Timed(response, (System.nanoTime() - start) / 1_000_000);
		}

		static CompletableFuture<Timed> async(Supplier<CompletableFuture<HttpResponse<String>>> request) {
			long start = System.nanoTime();
			return request.get().thenApply((response) -> new Timed(response, (System.nanoTime() - start) / 1_000_000));
		}

	}

}
