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
package dev.trellis.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import dev.trellis.autoconfigure.messaging.DeadLettersEndpoint;
import dev.trellis.autoconfigure.messaging.DeadLettersEndpoint.DeadLetter;
import dev.trellis.autoconfigure.messaging.TrellisKafkaProducer;
import dev.trellis.test.postgres.AutoConfigureEmbeddedPostgres;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for consumers: idempotence, retries, dead letters and their replay,
 * on embedded PostgreSQL and Kafka.
 *
 * @author Trellis
 */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureEmbeddedPostgres
@EmbeddedKafka(partitions = 1, topics = { "order-events", "order-events.dlq" })
class DeadLetterIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	private TrellisKafkaProducer producer;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DeadLettersEndpoint deadLetters;

	@AfterEach
	void rejectPoisonAgain() {
		MessagingTestApplication.acceptPoison.set(false);
	}

	@Test
	void redeliveredEventIsAppliedOnce() {
		String eventId = UUID.randomUUID().toString();
		send("order-twice", eventId);
		send("order-twice", eventId);
		send("order-after-twice", UUID.randomUUID().toString());
		await().atMost(WAIT).until(() -> applied("order-after-twice") == 1);
		assertThat(applied("order-twice")).isOne();
	}

	@Test
	void poisonMessageLandsInTheDeadLetterTopicWithItsReasonAndLaterMessagesAreProcessed() {
		String poisonId = UUID.randomUUID().toString();
		send("poison", poisonId);
		send("order-after-poison", UUID.randomUUID().toString());
		await().atMost(WAIT).until(() -> applied("order-after-poison") == 1);
		DeadLetter letter = await().atMost(WAIT).until(() -> deadLetter(poisonId), (found) -> found != null);
		assertThat(letter.reason()).contains("Order id 'poison' is not an order");
		assertThat(letter.originalTopic()).isEqualTo("order-events");
		assertThat(letter.key()).isEqualTo("poison");
		assertThat(letter.headers()).containsEntry("ce_type", "dev.trellis.order.placed.v1");
		assertThat(applied("poison")).isZero();
	}

	@Test
	void replayedDeadLetterIsAppliedOnce() {
		String poisonId = UUID.randomUUID().toString();
		send("poison", poisonId);
		DeadLetter letter = await().atMost(WAIT).until(() -> deadLetter(poisonId), (found) -> found != null);
		MessagingTestApplication.acceptPoison.set(true);
		DeadLettersEndpoint.Replayed replayed = this.deadLetters.replay("order-events", letter.partition(),
				letter.offset());
		assertThat(replayed).isNotNull();
		assertThat(replayed.eventId()).isEqualTo(poisonId);
		this.deadLetters.replay("order-events", letter.partition(), letter.offset());
		send("order-after-replay", UUID.randomUUID().toString());
		await().atMost(WAIT).until(() -> applied("order-after-replay") == 1);
		assertThat(applied("poison")).isOne();
	}

	@Test
	void replayOfAMissingDeadLetterFindsNothing() {
		assertThat(this.deadLetters.replay("order-events", 0, 1_000_000)).isNull();
	}

	private DeadLetter deadLetter(String eventId) {
		return this.deadLetters.deadLetters("order-events")
			.deadLetters()
			.stream()
			.filter((letter) -> eventId.equals(letter.headers().get("ce_id")))
			.findFirst()
			.orElse(null);
	}

	private int applied(String orderId) {
		Integer count = this.jdbc.queryForObject("SELECT count(*) FROM applied_events WHERE order_id = ?",
				Integer.class, orderId);
		return (count != null) ? count : 0;
	}

	private void send(String orderId, String eventId) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("order-events", orderId,
				("{\"orderId\":\"" + orderId + "\"}").getBytes(StandardCharsets.UTF_8));
		header(record, "ce_id", eventId);
		header(record, "ce_specversion", "1.0");
		header(record, "ce_type", "dev.trellis.order.placed.v1");
		header(record, "ce_source", "/order-service");
		header(record, "ce_subject", orderId);
		header(record, "content-type", "application/json");
		this.producer.template().send(record).join();
	}

	private static void header(ProducerRecord<?, ?> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

}
