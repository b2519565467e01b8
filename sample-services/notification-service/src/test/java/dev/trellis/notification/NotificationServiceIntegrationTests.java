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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.trellis.notification.domain.Notification;
import dev.trellis.test.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the notification service's API: the whole application over real
 * HTTP, on a real PostgreSQL, configured by its file in {@code config-repo/}, with real
 * signed tokens. {@link OrderEventsIntegrationTests} covers how notifications come in.
 *
 * @author Trellis
 */
@NotificationServiceTest
class NotificationServiceIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcAggregateTemplate jdbc;

	private RestTestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void listsTheNotificationsOfOneOrderOldestFirst() {
		UUID orderId = UUID.randomUUID();
		Instant placed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		save(orderId, "ORDER_CANCELLED", placed.plusSeconds(60));
		save(orderId, "ORDER_CONFIRMED", placed);
		save(UUID.randomUUID(), "ORDER_CONFIRMED", placed);
		RestTestClientResponse response = get("/notifications?orderId=" + orderId, "notifications.read");
		assertThat(response).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				[{"orderId": "%1$s", "type": "ORDER_CONFIRMED"}, {"orderId": "%1$s", "type": "ORDER_CANCELLED"}]
				""".formatted(orderId));
	}

	@Test
	void notificationsSentToAnotherCustomerAreNotListed() {
		UUID orderId = UUID.randomUUID();
		this.jdbc.insert(new Notification(UUID.randomUUID(), orderId, "another-client", "ORDER_CONFIRMED",
				"Order ORDER_CONFIRMED", Instant.now()));
		RestTestClientResponse response = get("/notifications?orderId=" + orderId, "notifications.read");
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().isStrictlyEqualTo("[]");
	}

	@Test
	void orderWithoutNotificationsGivesEmptyList() {
		RestTestClientResponse response = get("/notifications?orderId=" + UUID.randomUUID(), "notifications.read");
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().isStrictlyEqualTo("[]");
	}

	@Test
	void missingOrderIdIsBadRequestProblem() {
		RestTestClientResponse response = get("/notifications", "notifications.read");
		assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.detail").asString().contains("orderId");
	}

	@Test
	void malformedOrderIdIsBadRequestProblem() {
		RestTestClientResponse response = get("/notifications?orderId=42", "notifications.read");
		assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.detail").asString().contains("orderId");
	}

	@Test
	void tokenWithoutNotificationsReadIsForbiddenProblem() {
		RestTestClientResponse response = get("/notifications?orderId=" + UUID.randomUUID(), "orders.read");
		assertThat(response).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void requestWithoutTokenIsUnauthorizedProblem() {
		RestTestClientResponse response = RestTestClientResponse
			.from(this.client.get().uri("/notifications?orderId=" + UUID.randomUUID()).exchange());
		assertThat(response).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void readinessIncludesTheDatabase() {
		RestTestClientResponse response = RestTestClientResponse
			.from(this.client.get().uri("/actuator/health/readiness").exchange());
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": "UP", "components": {"db": {"status": "UP"}}}
				""");
	}

	private void save(UUID orderId, String type, Instant createdAt) {
		// An insert, not a save: the identity is assigned by the caller, not the
		// database.
		this.jdbc.insert(
				new Notification(UUID.randomUUID(), orderId, TestTokens.CLIENT_ID, type, "Order " + type, createdAt));
	}

	private RestTestClientResponse get(String uri, String scope) {
		return RestTestClientResponse.from(this.client.get()
			.uri(uri)
			.header("Authorization", "Bearer " + TestTokens.withScopes(scope))
			.exchange());
	}

}
