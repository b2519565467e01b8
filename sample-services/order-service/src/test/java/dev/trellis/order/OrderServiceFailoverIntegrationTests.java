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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import dev.trellis.test.postgres.AutoConfigureEmbeddedPostgres;
import dev.trellis.test.security.AutoConfigureTestTokens;
import dev.trellis.test.security.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the order service when one of two instances of the catalog and of
 * the inventory is gone (nothing listens on its port): the load balancer retries each
 * call on the next instance, within the call's time limit, so every order is priced live
 * and reserved, and neither breaker counts a failure.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { OrderServiceIntegrationTests.CONFIG_REPO_IMPORT, "ORDER_SERVICE_CLIENT_SECRET=test-secret",
				// About failover, not time limits: room for the first call's token fetch
				// and
				// HTTP client start on a busy machine.
				"trellis.resilience.downstreams.catalog-service.timeout=10s",
				"trellis.resilience.downstreams.inventory-service.timeout=10s" })
@AutoConfigureEmbeddedPostgres
@AutoConfigureTestTokens
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OrderServiceFailoverIntegrationTests {

	private static final DownstreamStub downstreams = DownstreamStub.start();

	private static final String GONE = "http://localhost:" + freePort();

	@LocalServerPort
	private int port;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[0].uri", () -> GONE);
		registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[1].uri", downstreams::url);
		registry.add("spring.cloud.discovery.client.simple.instances.inventory-service[0].uri", () -> GONE);
		registry.add("spring.cloud.discovery.client.simple.instances.inventory-service[1].uri", downstreams::url);
		registry.add("spring.security.oauth2.client.provider.trellis.token-uri",
				() -> downstreams.url() + "/oauth2/token");
	}

	@AfterAll
	static void stopDownstreams() {
		downstreams.close();
	}

	@Test
	void ordersAreConfirmedAtLivePricesWhileOneInstanceOfEachDownstreamIsGone() {
		RestTestClient client = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.build();
		for (int i = 0; i < 6; i++) {
			RestTestClientResponse response = RestTestClientResponse.from(client.post()
				.uri("/orders")
				.header("Authorization", "Bearer " + TestTokens.forClient("alice", "orders.write"))
				.header("Idempotency-Key", "key-" + i)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"lines\": [{\"sku\": \"TRL-MUG-001\", \"quantity\": 1}]}")
				.exchange());
			assertThat(response).hasStatus(201);
			assertThat(response).bodyJson().isLenientlyEqualTo("""
					{"status": "CONFIRMED", "lines": [{"priceSource": "LIVE"}]}
					""");
		}
		assertThat(downstreams.reservationRequests()).isEqualTo(6);
		for (String downstream : new String[] { "catalog-service", "inventory-service" }) {
			CircuitBreaker circuitBreaker = this.circuitBreakers.circuitBreaker(downstream);
			assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
