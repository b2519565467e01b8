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

import java.time.Duration;
import java.util.Map;

import dev.trellis.autoconfigure.messaging.Outbox;
import dev.trellis.test.postgres.AutoConfigureEmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for the whole path: an event appended in a transaction reaches an
 * idempotent consumer through the scheduled relay, on embedded PostgreSQL and Kafka.
 *
 * @author Trellis
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"trellis.messaging.outbox.relay.interval=100ms" })
@AutoConfigureEmbeddedPostgres
@EmbeddedKafka(partitions = 3, topics = "order-events")
class OutboxToConsumerIntegrationTests {

	@Autowired
	private Outbox outbox;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void appendedEventReachesTheConsumerAndLeavesNoBacklog() {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.update("INSERT INTO orders (id, status) VALUES ('o-flow', 'PENDING')");
			this.outbox.append("order-events", "o-flow", "dev.trellis.order.placed.v1", "o-flow",
					Map.of("orderId", "o-flow"));
		});
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.queryForObject("SELECT count(*) FROM applied_events WHERE order_id = 'o-flow'",
					Integer.class) == 1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM outbox_events WHERE sent_at IS NULL", Integer.class))
			.isZero();
	}

}
