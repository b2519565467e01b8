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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GatewayApplication}.
 * <p>
 * {@code trellis.gateway.security.unchecked-paths}, which the JWT cost benchmark uses:
 * the gateway forwards those requests, token and all, without checking the token.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.import=file:../config-repo/application.yml,file:../config-repo/gateway.yml",
				"trellis.gateway.security.unchecked-paths=/api/catalog/products/**" })
@AutoConfigureWebTestClient(timeout = "30s") // a loaded machine is slow, not wrong
class GatewayUncheckedPathsIntegrationTests {

	private static final Upstream catalog = Upstream.start("catalog");

	private static final TestTokens tokens = TestTokens.start();

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void platform(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[0].uri", catalog::uri);
		registry.add("spring.data.redis.port", TestRedis::port);
		tokens.register(registry);
	}

	@AfterAll
	static void stopServers() {
		catalog.stop();
		tokens.stop();
	}

	@Test
	void tokenOnAnUncheckedPathReachesTheServiceUnchecked() {
		String token = TestTokens.sign(TestTokens.newKey(), TestTokens.claims((claims) -> {
		}));
		EntityExchangeResult<String> result = get("/api/catalog/products/TRL-MUG-001", token);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(catalog.lastHeaders().get("Authorization")).containsExactly("Bearer " + token);
	}

	@Test
	void otherPathsAreStillChecked() {
		String token = TestTokens.sign(TestTokens.newKey(), TestTokens.claims((claims) -> {
		}));
		assertThat(get("/api/catalog/categories", token).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private EntityExchangeResult<String> get(String path, String token) {
		return this.client.get()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

}
