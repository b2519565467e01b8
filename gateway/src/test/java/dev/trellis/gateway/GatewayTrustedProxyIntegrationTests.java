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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GatewayApplication}.
 * <p>
 * The gateway behind a trusted proxy: loopback is set as trusted, so the test client is
 * the proxy, and what it says about the client is believed. The other side, a client that
 * is not trusted, is in {@link GatewaySecurityIntegrationTests} and
 * {@link GatewayRateLimitIntegrationTests}.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.import=file:../config-repo/application.yml,file:../config-repo/gateway.yml",
				"spring.cloud.gateway.server.webflux.trusted-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1" })
class GatewayTrustedProxyIntegrationTests {

	private static final String PRODUCTS = "/api/catalog/products";

	private static final GatewayRoutingIntegrationTests.Upstream catalog = GatewayRoutingIntegrationTests.Upstream
		.start("catalog");

	private static final TestTokens tokens = TestTokens.start();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void platform(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[0].uri", catalog::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.auth-server[0].uri", tokens::uri);
		registry.add("spring.data.redis.port", TestRedis::port);
		tokens.register(registry);
	}

	@AfterAll
	static void stopServers() {
		catalog.stop();
		tokens.stop();
	}

	private WebTestClient proxy() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@Test
	void forwardingHeadersOfATrustedProxyReachTheService() {
		EntityExchangeResult<String> result = proxy().get()
			.uri(PRODUCTS)
			.headers((headers) -> headers.setBearerAuth(tokens.token("catalog.read")))
			.header("X-Forwarded-For", "203.0.113.7")
			.header("X-Forwarded-Proto", "https")
			.header("Forwarded", "for=203.0.113.7;proto=https")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(catalog.lastHeaders().get("X-forwarded-for")).containsExactly("203.0.113.7");
		assertThat(catalog.lastHeaders().get("X-forwarded-proto")).containsExactly("https");
		assertThat(catalog.lastHeaders().get("Forwarded")).containsExactly("for=203.0.113.7;proto=https");
	}

	@Test
	void anonymousRequestsOfATrustedProxyAreLimitedByTheClientItNames() {
		for (int i = 0; i < 3; i++) {
			EntityExchangeResult<String> result = proxy().get()
				.uri("/oauth2/jwks")
				.header("X-Forwarded-For", "198.51.100." + i)
				.exchange()
				.expectBody(String.class)
				.returnResult();
			assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
			// A fresh bucket of 40 for each client.
			assertThat(result.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("39");
		}
	}

}
