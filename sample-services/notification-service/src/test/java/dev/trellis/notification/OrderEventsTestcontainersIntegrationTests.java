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
import java.util.UUID;

import dev.trellis.autoconfigure.messaging.TrellisKafkaProducer;
import dev.trellis.test.security.AutoConfigureTestTokens;
import dev.trellis.test.security.TestTokens;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for the consumer of {@code order-events} on PostgreSQL 16 and Kafka
 * 4.1 in containers, for developers who have Docker; skipped without it.
 * {@link OrderEventsIntegrationTests} covers the same application on embedded PostgreSQL
 * and Kafka, which always run.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = NotificationServiceTest.CONFIG_REPO_IMPORT)
@Testcontainers(disabledWithoutDocker = true)
@AutoConfigureTestTokens
class OrderEventsTestcontainersIntegrationTests {

	@Container
	@ServiceConnection
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

	@Container
	@ServiceConnection
	static KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");

	@LocalServerPort
	private int port;

	@Autowired
	private TrellisKafkaProducer producer;

	private RestTestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void confirmedOrderNotifiesItsCustomer() {
		UUID orderId = UUID.randomUUID();
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("order-events", orderId.toString(), """
				{"orderId": "%s", "customer": "alice", "total": 25.80, "currency": "EUR"}
				""".formatted(orderId).getBytes(StandardCharsets.UTF_8));
		header(record, "ce_specversion", "1.0");
		header(record, "ce_id", UUID.randomUUID().toString());
		header(record, "ce_type", "dev.trellis.order.confirmed.v1");
		header(record, "ce_source", "/order-service");
		header(record, "ce_subject", orderId.toString());
		header(record, "content-type", "application/json");
		this.producer.template().send(record).join();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(notifications(orderId)).bodyJson()
				.isLenientlyEqualTo(
						"""
								[{"orderId": "%1$s", "type": "ORDER_CONFIRMED", "message": "Your order %1$s is confirmed: 25.80 EUR."}]
								"""
							.formatted(orderId)));
	}

	private RestTestClientResponse notifications(UUID orderId) {
		return RestTestClientResponse.from(this.client.get()
			.uri("/notifications?orderId=" + orderId)
			.header("Authorization", "Bearer " + TestTokens.forClient("alice", "notifications.read"))
			.exchange());
	}

	private static void header(ProducerRecord<?, ?> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

}
