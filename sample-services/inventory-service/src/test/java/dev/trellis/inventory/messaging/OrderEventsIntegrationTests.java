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
package dev.trellis.inventory.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.trellis.autoconfigure.messaging.DeadLettersEndpoint;
import dev.trellis.autoconfigure.messaging.DeadLettersEndpoint.DeadLetter;
import dev.trellis.autoconfigure.messaging.ProcessedEvents;
import dev.trellis.autoconfigure.messaging.TrellisKafkaProducer;
import dev.trellis.inventory.InventoryServiceTest;
import dev.trellis.inventory.SagaEvents;
import dev.trellis.inventory.domain.Reservation;
import dev.trellis.inventory.domain.ReservationConflictException;
import dev.trellis.inventory.domain.ReservationLine;
import dev.trellis.inventory.domain.ReservationStatus;
import dev.trellis.inventory.domain.Stock;
import dev.trellis.inventory.domain.UnknownSkuException;
import dev.trellis.inventory.persistence.ReservationRepository;
import dev.trellis.inventory.persistence.StockRepository;
import dev.trellis.test.security.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.json.JsonContent;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for the inventory's part of the order saga: events of
 * {@code order-events} sent to the embedded broker as order-service sends them, applied
 * to the embedded PostgreSQL, and their outcome published to {@code inventory-events} by
 * the outbox relay. Each test works on orders and SKUs of its own.
 * <p>
 * Records of one order share a partition and are consumed in order, so once a marker
 * event sent last for an order is recorded as processed, every earlier event of the order
 * has been handled.
 *
 * @author Trellis
 */
@InventoryServiceTest
class OrderEventsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String ORDER_SERVICE = TestTokens.forClient("order-service", "catalog.read",
			"inventory.reserve");

	private static final String STOCK_KEEPER = TestTokens.withScopes("inventory.write");

	@Autowired
	private TrellisKafkaProducer producer;

	@Value("${spring.embedded.kafka.brokers}")
	private String brokers;

	@Autowired
	private StockRepository stock;

	@Autowired
	private ReservationRepository reservations;

	@Autowired
	private ProcessedEvents processedEvents;

	@Autowired
	private DeadLettersEndpoint deadLetters;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private BindingServiceProperties bindings;

	@LocalServerPort
	private int port;

	private SagaEvents events;

	private RestTestClient client;

	@BeforeEach
	void connect() {
		this.events = new SagaEvents(this.producer.template(), this.brokers);
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void orderPlacedReservesTheStockAndPublishesStockReserved() {
		this.stock.setAvailable("MSG-PLC-001", 10);
		UUID orderId = UUID.randomUUID();
		this.events.placed(orderId, "MSG-PLC-001", 3);
		ConsumerRecord<String, String> event = onlyOutcome(orderId);
		assertThat(SagaEvents.header(event, "ce_type")).isEqualTo("dev.trellis.inventory.stock-reserved.v1");
		assertThat(SagaEvents.header(event, "ce_subject")).isEqualTo(orderId.toString());
		assertThat(SagaEvents.header(event, "ce_source")).isEqualTo("/inventory-service");
		assertThat(json(event.value())).isStrictlyEqualTo("""
				{"orderId": "%s"}
				""".formatted(orderId));
		assertThat(stockOf("MSG-PLC-001")).isEqualTo(new Stock("MSG-PLC-001", 7, 3));
		assertThat(this.reservations.findByOrderId(orderId)).hasValue(
				new Reservation(orderId, ReservationStatus.RESERVED, List.of(new ReservationLine("MSG-PLC-001", 3))));
	}

	@Test
	void orderPlacedWithTooLittleStockPublishesStockRejectedNamingTheShortSkusAndTakesNothing() {
		this.stock.setAvailable("MSG-SHT-001", 1);
		this.stock.setAvailable("MSG-SHT-002", 5);
		UUID orderId = UUID.randomUUID();
		this.events.placed(orderId, "MSG-SHT-001", 2, "MSG-SHT-002", 5);
		ConsumerRecord<String, String> event = onlyOutcome(orderId);
		assertThat(SagaEvents.header(event, "ce_type")).isEqualTo("dev.trellis.inventory.stock-rejected.v1");
		assertThat(json(event.value())).isStrictlyEqualTo("""
				{"orderId": "%s", "reason": "Not enough stock of MSG-SHT-001", "skus": ["MSG-SHT-001"]}
				""".formatted(orderId));
		assertThat(stockOf("MSG-SHT-001")).isEqualTo(new Stock("MSG-SHT-001", 1, 0));
		assertThat(stockOf("MSG-SHT-002")).isEqualTo(new Stock("MSG-SHT-002", 5, 0));
		assertThat(this.reservations.findByOrderId(orderId)).isEmpty();
	}

	@Test
	void sameEventDeliveredTwiceReservesOnceAndAppendsOneOutcome() {
		this.stock.setAvailable("MSG-TWC-001", 10);
		UUID orderId = UUID.randomUUID();
		String eventId = UUID.randomUUID().toString();
		String data = """
				{"orderId": "%s", "customer": "alice", "lines": [{"sku": "MSG-TWC-001", "quantity": 2}]}
				""".formatted(orderId);
		this.events.send(eventId, OrderPlaced.TYPE, orderId, data);
		this.events.send(eventId, OrderPlaced.TYPE, orderId, data);
		awaitProcessed(this.events.marker(orderId));
		assertThat(stockOf("MSG-TWC-001")).isEqualTo(new Stock("MSG-TWC-001", 8, 2));
		assertThat(outcomes(orderId)).containsExactly(StockReserved.TYPE);
	}

	@Test
	void orderPlacedForAnOrderReservedOverRestPublishesStockReservedAndTakesNothingMore() {
		this.stock.setAvailable("MSG-RST-001", 10);
		UUID orderId = UUID.randomUUID();
		this.reservations.reserve(orderId, List.of(new ReservationLine("MSG-RST-001", 2)));
		this.events.placed(orderId, "MSG-RST-001", 2);
		assertThat(SagaEvents.header(onlyOutcome(orderId), "ce_type")).isEqualTo(StockReserved.TYPE);
		assertThat(stockOf("MSG-RST-001")).isEqualTo(new Stock("MSG-RST-001", 8, 2));
	}

	@Test
	void orderCancelledReturnsTheStockOnce() {
		this.stock.setAvailable("MSG-CNL-001", 10);
		UUID orderId = UUID.randomUUID();
		this.events.placed(orderId, "MSG-CNL-001", 4);
		this.events.cancelled(orderId);
		this.events.cancelled(orderId);
		awaitProcessed(this.events.marker(orderId));
		assertThat(stockOf("MSG-CNL-001")).isEqualTo(new Stock("MSG-CNL-001", 10, 0));
		assertThat(this.reservations.findByOrderId(orderId)).hasValueSatisfying(
				(reservation) -> assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED));
	}

	@Test
	void orderCancelledBeforeItsReservationRefusesALaterReservationOfIt() {
		this.stock.setAvailable("MSG-TMB-001", 10);
		UUID orderId = UUID.randomUUID();
		awaitProcessed(this.events.cancelled(orderId));
		RestTestClientResponse response = RestTestClientResponse.from(this.client.post()
			.uri("/reservations")
			.header("Authorization", "Bearer " + ORDER_SERVICE)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"orderId": "%s", "lines": [{"sku": "MSG-TMB-001", "quantity": 1}]}
					""".formatted(orderId))
			.exchange());
		assertThat(response).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"type": "https://trellis.dev/problems/reservation-conflict",
				 "detail": "Order %s was cancelled before it was reserved."}
				""".formatted(orderId));
		assertThat(stockOf("MSG-TMB-001")).isEqualTo(new Stock("MSG-TMB-001", 10, 0));
	}

	@Test
	void orderPlacedAfterItsCancellationTakesNothingAndPublishesNothing() {
		this.stock.setAvailable("MSG-LTE-001", 10);
		UUID orderId = UUID.randomUUID();
		this.events.cancelled(orderId);
		this.events.placed(orderId, "MSG-LTE-001", 1);
		awaitProcessed(this.events.marker(orderId));
		assertThat(stockOf("MSG-LTE-001")).isEqualTo(new Stock("MSG-LTE-001", 10, 0));
		assertThat(outcomes(orderId)).isEmpty();
	}

	@Test
	void unreadableDataIsDeadLetteredWithItsReasonAndTheNextRecordOfThePartitionIsApplied() {
		this.stock.setAvailable("MSG-BAD-001", 10);
		UUID orderId = UUID.randomUUID();
		String poisonId = this.events.send(OrderPlaced.TYPE, orderId, "{\"orderId\": ");
		this.events.placed(orderId, "MSG-BAD-001", 1);
		await().atMost(WAIT).until(() -> stockOf("MSG-BAD-001").reserved() == 1);
		List<ConsumerRecord<String, String>> letters = this.events.read("order-events.dlq", orderId.toString(), 1);
		assertThat(letters).hasSize(1);
		assertThat(SagaEvents.header(letters.get(0), "ce_id")).isEqualTo(poisonId);
		assertThat(SagaEvents.header(letters.get(0), "x-exception-message"))
			.contains("Unreadable data of dev.trellis.order.placed.v1 event " + poisonId);
		assertThat(this.processedEvents.contains(OrderEventsConfiguration.CONSUMER, poisonId)).isFalse();
	}

	@Test
	void unknownSkuIsDeadLetteredAndItsReplayAfterTheSkuIsStockedReservesOnce() {
		UUID orderId = UUID.randomUUID();
		String eventId = this.events.placed(orderId, "MSG-UNK-001", 2);
		DeadLetter letter = await().atMost(WAIT).until(() -> deadLetter(eventId), (found) -> found != null);
		assertThat(letter.reason()).contains("Unknown SKU MSG-UNK-001");
		assertThat(this.reservations.findByOrderId(orderId)).isEmpty();
		assertThat(put("/stock/MSG-UNK-001", "{\"available\": 5}", STOCK_KEEPER)).hasStatusOk();
		String replay = "/actuator/deadletters/order-events/" + letter.partition() + "/" + letter.offset();
		assertThat(ops(this.client.post().uri(replay))).hasStatusOk();
		assertThat(ops(this.client.post().uri(replay))).hasStatusOk();
		awaitProcessed(this.events.marker(orderId));
		assertThat(stockOf("MSG-UNK-001")).isEqualTo(new Stock("MSG-UNK-001", 3, 2));
		assertThat(outcomes(orderId)).containsExactly(StockReserved.TYPE);
	}

	@Test
	void eventsThatNoRetryCanFixAreNotRetried() {
		ConsumerProperties consumer = this.bindings.getConsumerProperties("orderEvents-in-0");
		assertThat(consumer.getRetryableExceptions())
			.containsAllEntriesOf(Map.of(InvalidEventException.class, false, UnknownSkuException.class, false,
					ReservationConflictException.class, false, IllegalArgumentException.class, false));
		assertThat(consumer.getMaxAttempts()).isGreaterThan(1);
	}

	private ConsumerRecord<String, String> onlyOutcome(UUID orderId) {
		List<ConsumerRecord<String, String>> published = this.events.read("inventory-events", orderId.toString(), 1);
		assertThat(published).hasSize(1);
		return published.get(0);
	}

	/**
	 * Types of the events appended for an order, in order: whether or not the relay has
	 * published them yet.
	 */
	private List<String> outcomes(UUID orderId) {
		return this.jdbc.sql(
				"SELECT event_type FROM outbox_events WHERE topic = 'inventory-events' AND event_key = :key ORDER BY id")
			.param("key", orderId.toString())
			.query(String.class)
			.list();
	}

	private void awaitProcessed(String eventId) {
		await().atMost(WAIT).until(() -> this.processedEvents.contains(OrderEventsConfiguration.CONSUMER, eventId));
	}

	private @Nullable DeadLetter deadLetter(String eventId) {
		return this.deadLetters.deadLetters("order-events")
			.deadLetters()
			.stream()
			.filter((letter) -> eventId.equals(letter.headers().get("ce_id")))
			.findFirst()
			.orElse(null);
	}

	private Stock stockOf(String sku) {
		return this.stock.findBySku(sku).orElseThrow();
	}

	private RestTestClientResponse put(String uri, String body, String token) {
		return RestTestClientResponse.from(this.client.put()
			.uri(uri)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange());
	}

	private static RestTestClientResponse ops(RestTestClient.RequestHeadersSpec<?> request) {
		String credential = Base64.getEncoder()
			.encodeToString(("ops:" + InventoryServiceTest.OPS_PASSWORD).getBytes(StandardCharsets.UTF_8));
		return RestTestClientResponse.from(request.header("Authorization", "Basic " + credential).exchange());
	}

	private static JsonContent json(String json) {
		return new JsonContent(json);
	}

}
