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
package dev.trellis.inventory;

import java.util.List;
import java.util.UUID;

import dev.trellis.autoconfigure.messaging.TrellisKafkaProducer;
import dev.trellis.inventory.domain.Stock;
import dev.trellis.inventory.persistence.StockRepository;

import dev.trellis.test.security.AutoConfigureTestTokens;
import dev.trellis.test.security.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the inventory service on PostgreSQL 16 and Kafka 4.1 in
 * containers, for developers who have Docker; skipped without it.
 * {@link InventoryServiceIntegrationTests} and
 * {@link dev.trellis.inventory.messaging.OrderEventsIntegrationTests} cover the same
 * application on embedded PostgreSQL and Kafka, which always run.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = InventoryServiceTest.CONFIG_REPO_IMPORT)
@Testcontainers(disabledWithoutDocker = true)
@AutoConfigureTestTokens
class InventoryServiceTestcontainersIntegrationTests {

	@Container
	@ServiceConnection
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

	@Container
	static KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");

	@Autowired
	private TrellisKafkaProducer producer;

	@Autowired
	private StockRepository stock;

	@DynamicPropertySource
	static void kafkaProperties(DynamicPropertyRegistry registry) {
		// A property rather than @ServiceConnection: the binder's consumers and the
		// outbox
		// relay both read spring.kafka.bootstrap-servers.
		registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
	}

	@LocalServerPort
	private int port;

	private RestTestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void getReturnsDemoStock() {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.get()
			.uri("/stock/TRL-MUG-001")
			.header("Authorization", "Bearer " + TestTokens.withScopes("inventory.read"))
			.exchange());
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().extractingPath("$.available").isEqualTo(100);
	}

	@Test
	void reserveCreatesReservation() {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.post()
			.uri("/reservations")
			.header("Authorization", "Bearer " + TestTokens.withScopes("inventory.reserve"))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"orderId\": \"" + UUID.randomUUID()
					+ "\", \"lines\": [{\"sku\": \"TRL-CAP-001\", \"quantity\": 1}]}")
			.exchange());
		assertThat(response).hasStatus(201);
		assertThat(response).bodyJson().extractingPath("$.status").isEqualTo("RESERVED");
	}

	@Test
	void orderPlacedReservesTheStockAndPublishesStockReserved() {
		this.stock.setAvailable("TCT-PLC-001", 10);
		UUID orderId = UUID.randomUUID();
		SagaEvents events = new SagaEvents(this.producer.template(), kafka.getBootstrapServers());
		events.placed(orderId, "TCT-PLC-001", 3);
		List<ConsumerRecord<String, String>> published = events.read("inventory-events", orderId.toString(), 1);
		assertThat(published).singleElement().satisfies((event) -> {
			assertThat(SagaEvents.header(event, "ce_type")).isEqualTo("dev.trellis.inventory.stock-reserved.v1");
			assertThat(event.value()).isEqualTo("{\"orderId\":\"" + orderId + "\"}");
		});
		assertThat(this.stock.findBySku("TCT-PLC-001")).hasValue(new Stock("TCT-PLC-001", 7, 3));
	}

}
