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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.trellis.autoconfigure.messaging.Outbox;
import dev.trellis.autoconfigure.messaging.OutboxRelay;
import dev.trellis.test.postgres.AutoConfigureEmbeddedPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for the outbox and its relay, on embedded PostgreSQL and Kafka.
 *
 * @author Trellis
 */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureEmbeddedPostgres
@EmbeddedKafka(partitions = 3, topics = { "outbox-test", "order-events" })
class OutboxIntegrationTests {

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxRelay relay;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private MeterRegistry meterRegistry;

	@BeforeEach
	void publishEarlierEvents() {
		this.relay.relay();
	}

	@Test
	void appendCommitsWithTheStateChange() {
		UUID id = this.transaction.execute((status) -> {
			this.jdbc.update("INSERT INTO orders (id, status) VALUES ('o-commit', 'PENDING')");
			return this.outbox.append("outbox-test", "o-commit", "dev.trellis.order.placed.v1", "o-commit",
					Map.of("orderId", "o-commit"));
		});
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM orders WHERE id = 'o-commit'", Integer.class))
			.isOne();
		assertThat(unsent(id)).isOne();
	}

	@Test
	void appendRollsBackWithTheStateChange() {
		List<UUID> appended = new ArrayList<>();
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.update("INSERT INTO orders (id, status) VALUES ('o-rollback', 'PENDING')");
			appended.add(this.outbox.append("outbox-test", "o-rollback", "dev.trellis.order.placed.v1", "o-rollback",
					Map.of("orderId", "o-rollback")));
			status.setRollbackOnly();
		});
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM orders WHERE id = 'o-rollback'", Integer.class))
			.isZero();
		assertThat(unsent(appended.get(0))).isZero();
	}

	@Test
	void appendOutsideATransactionFails() {
		assertThatExceptionOfType(IllegalTransactionStateException.class).isThrownBy(() -> this.outbox
			.append("outbox-test", "o-none", "dev.trellis.order.placed.v1", "o-none", Map.of("orderId", "o-none")));
	}

	@Test
	void relayPublishesEachKeysEventsInOrderWithCloudEventsHeaders() {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			for (String key : List.of("k-a", "k-b", "k-c")) {
				int sequence = i;
				ids.add(this.transaction.execute((status) -> this.outbox.append("outbox-test", key,
						"dev.trellis.test.step.v1", key, new Step(key, sequence))));
			}
		}
		assertThat(this.relay.relay()).isEqualTo(15);
		List<ConsumerRecord<String, String>> records = TopicRecords.read(this.broker, "outbox-test", 15);
		for (String key : List.of("k-a", "k-b", "k-c")) {
			assertThat(records.stream().filter((record) -> key.equals(record.key())).map(ConsumerRecord::value))
				.containsExactly(step(key, 0), step(key, 1), step(key, 2), step(key, 3), step(key, 4));
		}
		ConsumerRecord<String, String> first = records.stream()
			.filter((record) -> record.value().equals(step("k-a", 0)))
			.findFirst()
			.orElseThrow();
		assertThat(header(first, "ce_id")).isEqualTo(ids.get(0).toString());
		assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(first, "ce_type")).isEqualTo("dev.trellis.test.step.v1");
		assertThat(header(first, "ce_source")).isEqualTo("/test-service");
		assertThat(header(first, "ce_subject")).isEqualTo("k-a");
		assertThat(header(first, "ce_time")).isNotBlank();
		assertThat(header(first, "content-type")).isEqualTo("application/json");
		assertThat(ids).allSatisfy((id) -> assertThat(unsent(id)).isZero());
	}

	@Test
	void backlogGaugesCountUnsentEventsAndTheirAge() throws InterruptedException {
		MeterRegistry registry = this.meterRegistry;
		assertThat(registry.get("trellis.outbox.backlog").gauge().value()).isZero();
		assertThat(registry.get("trellis.outbox.oldest.age").gauge().value()).isZero();
		for (int i = 0; i < 3; i++) {
			this.transaction.executeWithoutResult((status) -> this.outbox.append("outbox-test", "k-gauge",
					"dev.trellis.test.step.v1", "k-gauge", Map.of("key", "k-gauge")));
		}
		Thread.sleep(1100);
		assertThat(registry.get("trellis.outbox.backlog").gauge().value()).isEqualTo(3);
		assertThat(registry.get("trellis.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(1);
		this.relay.relay();
		assertThat(registry.get("trellis.outbox.backlog").gauge().value()).isZero();
	}

	record Step(String key, int step) {

	}

	private static String step(String key, int step) {
		return "{\"key\":\"" + key + "\",\"step\":" + step + "}";
	}

	private Integer unsent(UUID id) {
		return this.jdbc.queryForObject("SELECT count(*) FROM outbox_events WHERE event_id = ? AND sent_at IS NULL",
				Integer.class, id);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
