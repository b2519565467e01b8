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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import dev.trellis.e2e.OrderStream.Placed;
import dev.trellis.e2e.Shop.Notification;
import dev.trellis.e2e.Shop.Stock;
import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order saga over the real Kafka broker, with real faults: orders accepted
 * {@code PENDING} while the inventory is frozen, killed or cut off from a stopped broker
 * all end {@code CONFIRMED} or {@code REJECTED}; the inventory's books match the
 * confirmed orders exactly (nothing lost, nothing applied twice); every order gets
 * exactly one notification; poison messages go to the dead-letter topic without blocking
 * what follows them, and a fixed one replays once; a cancelled order gives its stock
 * back.
 *
 * @author Trellis
 */
@PlatformTest
@Order(13)
class OrderSagaIT {

	/**
	 * The longest every order may take to settle once the fault is over: the backlog of a
	 * few hundred events through two consumers and back, on two busy cores.
	 */
	private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);

	private static final String ORDER_EVENTS = "order-events";

	private static final String ORDER_PLACED = "dev.trellis.order.placed.v1";

	private static final Set<String> SETTLED = Set.of("CONFIRMED", "REJECTED");

	/** The saga's consumer groups and their topics. */
	private static final String[][] CONSUMERS = { { "inventory-service", ORDER_EVENTS },
			{ "notification-service", ORDER_EVENTS }, { "order-service", "inventory-events" } };

	private final Platform platform;

	private final Shop shop;

	private final KafkaTopics kafka;

	private long startNanos;

	OrderSagaIT(Platform platform, PlatformHttp http) {
		this.platform = platform;
		this.shop = new Shop(platform, http);
		this.kafka = new KafkaTopics(platform);
	}

	@BeforeAll
	static void warmUp(Platform platform, PlatformHttp http) throws InterruptedException {
		new Shop(platform, http).awaitWarm();
	}

	@BeforeEach
	void startClock() throws InterruptedException {
		this.startNanos = System.nanoTime();
		awaitReachable();
	}

	@AfterEach
	void printDuration(TestInfo test) {
		this.kafka.close();
		System.out.printf("DURATION %s: %.1f s%n", test.getDisplayName(), (System.nanoTime() - this.startNanos) / 1e9);
	}

	@Test
	@Order(1)
	void ordersPlacedConcurrentlyWhileTheInventoryIsFrozenAllSettleOnceWithOneNotificationEach() throws Exception {
		String sku = "TRL-TEE-002";
		// Fewer units than the 500 orders ask for (1000 units): some must be rejected.
		Stock before = freshStock(sku, 700);
		List<AppProcess> inventory = this.platform.instances("inventory-service");
		StockWatch watch = StockWatch.start(this.shop, sku);
		Instant firstPlacement = Instant.now();
		OrderStream stream = OrderStream.start(this.shop, sku, 500, 30, 30);
		List<Placed> orders;
		Settlement settlement;
		try {
			try {
				stream.awaitPlaced(150, Duration.ofMinutes(1));
				// Orders placed now are kept PENDING (time limit, bulkhead, open breaker)
				// and settled through order-events and inventory-events once it thaws.
				inventory.forEach(AppProcess::freeze);
				Thread.sleep(10_000);
				thaw(inventory);
				orders = stream.await(Duration.ofMinutes(2));
			}
			finally {
				stream.stop();
				thaw(inventory);
			}
			settlement = assertSettledOnceWithOneNotificationEach(sku, before, orders);
		}
		finally {
			watch.stop();
		}
		long pending = orders.stream().filter((order) -> "PENDING".equals(order.status())).count();
		System.out.println("Accepted PENDING: " + pending + ", rate limited and sent again: " + stream.rateLimited()
				+ ", lowest stock seen while running: " + watch.lowestAvailable());
		assertThat(pending).as("orders accepted PENDING while the inventory was frozen").isPositive();
		assertThat(watch.lowestAvailable()).isNotNegative();
		double seconds = Duration.between(firstPlacement, settlement.drained()).toMillis() / 1000.0;
		System.out.printf(
				"FIGURE saga end to end: %d orders from first placement to every notification recorded in %.1f s"
						+ " = %.1f events/s (%d accepted PENDING, inventory frozen 10 s; placement to outcome"
						+ " p50 %d ms, p99 %d ms)%n",
				settlement.notified(), seconds, settlement.notified() / seconds, pending,
				settlement.latencyPercentile(orders, 50), settlement.latencyPercentile(orders, 99));
	}

	@Test
	@Order(2)
	void inventoryKilledMidStreamAndRestartedLosesNothingAndAppliesNothingTwice() throws Exception {
		String sku = "TRL-MUG-002";
		// The 180 orders ask for 360 units.
		Stock before = freshStock(sku, 250);
		List<AppProcess> inventory = this.platform.instances("inventory-service");
		AppProcess victim = inventory.get(1);
		List<Placed> orders = new ArrayList<>();
		inventory.forEach(AppProcess::freeze);
		try {
			// A backlog of OrderPlaced events waits in order-events for the inventory.
			orders.addAll(OrderStream.start(this.shop, sku, 120, 20, 30).await(Duration.ofMinutes(2)));
		}
		finally {
			thaw(inventory);
		}
		OrderStream more = OrderStream.start(this.shop, sku, 60, 5, 6);
		try {
			awaitReservedAbove(sku, before.reserved(), Duration.ofSeconds(60));
			long lag = this.kafka.lag("inventory-service", ORDER_EVENTS);
			victim.kill();
			System.out.println("Killed " + victim + " (SIGKILL) with " + lag
					+ " records of order-events not yet committed by inventory-service");
			this.platform.restart(victim);
			orders.addAll(more.await(Duration.ofMinutes(2)));
		}
		finally {
			more.stop();
			if (!victim.isAlive()) {
				this.platform.restart(victim);
			}
		}
		assertThat(orders.stream().filter((order) -> "PENDING".equals(order.status()))).as("orders accepted PENDING")
			.isNotEmpty();
		assertSettledOnceWithOneNotificationEach(sku, before, orders);
	}

	@Test
	@Order(3)
	void ordersAreAcceptedWhileTheBrokerIsStoppedAndAllSettleOnceAfterItsRestart() throws Exception {
		String sku = "TRL-TEE-001";
		Stock before = freshStock(sku, 10_000);
		AppProcess broker = this.platform.process(Platform.KAFKA);
		List<AppProcess> inventory = this.platform.instances("inventory-service");
		OrderStream stream = OrderStream.start(this.shop, sku, 1000, 10, 8);
		Instant stoppedAt;
		Instant restartingAt;
		List<Placed> orders;
		try {
			stream.awaitPlaced(40, Duration.ofMinutes(1));
			broker.stop();
			stoppedAt = Instant.now();
			System.out.println("Kafka broker stopped: " + broker);
			// A while with the inventory frozen too: those orders are accepted PENDING,
			// their OrderPlaced events wait in order-service's outbox.
			Thread.sleep(5_000);
			printHealth(this.platform.process("order-service"));
			inventory.forEach(AppProcess::freeze);
			Thread.sleep(10_000);
			thaw(inventory);
			Thread.sleep(Math.max(0, Duration.between(Instant.now(), stoppedAt.plusSeconds(30)).toMillis()));
			// No orders after this: what settles after the restart is the backlog.
			stream.stop();
			orders = stream.await(Duration.ofMinutes(1));
		}
		finally {
			stream.stop();
			thaw(inventory);
			restartingAt = Instant.now();
			if (!broker.isHealthy()) {
				this.platform.restart(broker);
			}
		}
		Instant restartedAt = Instant.now();
		System.out.printf("Kafka broker restarted %.1f s after it was stopped, in %.1f s%n",
				Duration.between(stoppedAt, restartingAt).toMillis() / 1000.0,
				Duration.between(restartingAt, restartedAt).toMillis() / 1000.0);
		List<Placed> whileDown = orders.stream()
			.filter((order) -> order.sentAt().isAfter(stoppedAt) && order.sentAt().isBefore(restartingAt))
			.toList();
		assertThat(whileDown).as("orders placed while the broker was stopped").hasSizeGreaterThan(100);
		assertAccepted(whileDown, "while the broker was stopped");
		long pendingWhileDown = whileDown.stream().filter((order) -> "PENDING".equals(order.status())).count();
		assertThat(pendingWhileDown).as("orders accepted PENDING while the broker was stopped").isPositive();
		Settlement settlement = assertSettledOnceWithOneNotificationEach(sku, before, orders);
		System.out.printf(
				"FIGURE broker restart to backlog drained: %.1f s (%d orders, %d placed during the 30 s outage,"
						+ " %d of them PENDING; every order settled and notified)%n",
				Duration.between(restartedAt, settlement.drained()).toMillis() / 1000.0, orders.size(),
				whileDown.size(), pendingWhileDown);
	}

	@Test
	@Order(4)
	void poisonMessagesAreDeadLetteredWithTheirReasonWithoutBlockingLaterOnesAndAFixedOneReplaysOnce()
			throws Exception {
		AppProcess inventory = this.platform.process("inventory-service");
		String sku = "TRL-STK-001";
		Stock before = freshStock(sku, 100);
		String unknownSku = unknownSku();
		assertThat(this.shop.stockResponse(unknownSku).statusCode()).isEqualTo(404);

		String nextOrder = UUID.randomUUID().toString();
		String unreadable = this.kafka.publishEvent(ORDER_EVENTS, nextOrder, ORDER_PLACED,
				"{\"orderId\": \"" + nextOrder + "\", \"lines\": [");
		// Same key, so same partition, right behind the unreadable record.
		this.kafka.publishEvent(ORDER_EVENTS, nextOrder, ORDER_PLACED, orderPlaced(nextOrder, sku, 1));
		String unknownOrder = UUID.randomUUID().toString();
		String unknownSkuEvent = this.kafka.publishEvent(ORDER_EVENTS, unknownOrder, ORDER_PLACED,
				orderPlaced(unknownOrder, unknownSku, 2));
		HttpResponse<String> order = this.shop.placeOrder(Shop.lines(sku, 1));
		assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
		String orderId = Shop.id(order);

		Map<String, Object> unreadableLetter = awaitDeadLetter(inventory, unreadable);
		Map<String, Object> unknownSkuLetter = awaitDeadLetter(inventory, unknownSkuEvent);
		System.out.println("Dead letter of the unreadable event: " + unreadableLetter.get("reason"));
		System.out.println("Dead letter of the unknown SKU: " + unknownSkuLetter.get("reason"));
		assertThat(unreadableLetter).containsEntry("originalTopic", ORDER_EVENTS).containsEntry("key", nextOrder);
		assertThat((String) unreadableLetter.get("reason")).isNotBlank();
		assertThat(unknownSkuLetter).containsEntry("originalTopic", ORDER_EVENTS).containsEntry("key", unknownOrder);
		assertThat((String) unknownSkuLetter.get("reason")).contains(unknownSku);

		// What came after the poison was processed: the event behind it on its partition
		// and the order placed through the gateway, down to its notification.
		assertThat(this.shop.awaitSettled(List.of(orderId), Duration.ofMinutes(1))).containsEntry(orderId, "CONFIRMED");
		assertThat(this.shop.awaitNotifications(orderId, Duration.ofMinutes(1), "ORDER_CONFIRMED"))
			.extracting(Notification::type)
			.containsExactly("ORDER_CONFIRMED");
		assertThat(this.kafka.awaitConsumed("inventory-service", ORDER_EVENTS, Duration.ofMinutes(1))).isZero();
		assertThat(this.shop.stockLevel(sku)).isEqualTo(new Stock(before.available() - 2, before.reserved() + 2));
		assertThat(this.shop.stockResponse(unknownSku).statusCode()).isEqualTo(404);

		// The operator fixes the cause, then replays the dead letter, twice.
		this.shop.setStock(unknownSku, 10);
		int partition = (Integer) unknownSkuLetter.get("partition");
		long offset = ((Number) unknownSkuLetter.get("offset")).longValue();
		for (int replay = 0; replay < 2; replay++) {
			HttpResponse<String> replayed = this.shop.replayDeadLetter(inventory, ORDER_EVENTS, partition, offset);
			assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
			assertThat(JsonPath.<String>read(replayed.body(), "$.eventId")).isEqualTo(unknownSkuEvent);
		}
		assertThat(this.kafka.awaitConsumed("inventory-service", ORDER_EVENTS, Duration.ofMinutes(1))).isZero();
		assertThat(this.shop.stockLevel(unknownSku)).isEqualTo(new Stock(8, 2));
		printDeadLettersOf(this.platform.process("order-service"), "inventory-events", nextOrder, unknownOrder);
	}

	@Test
	@Order(5)
	void cancellingAConfirmedOrderGivesItsStockBackOnceAndNotifiesTheCustomer() throws Exception {
		String sku = "TRL-SCK-001";
		Stock before = freshStock(sku, 20);
		String id = placeConfirmedOrder(sku, 3);
		assertThat(this.shop.stockLevel(sku)).isEqualTo(new Stock(17, before.reserved() + 3));

		HttpResponse<String> cancelled = this.shop.cancel(id);
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		assertThat(Shop.status(cancelled)).isEqualTo("CANCELLED");
		HttpResponse<String> again = this.shop.cancel(id);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(Shop.status(again)).isEqualTo("CANCELLED");

		awaitStock(sku, before, Duration.ofMinutes(1));
		assertThat(this.kafka.awaitConsumed("inventory-service", ORDER_EVENTS, Duration.ofMinutes(1))).isZero();
		assertThat(this.shop.stockLevel(sku)).isEqualTo(before);
		this.shop.awaitNotifications(id, Duration.ofMinutes(1), "ORDER_CONFIRMED", "ORDER_CANCELLED");
		assertThat(this.kafka.awaitConsumed("notification-service", ORDER_EVENTS, Duration.ofMinutes(1))).isZero();
		assertThat(this.shop.notifications(id)).extracting(Notification::type)
			.containsExactly("ORDER_CONFIRMED", "ORDER_CANCELLED");
		assertThat(Shop.status(this.shop.order(id))).isEqualTo("CANCELLED");
	}

	// --- the books ---

	/**
	 * Asserts that every order was accepted and settled, that the inventory's books of
	 * the SKU moved by exactly the units of the confirmed orders, that no order was
	 * rejected while its units were in stock, and that every order has exactly one
	 * notification, of its outcome.
	 */
	private Settlement assertSettledOnceWithOneNotificationEach(String sku, Stock before, List<Placed> orders)
			throws InterruptedException {
		assertAccepted(orders, "");
		List<String> ids = orders.stream().map(Placed::id).toList();
		Instant settling = Instant.now();
		Drained drained = awaitDrained(ids);
		Map<String, String> statuses = drained.statuses();
		Map<String, Long> counts = new TreeMap<>(
				statuses.values().stream().collect(Collectors.groupingBy((status) -> status, Collectors.counting())));
		System.out.printf("%d orders of %s settled, every event consumed, %.1f s after the last placement: %s%n",
				orders.size(), sku, Duration.between(settling, drained.at()).toMillis() / 1000.0, counts);
		assertThat(statuses).as("every order found").hasSize(ids.size());
		assertThat(statuses.values()).as("final statuses %s", counts).allMatch(SETTLED::contains);

		Map<String, Integer> quantities = orders.stream().collect(Collectors.toMap(Placed::id, Placed::quantity));
		int confirmedUnits = units(statuses, quantities, "CONFIRMED");
		Stock after = this.shop.stockLevel(sku);
		System.out.println(
				"Stock of " + sku + ": before " + before + ", after " + after + ", confirmed units " + confirmedUnits);
		assertThat(after.available()).isNotNegative();
		assertThat(after.reserved() - before.reserved()).as("units reserved").isEqualTo(confirmedUnits);
		assertThat(before.available() - after.available()).as("units taken from stock").isEqualTo(confirmedUnits);
		statuses.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals("REJECTED"))
			.mapToInt((entry) -> quantities.get(entry.getKey()))
			.min()
			.ifPresent((smallest) -> assertThat(after.available())
				.as("units left, below the smallest rejected order (%d)", smallest)
				.isLessThan(smallest));

		Map<String, List<Notification>> notifications = notificationsOf(statuses.keySet());
		List<String> wrong = statuses.entrySet().stream().filter((entry) -> {
			List<Notification> own = notifications.get(entry.getKey());
			return own.size() != 1 || !own.get(0).type().equals("ORDER_" + entry.getValue());
		})
			.map((entry) -> entry.getKey() + " " + entry.getValue() + " "
					+ notifications.get(entry.getKey()).stream().map(Notification::type).toList())
			.toList();
		assertThat(wrong).as("orders without exactly one notification of their outcome").isEmpty();
		return new Settlement(drained.at(), notifications);
	}

	/**
	 * Waits until every order is settled and every event about them consumed: nothing
	 * left in order-service's outbox, and the three consumer groups of the saga at the
	 * end of their topics. The settled orders' last events are then notifications
	 * recorded.
	 */
	private Drained awaitDrained(List<String> ids) throws InterruptedException {
		long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
		Map<String, String> statuses;
		String waitingFor;
		do {
			statuses = this.shop.statuses(ids);
			waitingFor = waitingFor(ids, statuses);
			if (waitingFor == null) {
				return new Drained(Instant.now(), statuses);
			}
			Thread.sleep(500);
		}
		while (System.nanoTime() - deadline < 0);
		System.out.println("Not drained within " + SETTLE_TIMEOUT + ": " + waitingFor);
		return new Drained(Instant.now(), statuses);
	}

	private String waitingFor(List<String> ids, Map<String, String> statuses) {
		long pending = ids.stream().filter((id) -> !SETTLED.contains(statuses.getOrDefault(id, "PENDING"))).count();
		if (pending > 0) {
			return pending + " orders not settled";
		}
		long backlog = this.shop.outboxBacklog(this.platform.process("order-service"));
		if (backlog > 0) {
			return backlog + " events in order-service's outbox";
		}
		for (String[] consumer : CONSUMERS) {
			long lag = this.kafka.lag(consumer[0], consumer[1]);
			if (lag > 0) {
				return consumer[0] + " " + lag + " records behind on " + consumer[1];
			}
		}
		return null;
	}

	private static void assertAccepted(List<Placed> orders, String when) {
		Map<Integer, Long> answers = orders.stream()
			.collect(Collectors.groupingBy(Placed::httpStatus, TreeMap::new, Collectors.counting()));
		String firstRefused = orders.stream()
			.filter((order) -> !order.accepted())
			.findFirst()
			.map((order) -> order.sentAt() + " " + order.httpStatus() + " " + order.body())
			.orElse(null);
		assertThat(orders).as("orders placed %s: answers %s, first refused %s", when, answers, firstRefused)
			.allMatch(Placed::accepted);
	}

	private static int units(Map<String, String> statuses, Map<String, Integer> quantities, String status) {
		return statuses.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(status))
			.mapToInt((entry) -> quantities.get(entry.getKey()))
			.sum();
	}

	/**
	 * Reads the notifications of every order, at a pace the gateway's rate limit allows,
	 * reading again those that have none yet until a deadline.
	 */
	private Map<String, List<Notification>> notificationsOf(Set<String> ids) throws InterruptedException {
		long lag = this.kafka.awaitConsumed("notification-service", ORDER_EVENTS, Duration.ofMinutes(1));
		if (lag > 0) {
			System.out.println("notification-service still has " + lag + " records of order-events to read");
		}
		Map<String, List<Notification>> notifications = new HashMap<>();
		Set<String> missing = new LinkedHashSet<>(ids);
		OrderStream.Pace pace = new OrderStream.Pace(30);
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (!missing.isEmpty()) {
			for (String id : List.copyOf(missing)) {
				pace.await();
				List<Notification> own = this.shop.notifications(id);
				if (!own.isEmpty()) {
					notifications.put(id, own);
					missing.remove(id);
				}
			}
			if (missing.isEmpty() || System.nanoTime() - deadline > 0) {
				break;
			}
			Thread.sleep(1000);
		}
		missing.forEach((id) -> notifications.put(id, List.of()));
		return notifications;
	}

	// --- helpers ---

	/**
	 * Sets a SKU's available units and makes sure order-service knows its price (an order
	 * beyond its catalog bulkhead falls back to the last known price; with none it is a
	 * 503).
	 */
	private Stock freshStock(String sku, int available) {
		this.shop.setStock(sku, available);
		HttpResponse<String> quote = this.shop.quote(Shop.lines(sku, 1));
		assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
		return this.shop.stockLevel(sku);
	}

	/**
	 * Waits until the gateway reaches the inventory and order-service again, as an
	 * earlier test's faults may have taken them out of its load balancer for a while.
	 */
	private void awaitReachable() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		int inventory;
		int orders;
		while ((inventory = this.shop.stockResponse("TRL-MUG-001").statusCode()) != 200
				| (orders = this.shop.quote(Shop.lines("TRL-MUG-001", 1)).statusCode()) != 200) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException(
						"The gateway does not reach the shop: stock " + inventory + ", quote " + orders);
			}
			Thread.sleep(500);
		}
		long waited = (System.nanoTime() - this.startNanos) / 1_000_000;
		if (waited > 1000) {
			System.out.println("Waited " + waited + " ms for the gateway to reach the inventory and orders");
		}
	}

	private String placeConfirmedOrder(String sku, int quantity) throws InterruptedException {
		HttpResponse<String> response = this.shop.placeOrder(Shop.lines(sku, quantity));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		String id = Shop.id(response);
		assertThat(this.shop.awaitSettled(List.of(id), Duration.ofMinutes(1))).containsEntry(id, "CONFIRMED");
		return id;
	}

	private void awaitReservedAbove(String sku, int reserved, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.shop.stockLevel(sku).reserved() <= reserved) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("Nothing of " + sku + " reserved within " + timeout);
			}
			Thread.sleep(100);
		}
	}

	private void awaitStock(String sku, Stock expected, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.shop.stockLevel(sku).equals(expected) && System.nanoTime() - deadline < 0) {
			Thread.sleep(250);
		}
	}

	private Map<String, Object> awaitDeadLetter(AppProcess service, String eventId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		String listing;
		do {
			HttpResponse<String> response = this.shop.deadLetters(service, ORDER_EVENTS);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			listing = response.body();
			List<Map<String, Object>> letters = JsonPath.read(listing,
					"$.deadLetters[?(@.headers.ce_id == '" + eventId + "')]");
			if (!letters.isEmpty()) {
				return letters.get(letters.size() - 1);
			}
			Thread.sleep(1000);
		}
		while (System.nanoTime() - deadline < 0);
		throw new AssertionError("No dead letter of event " + eventId + " in " + listing);
	}

	private void printHealth(AppProcess service) {
		HttpResponse<String> health = this.shop.ops(service, "/actuator/health");
		System.out.println("Health of " + service + ": " + health.statusCode() + " " + health.body());
	}

	private void printDeadLettersOf(AppProcess service, String topic, String... keys) {
		HttpResponse<String> response = this.shop.deadLetters(service, topic);
		if (response.statusCode() != 200) {
			System.out.println("Dead letters of " + topic + " at " + service + ": " + response.statusCode());
			return;
		}
		List<String> found = JsonPath.read(response.body(), "$.deadLetters[*].key");
		System.out.println("Dead letters of " + topic + " at " + service + " about the test's events: "
				+ found.stream().filter(Set.of(keys)::contains).count());
	}

	private static String orderPlaced(String orderId, String sku, int quantity) {
		return """
				{"orderId": "%s", "customer": "e2e", "lines": [{"sku": "%s", "quantity": %d}]}""".formatted(orderId,
				sku, quantity);
	}

	/**
	 * A SKU in the right format that neither the catalog nor the inventory knows: a new
	 * one every run, as the inventory's data outlives the run.
	 */
	private static String unknownSku() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder sku = new StringBuilder("PSN-");
		for (int i = 0; i < 3; i++) {
			sku.append((char) ('A' + random.nextInt(26)));
		}
		return sku.append('-').append(String.format("%03d", random.nextInt(1000))).toString();
	}

	private static void thaw(List<AppProcess> processes) {
		processes.stream().filter(AppProcess::isFrozen).forEach(AppProcess::thaw);
	}

	/**
	 * When orders were settled and every event about them consumed.
	 *
	 * @param at when that was seen
	 * @param statuses the orders' statuses then
	 */
	record Drained(Instant at, Map<String, String> statuses) {

	}

	/**
	 * Settled orders and their notifications.
	 *
	 * @param drained when every order was settled and every event consumed
	 * @param notifications each order's notifications
	 */
	record Settlement(Instant drained, Map<String, List<Notification>> notifications) {

		long notified() {
			return this.notifications.values().stream().filter((own) -> !own.isEmpty()).count();
		}

		long latencyPercentile(List<Placed> orders, int percentile) {
			List<Long> latencies = orders.stream()
				.filter((order) -> !this.notifications.getOrDefault(order.id(), List.of()).isEmpty())
				.map((order) -> Duration.between(order.sentAt(), this.notifications.get(order.id()).get(0).createdAt())
					.toMillis())
				.toList();
			return InventoryFaultsIT.percentile(latencies, percentile);
		}

	}

	/**
	 * Reads a SKU's stock twice a second in the background and remembers the lowest
	 * available count seen; reads that fail (the inventory frozen) are skipped.
	 */
	static final class StockWatch {

		private final AtomicInteger lowest = new AtomicInteger(Integer.MAX_VALUE);

		private final Thread thread;

		private volatile boolean running = true;

		private StockWatch(Shop shop, String sku) {
			this.thread = new Thread(() -> {
				while (this.running) {
					try {
						HttpResponse<String> response = shop.stockResponse(sku);
						if (response.statusCode() == 200) {
							int available = JsonPath.read(response.body(), "$.available");
							this.lowest.accumulateAndGet(available, Math::min);
						}
						Thread.sleep(500);
					}
					catch (InterruptedException ex) {
						return;
					}
					catch (RuntimeException ex) {
						// A read that timed out while the inventory was frozen.
					}
				}
			}, "stock-watch");
			this.thread.setDaemon(true);
		}

		static StockWatch start(Shop shop, String sku) {
			StockWatch watch = new StockWatch(shop, sku);
			watch.thread.start();
			return watch;
		}

		int lowestAvailable() {
			return this.lowest.get();
		}

		void stop() throws InterruptedException {
			this.running = false;
			this.thread.interrupt();
			this.thread.join(20_000);
		}

	}

}
