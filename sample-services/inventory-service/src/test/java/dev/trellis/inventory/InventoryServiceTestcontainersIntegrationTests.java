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

import java.util.UUID;

import dev.trellis.test.security.AutoConfigureTestTokens;
import dev.trellis.test.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the inventory service on PostgreSQL 16 in a container, for
 * developers who have Docker; skipped without it.
 * {@link InventoryServiceIntegrationTests} covers the same application on embedded
 * PostgreSQL, which always runs.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = InventoryServiceIntegrationTests.CONFIG_REPO_IMPORT)
@Testcontainers(disabledWithoutDocker = true)
@AutoConfigureTestTokens
class InventoryServiceTestcontainersIntegrationTests {

	@Container
	@ServiceConnection
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

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

}
