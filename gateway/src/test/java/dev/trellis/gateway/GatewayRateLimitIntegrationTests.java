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

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link GatewayApplication}.
 * <p>
 * The rate limit of config-repo/gateway.yml on a real Redis, with a tiny limit set
 * through {@code trellis.gateway.rate-limit.*} (1 request/s, bursts of 2) so that going
 * over it does not depend on how fast the machine sends requests. Redis counts in whole
 * seconds: requests sent at once, within one second, get at most 2 + 1 tokens.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.import=file:../config-repo/application.yml,file:../config-repo/gateway.yml",
				"trellis.gateway.rate-limit.replenish-rate=1", "trellis.gateway.rate-limit.burst-capacity=2" })
class GatewayRateLimitIntegrationTests {

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

	@Test
	void limitsComeFromTheRateLimitProperties() {
		String token = tokens.token("catalog.read");
		List<ResponseEntity<String>> results = Flux.range(0, 5)
			.concatMap((i) -> get(PRODUCTS, (headers) -> headers.setBearerAuth(token)))
			.collectList()
			.block();
		assertThat(results).extracting(ResponseEntity::getStatusCode)
			.startsWith(HttpStatus.OK, HttpStatus.OK)
			// The third quick request is over the burst of 2; unless a new second began
			// meanwhile, which brings 1 token each: five requests sent one after the
			// other within two seconds get at most 2 + 2.
			.containsAnyOf(HttpStatus.TOO_MANY_REQUESTS);
		HttpHeaders headers = results.get(0).getHeaders();
		assertThat(headers.getFirst("X-RateLimit-Replenish-Rate")).isEqualTo("1");
		assertThat(headers.getFirst("X-RateLimit-Burst-Capacity")).isEqualTo("2");
		assertThat(headers.getFirst("X-RateLimit-Remaining")).isEqualTo("1");
	}

	@Test
	void burstOverTheLimitIsTooManyRequestsUntilTokensReplenish() {
		String token = tokens.token("catalog.read");
		List<ResponseEntity<String>> burst = burst(PRODUCTS, 6, (i, headers) -> headers.setBearerAuth(token));
		assertThat(burst).extracting(ResponseEntity::getStatusCode)
			.containsOnly(HttpStatus.OK, HttpStatus.TOO_MANY_REQUESTS)
			.contains(HttpStatus.TOO_MANY_REQUESTS);
		ResponseEntity<String> limited = burst.stream()
			.filter((result) -> result.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS)
			.findFirst()
			.orElseThrow();
		HttpHeaders headers = limited.getHeaders();
		assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(limited.getBody()).contains("\"status\":429").contains("\"instance\":\"" + PRODUCTS + "\"");
		assertThat(headers.getFirst("X-RateLimit-Remaining")).isEqualTo("0");
		assertThat(headers.getFirst("X-RateLimit-Replenish-Rate")).isEqualTo("1");
		assertThat(headers.getFirst("X-RateLimit-Burst-Capacity")).isEqualTo("2");
		assertThat(headers.getFirst("X-RateLimit-Requested-Tokens")).isEqualTo("1");
		// Another principal has its own budget.
		String other = tokens.token("catalog.read");
		assertThat(get(PRODUCTS, (h) -> h.setBearerAuth(other)).block().getStatusCode()).isEqualTo(HttpStatus.OK);
		// One token a second: the principal gets through again within about a second.
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> get(PRODUCTS, (h) -> h.setBearerAuth(token)).block().getStatusCode() == HttpStatus.OK);
	}

	@Test
	void anonymousRequestsAreLimitedByClientAddressNotByForwardingHeaders() {
		// Each request claims another client. Counted by those, each would have a bucket
		// of its own and all would pass; counted by the TCP peer (127.0.0.1), they share
		// one bucket of 2 (+1 per second).
		List<ResponseEntity<String>> burst = burst("/oauth2/jwks", 6, (i, headers) -> {
			headers.set("X-Forwarded-For", "203.0.113." + i);
			headers.set("Forwarded", "for=203.0.113." + i);
		});
		assertThat(burst).extracting(ResponseEntity::getStatusCode)
			.containsOnly(HttpStatus.OK, HttpStatus.TOO_MANY_REQUESTS)
			.contains(HttpStatus.TOO_MANY_REQUESTS);
	}

	/**
	 * Send requests all at once, each over a connection from 127.0.0.1.
	 * @param path the path
	 * @param count how many
	 * @param headers sets the headers of the i-th request
	 * @return the responses
	 */
	private List<ResponseEntity<String>> burst(String path, int count, BiConsumer<Integer, HttpHeaders> headers) {
		return Flux.range(0, count)
			.flatMap((i) -> get(path, (requestHeaders) -> headers.accept(i, requestHeaders)), count)
			.collectList()
			.block();
	}

	private Mono<ResponseEntity<String>> get(String path, Consumer<HttpHeaders> headers) {
		return WebClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri(path)
			.headers(headers)
			.exchangeToMono((response) -> response.toEntity(String.class));
	}

}
