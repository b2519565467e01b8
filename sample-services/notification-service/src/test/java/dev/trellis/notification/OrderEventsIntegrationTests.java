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
package dev.trellis.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.trellis.autoconfigure.messaging.TrellisKafkaProducer;
import dev.trellis.test.security.TestTokens;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for the consumer of {@code order-events}: events sent to the embedded
 * broker as order-service's outbox relay publishes them (CloudEvents in binary mode), and
 * their notifications read through the API by the order's customer.
 *
 * @author Trellis
 */
@NotificationServiceTest
class OrderEventsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String CONFIRMED = "dev.trellis.order.confirmed.v1";

	private static final String REJECTED = "dev.trellis.order.rejected.v1";

	private static final String CANCELLED = "dev.trellis.order.cancelled.v1";

	private static final String PLACED = "dev.trellis.order.placed.v1";

	private static final String CUSTOMER = "customer-" + UUID.randomUUID();

	@LocalServerPort
	private int port;

	@Autowired
	private TrellisKafkaProducer producer;

	@Autowired
	private EmbeddedKafkaBroker broker;

	private RestTestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void confirmedOrderNotifiesItsCustomerWithTheTotalAtTheEventTime() {
		UUID orderId = UUID.randomUUID();
		send(orderId, CONFIRMED, UUID.randomUUID().toString(), "2026-11-30T19:43:07.123Z", """
				{"orderId": "%s", "customer": "%s", "total": 25.80, "currency": "EUR"}
				""".formatted(orderId, CUSTOMER));
		awaitNotifications(orderId, 1);
		assertThat(notifications(orderId)).bodyJson().isLenientlyEqualTo("""
				[{"orderId": "%1$s", "type": "ORDER_CONFIRMED",
				  "message": "Your order %1$s is confirmed: 25.80 EUR.", "createdAt": "2026-11-30T19:43:07.123Z"}]
				""".formatted(orderId));
	}

	@Test
	void rejectedOrderNotifiesItsCustomerWithTheReason() {
		UUID orderId = UUID.randomUUID();
		send(orderId, REJECTED, UUID.randomUUID().toString(), """
				{"orderId": "%s", "customer": "%s", "reason": "Insufficient stock of TRL-MUG-001."}
				""".formatted(orderId, CUSTOMER));
		awaitNotifications(orderId, 1);
		assertThat(notifications(orderId)).bodyJson().isLenientlyEqualTo("""
				[{"orderId": "%1$s", "type": "ORDER_REJECTED",
				  "message": "Your order %1$s was rejected: Insufficient stock of TRL-MUG-001."}]
				""".formatted(orderId));
	}

	@Test
	void cancelledOrderNotifiesItsCustomer() {
		UUID orderId = UUID.randomUUID();
		send(orderId, CANCELLED, UUID.randomUUID().toString(), """
				{"orderId": "%s", "customer": "%s"}
				""".formatted(orderId, CUSTOMER));
		awaitNotifications(orderId, 1);
		assertThat(notifications(orderId)).bodyJson().isLenientlyEqualTo("""
				[{"orderId": "%1$s", "type": "ORDER_CANCELLED", "message": "Your order %1$s was cancelled."}]
				""".formatted(orderId));
	}

	@Test
	void redeliveredEventNotifiesOnce() {
		UUID orderId = UUID.randomUUID();
		String eventId = UUID.randomUUID().toString();
		String data = """
				{"orderId": "%s", "customer": "%s"}
				""".formatted(orderId, CUSTOMER);
		send(orderId, CANCELLED, eventId, data);
		send(orderId, CANCELLED, eventId, data);
		UUID marker = sendMarker();
		awaitNotifications(marker, 1);
		assertThat(notifications(orderId)).bodyJson().extractingPath("$.length()").isEqualTo(1);
	}

	@Test
	void placedOrderIsIgnored() {
		UUID orderId = UUID.randomUUID();
		send(orderId, PLACED, UUID.randomUUID().toString(), """
				{"orderId": "%s", "customer": "%s", "lines": [{"sku": "TRL-MUG-001", "quantity": 2}]}
				""".formatted(orderId, CUSTOMER));
		UUID marker = sendMarker();
		awaitNotifications(marker, 1);
		assertThat(notifications(orderId)).bodyJson().isStrictlyEqualTo("[]");
	}

	@Test
	void unreadableEventIsDeadLetteredWithItsReasonAndTheNextEventIsProcessed() {
		UUID orderId = UUID.randomUUID();
		String eventId = UUID.randomUUID().toString();
		send(orderId, CONFIRMED, eventId, "{\"orderId\": \"" + orderId + "\", \"total\": ");
		UUID marker = sendMarker();
		awaitNotifications(marker, 1);
		ConsumerRecord<String, String> deadLetter = deadLetter(eventId);
		assertThat(deadLetter).isNotNull();
		assertThat(deadLetter.key()).isEqualTo(orderId.toString());
		assertThat(header(deadLetter, "x-original-topic")).isEqualTo("order-events");
		assertThat(header(deadLetter, "x-exception-message"))
			.contains("Event " + eventId + " of type " + CONFIRMED + " is not a readable OrderConfirmed");
		assertThat(notifications(orderId)).bodyJson().isStrictlyEqualTo("[]");
	}

	@Test
	void eventWithoutCustomerIsDeadLetteredWithItsReason() {
		UUID orderId = UUID.randomUUID();
		String eventId = UUID.randomUUID().toString();
		send(orderId, CANCELLED, eventId, "{\"orderId\": \"" + orderId + "\"}");
		ConsumerRecord<String, String> deadLetter = deadLetter(eventId);
		assertThat(deadLetter).isNotNull();
		assertThat(header(deadLetter, "x-exception-message"))
			.contains("Event " + eventId + " of type " + CANCELLED + " has no customer");
	}

	/**
	 * Send an event that notifies: once it is listed, every event sent before it was
	 * handled (one partition).
	 */
	private UUID sendMarker() {
		UUID orderId = UUID.randomUUID();
		send(orderId, CANCELLED, UUID.randomUUID().toString(), """
				{"orderId": "%s", "customer": "%s"}
				""".formatted(orderId, CUSTOMER));
		return orderId;
	}

	private void send(UUID orderId, String type, String eventId, String data) {
		send(orderId, type, eventId, null, data);
	}

	private void send(UUID orderId, String type, String eventId, String time, String data) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("order-events", orderId.toString(),
				data.getBytes(StandardCharsets.UTF_8));
		header(record, "ce_specversion", "1.0");
		header(record, "ce_id", eventId);
		header(record, "ce_type", type);
		header(record, "ce_source", "/order-service");
		header(record, "ce_subject", orderId.toString());
		if (time != null) {
			header(record, "ce_time", time);
		}
		header(record, "content-type", "application/json");
		this.producer.template().send(record).join();
	}

	private static void header(ProducerRecord<?, ?> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

	private void awaitNotifications(UUID orderId, int count) {
		await().atMost(WAIT)
			.untilAsserted(
					() -> assertThat(notifications(orderId)).bodyJson().extractingPath("$.length()").isEqualTo(count));
	}

	private RestTestClientResponse notifications(UUID orderId) {
		return RestTestClientResponse.from(this.client.get()
			.uri("/notifications?orderId=" + orderId)
			.header("Authorization", "Bearer " + TestTokens.forClient(CUSTOMER, "notifications.read"))
			.exchange());
	}

	/**
	 * Reads {@code order-events.dlq} from the beginning, in a group of its own, until the
	 * dead letter of the event arrives or {@link #WAIT} passes.
	 */
	private ConsumerRecord<String, String> deadLetter(String eventId) {
		Map<String, Object> config = KafkaTestUtils.consumerProps(this.broker, "reader-" + UUID.randomUUID(), false);
		config.put("auto.offset.reset", "earliest");
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
				new StringDeserializer())
			.createConsumer()) {
			consumer.subscribe(List.of("order-events.dlq"));
			long deadline = System.nanoTime() + WAIT.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (eventId.equals(header(record, "ce_id"))) {
						return record;
					}
				}
			}
			return null;
		}
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
