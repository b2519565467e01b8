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
package dev.trellis.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import dev.trellis.autoconfigure.messaging.TrellisKafkaProducer;
import dev.trellis.test.security.AutoConfigureTestTokens;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for the order service on PostgreSQL 16 and Kafka 4.1 in containers,
 * for developers who have Docker; skipped without it.
 * {@link OrderServiceIntegrationTests} and {@link OrderEventsIntegrationTests} cover the
 * same application on embedded PostgreSQL and Kafka, which always run.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { OrderServiceIntegrationTests.CONFIG_REPO_IMPORT, "ORDER_SERVICE_CLIENT_SECRET=test-secret",
				"trellis.resilience.downstreams.catalog-service.timeout=5s" })
@Testcontainers(disabledWithoutDocker = true)
@AutoConfigureTestTokens
class OrderServiceTestcontainersIntegrationTests {

	@Container
	@ServiceConnection
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

	@Container
	@ServiceConnection
	static KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");

	private static final DownstreamStub downstreams = DownstreamStub.start();

	@LocalServerPort
	private int port;

	@Autowired
	private TrellisKafkaProducer producer;

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		downstreams.registerAsDownstreams(registry);
	}

	@AfterAll
	static void stopDownstreams() {
		downstreams.close();
	}

	@Test
	void pendingOrderIsConfirmedByTheInventorysAnswer() {
		downstreams.inventory(DownstreamStub.Behaviour.FAIL);
		OrdersClient orders = new OrdersClient(this.port);
		RestTestClientResponse placed = orders.place(UUID.randomUUID().toString(), """
				{"lines": [{"sku": "TRL-MUG-001", "quantity": 1}]}
				""", "alice");
		assertThat(placed).hasStatus(201).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
		String id = OrdersClient.id(placed);
		ProducerRecord<String, byte[]> answer = new ProducerRecord<>("inventory-events", id,
				("{\"orderId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
		header(answer, "ce_specversion", "1.0");
		header(answer, "ce_id", UUID.randomUUID().toString());
		header(answer, "ce_type", "dev.trellis.inventory.stock-reserved.v1");
		header(answer, "ce_source", "/inventory-service");
		header(answer, "content-type", "application/json");
		this.producer.template().send(answer).join();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(orders.get("/orders/" + id, "alice")).bodyJson()
				.extractingPath("$.status")
				.isEqualTo("CONFIRMED"));
	}

	private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
