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

package dev.trellis.gateway;

import dev.trellis.gateway.GatewayRoutingIntegrationTests.Upstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GatewayApplication}.
 * <p>
 * The routes and scope rules of config-repo/gateway.yml for the commerce services
 * (inventory, orders, notifications), each served by a small HTTP server in the test.
 * Inventory paths lose {@code /api/inventory}; orders and notifications lose {@code /api}
 * only, as the resource is named like the service: order-service's {@code POST /orders}
 * is {@code POST /api/orders} at the gateway.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.import=file:../config-repo/application.yml,file:../config-repo/gateway.yml")
@AutoConfigureWebTestClient(timeout = "30s") // a loaded machine is slow, not wrong
class GatewayCommerceRoutesIntegrationTests {

	private static final Upstream inventory = Upstream.start("inventory");

	private static final Upstream orders = Upstream.start("orders");

	private static final Upstream notifications = Upstream.start("notifications");

	private static final TestTokens tokens = TestTokens.start();

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void platform(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.inventory-service[0].uri", inventory::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri", orders::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.notification-service[0].uri", notifications::uri);
		registry.add("spring.data.redis.port", TestRedis::port);
		tokens.register(registry);
	}

	@AfterAll
	static void stopServers() {
		inventory.stop();
		orders.stop();
		notifications.stop();
		tokens.stop();
	}

	@BeforeEach
	void resetUpstreams() {
		inventory.reset();
		orders.reset();
		notifications.reset();
	}

	@Test
	void inventoryPathsReachTheInventoryServiceWithoutThePrefix() {
		EntityExchangeResult<String> result = exchange(HttpMethod.GET, "/api/inventory/stock/TRL-MUG-001",
				"inventory.read");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseBody()).isEqualTo(inventory.body());
		assertThat(inventory.paths()).containsExactly("/stock/TRL-MUG-001");
	}

	@Test
	void orderPathsReachTheOrderServiceWithoutApi() {
		EntityExchangeResult<String> result = exchange(HttpMethod.POST, "/api/orders", "orders.write");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseBody()).isEqualTo(orders.body());
		assertThat(orders.paths()).containsExactly("/orders");
	}

	@Test
	void notificationPathsReachTheNotificationServiceWithoutApi() {
		EntityExchangeResult<String> result = exchange(HttpMethod.GET, "/api/notifications", "notifications.read");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseBody()).isEqualTo(notifications.body());
		assertThat(notifications.paths()).containsExactly("/notifications");
	}

	@ParameterizedTest(name = "{0} {1} with {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			GET    | /api/inventory/stock/TRL-MUG-001 | inventory.read     | 200
			GET    | /api/inventory/stock/TRL-MUG-001 | inventory.reserve  | 403
			PUT    | /api/inventory/stock/TRL-MUG-001 | inventory.write    | 200
			PUT    | /api/inventory/stock/TRL-MUG-001 | inventory.reserve  | 403
			PUT    | /api/inventory/stock/TRL-MUG-001 | inventory.read     | 403
			POST   | /api/inventory/reservations      | inventory.reserve  | 200
			POST   | /api/inventory/reservations      | inventory.write    | 403
			DELETE | /api/inventory/reservations/o-1  | inventory.reserve  | 200
			DELETE | /api/inventory/reservations/o-1  | inventory.read     | 403
			GET    | /api/inventory/reservations/o-1  | inventory.reserve  | 200
			GET    | /api/inventory/reservations/o-1  | inventory.read     | 200
			GET    | /api/inventory/reservations/o-1  | inventory.write    | 403
			GET    | /api/orders/o-1                  | orders.read        | 200
			GET    | /api/orders                      | orders.write       | 403
			POST   | /api/orders                      | orders.write       | 200
			POST   | /api/orders                      | orders.read        | 403
			POST   | /api/orders/quote                | orders.read        | 200
			POST   | /api/orders/quote                | orders.write       | 200
			POST   | /api/orders/quote                | catalog.read       | 403
			GET    | /api/notifications               | notifications.read | 200
			GET    | /api/notifications               | orders.read        | 403
			POST   | /api/notifications               | notifications.read | 403
			""")
	void scopeRulesDecideWhichTokenPasses(HttpMethod method, String path, String scope, int status) {
		EntityExchangeResult<String> result = exchange(method, path, scope);
		assertThat(result.getStatus().value()).isEqualTo(status);
		if (status != 200) {
			assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void placingAnOrderIsNotRetried() {
		// POST /orders is not idempotent at the gateway: a 503 goes back to the client,
		// which retries with the same Idempotency-Key.
		orders.answerServiceUnavailable(1);
		EntityExchangeResult<String> result = exchange(HttpMethod.POST, "/api/orders", "orders.write");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(orders.requests()).isEqualTo(1);
	}

	@Test
	void readingAnOrderIsRetried() {
		orders.answerServiceUnavailable(1);
		EntityExchangeResult<String> result = exchange(HttpMethod.GET, "/api/orders/o-1", "orders.read");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(orders.requests()).isEqualTo(2);
	}

	private EntityExchangeResult<String> exchange(HttpMethod method, String path, String scope) {
		WebTestClient.RequestBodySpec request = this.client.method(method)
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(tokens.token(scope)));
		if (method == HttpMethod.POST || method == HttpMethod.PUT) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
		}
		return request.exchange().expectBody(String.class).returnResult();
	}

}
