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

import java.io.IOException;
import java.time.Duration;

import dev.trellis.gateway.GatewayRoutingIntegrationTests.Upstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.RedisServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link GatewayApplication}.
 * <p>
 * The rate limiter while its Redis is down, then back: requests pass, and the gateway
 * says so once each way instead of logging an error per request.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.import=file:../config-repo/application.yml,file:../config-repo/gateway.yml")
@AutoConfigureWebTestClient(timeout = "30s") // a loaded machine is slow, not wrong
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayRateLimitWithoutRedisIntegrationTests {

	private static final String PRODUCTS = "/api/catalog/products";

	private static final String UNREACHABLE = "Redis cannot be reached";

	private static final String REACHABLE_AGAIN = "Redis is reachable again";

	private static final Upstream catalog = Upstream.start("catalog");

	private static final TestTokens tokens = TestTokens.start();

	private static final int redisPort = TestRedis.freePort();

	private static RedisServer redis;

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void platform(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[0].uri", catalog::uri);
		registry.add("spring.data.redis.port", () -> redisPort);
		tokens.register(registry);
	}

	@AfterAll
	static void stopServers() throws IOException {
		catalog.stop();
		tokens.stop();
		if (redis != null) {
			redis.stop();
		}
	}

	@Test
	@Order(1)
	void requestsPassWithOneWarningWhileRedisIsDown(CapturedOutput output) {
		String token = tokens.token("catalog.read");
		for (int i = 0; i < 5; i++) {
			EntityExchangeResult<String> result = get(token);
			assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
			// No limit is applied, so none is announced.
			assertThat(result.getResponseHeaders().containsHeader("X-RateLimit-Remaining")).isFalse();
		}
		assertThat(output.getOut().split(UNREACHABLE, -1)).hasSize(2);
		assertThat(output.getOut()).doesNotContain(" ERROR ").doesNotContain("Error calling rate limiter");
	}

	@Test
	@Order(2)
	void rateLimitingResumesWithOneInfoWhenRedisIsBack(CapturedOutput output) throws IOException {
		String token = tokens.token("catalog.read");
		assertThat(get(token).getStatus()).isEqualTo(HttpStatus.OK);
		redis = RedisServer.newRedisServer().port(redisPort).setting("bind 127.0.0.1").build();
		redis.start();
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get(token).getResponseHeaders().containsHeader("X-RateLimit-Remaining"));
		assertThat(get(token).getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(output.getOut().split(REACHABLE_AGAIN, -1)).hasSize(2);
	}

	private EntityExchangeResult<String> get(String token) {
		return this.client.get()
			.uri(PRODUCTS)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

}
