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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
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
 * The gateway as the platform's secured edge, with config-repo/gateway.yml: bearer JWTs
 * from an in-test key set, scope rules, rate limits on a real Redis, body size limit,
 * security and forwarding headers. Rate limits over the limit are in
 * {@link GatewayRateLimitIntegrationTests}, trusted proxies in
 * {@link GatewayTrustedProxyIntegrationTests}.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.import=file:../config-repo/application.yml,file:../config-repo/gateway.yml")
@AutoConfigureWebTestClient(timeout = "30s") // a loaded machine is slow, not wrong
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewaySecurityIntegrationTests {

	private static final String PRODUCTS = "/api/catalog/products";

	private static final String OPS_PASSWORD = "ops-secret";

	private static final GatewayRoutingIntegrationTests.Upstream catalog = GatewayRoutingIntegrationTests.Upstream
		.start("catalog");

	private static final TestTokens tokens = TestTokens.start();

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	/**
	 * A client over a real TCP connection from 127.0.0.1, for what depends on the peer.
	 * @return the client
	 */
	private WebTestClient overNetwork() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@DynamicPropertySource
	static void platform(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[0].uri", catalog::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.auth-server[0].uri", tokens::uri);
		registry.add("spring.data.redis.port", TestRedis::port);
		registry.add("trellis.security.ops.password", () -> OPS_PASSWORD);
		tokens.register(registry);
	}

	@AfterAll
	static void stopServers() {
		catalog.stop();
		tokens.stop();
	}

	@Test
	void requestWithoutTokenIsUnauthorized() {
		EntityExchangeResult<String> result = get(PRODUCTS, null);
		expectProblem(result, HttpStatus.UNAUTHORIZED);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
	}

	@Test
	void malformedAuthorizationHeadersAreUnauthorized() {
		for (String header : List.of("Bearer", "Bearer ", "Bearer a.b", "Bearer a.b.c", "Basic eDp5", "garbage",
				"bearer", "Bearer  " + tokens.token("catalog.read"), "Bearer x y")) {
			EntityExchangeResult<String> result = this.client.get()
				.uri(PRODUCTS)
				.header(HttpHeaders.AUTHORIZATION, header)
				.exchange()
				.expectBody(String.class)
				.returnResult();
			expectProblem(result, HttpStatus.UNAUTHORIZED);
			assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(header)
				.startsWith("Bearer");
		}
	}

	@Test
	void expiredTokenIsUnauthorized() {
		Instant past = Instant.now().minus(Duration.ofHours(1));
		String token = tokens.token((claims) -> claims.issueTime(Date.from(past.minusSeconds(300)))
			.notBeforeTime(Date.from(past.minusSeconds(300)))
			.expirationTime(Date.from(past)));
		expectInvalidToken(get(PRODUCTS, token));
	}

	@Test
	void tokenNotYetValidIsUnauthorized() {
		Instant future = Instant.now().plus(Duration.ofHours(1));
		String token = tokens.token(
				(claims) -> claims.notBeforeTime(Date.from(future)).expirationTime(Date.from(future.plusSeconds(300))));
		expectInvalidToken(get(PRODUCTS, token));
	}

	@Test
	void tokenSignedByAnotherKeyWithTheSameKeyIdIsUnauthorized() {
		RSAKey forged = new RSAKey.Builder(TestTokens.newKey()).keyID(tokens.key().getKeyID()).build();
		String token = TestTokens.sign(forged, TestTokens.claims(scopes("catalog.read")));
		expectInvalidToken(get(PRODUCTS, token));
	}

	@Test
	void tokenSignedByAnUnknownKeyIsUnauthorized() {
		String token = TestTokens.sign(TestTokens.newKey(), TestTokens.claims(scopes("catalog.read")));
		expectInvalidToken(get(PRODUCTS, token));
	}

	@Test
	void unsignedTokenIsUnauthorized() {
		String token = new PlainJWT(TestTokens.claims(scopes("catalog.read"))).serialize();
		expectInvalidToken(get(PRODUCTS, token));
	}

	@Test
	void tokenOfAnotherIssuerIsUnauthorized() {
		String token = tokens.token((claims) -> claims.issuer("http://evil.example"));
		expectInvalidToken(get(PRODUCTS, token));
	}

	@Test
	void tokenForAnotherAudienceIsUnauthorized() {
		String token = tokens.token((claims) -> claims.audience(List.of("trellis-test", "another-api")));
		expectInvalidToken(get(PRODUCTS, token));
	}

	@Test
	void tokenWithoutAudienceIsUnauthorized() {
		String token = tokens.token((claims) -> claims.audience((String) null));
		expectInvalidToken(get(PRODUCTS, token));
	}

	@Test
	void tokenWithTheScopeReachesTheService() {
		int before = catalog.requests();
		EntityExchangeResult<String> result = get(PRODUCTS, tokens.token("catalog.read"));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseBody()).isEqualTo(catalog.body());
		assertThat(catalog.requests()).isEqualTo(before + 1);
	}

	@Test
	void writeNeedsTheWriteScope() {
		EntityExchangeResult<String> result = post(PRODUCTS, tokens.token("catalog.read"), "{}".getBytes());
		expectProblem(result, HttpStatus.FORBIDDEN);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.startsWith("Bearer error=\"insufficient_scope\"");
		assertThat(post(PRODUCTS, tokens.token("catalog.write"), "{}".getBytes()).getStatus()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void tokenWithoutTheScopeIsForbidden() {
		expectProblem(get(PRODUCTS, tokens.token("orders.read")), HttpStatus.FORBIDDEN);
	}

	@Test
	void apiPathWithoutRuleIsForbiddenEvenWithEveryScope() {
		String token = tokens.token("catalog.read", "catalog.write", "orders.read", "orders.write", "inventory.read",
				"inventory.reserve", "notifications.read");
		expectProblem(get("/api/unknown/things", token), HttpStatus.FORBIDDEN);
	}

	@Test
	void actuatorEndpointsOtherThanHealthAndInfoAreDenied() {
		assertThat(get("/actuator/health", null).getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(get("/actuator/info", null).getStatus()).isEqualTo(HttpStatus.OK);
		expectProblem(get("/actuator/env", tokens.token("catalog.read")), HttpStatus.FORBIDDEN);
	}

	@Test
	void prometheusAnswersTheOperator() {
		EntityExchangeResult<String> result = scrape("ops", OPS_PASSWORD);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseBody()).contains("jvm_memory_used_bytes{").contains("application=\"gateway\"");
	}

	@Test
	void prometheusRefusesAnyoneWithoutTheOperatorCredential() {
		EntityExchangeResult<String> anonymous = get("/actuator/prometheus", null);
		expectProblem(anonymous, HttpStatus.UNAUTHORIZED);
		assertThat(anonymous.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
		expectProblem(get("/actuator/prometheus", tokens.token("catalog.read", "catalog.write")),
				HttpStatus.UNAUTHORIZED);
		expectProblem(scrape("ops", "wrong"), HttpStatus.UNAUTHORIZED);
	}

	@Test
	void requestsAreCountedPerRouteAndStatus() {
		assertThat(get(PRODUCTS, tokens.token("catalog.read")).getStatus()).isEqualTo(HttpStatus.OK);
		String metrics = scrape("ops", OPS_PASSWORD).getResponseBody();
		assertThat(metrics.lines()
			.filter((line) -> line.startsWith("spring_cloud_gateway_requests_seconds_count{"))
			.filter((line) -> line.contains("routeId=\"catalog\"") && line.contains("httpMethod=\"GET\"")
					&& line.contains("httpStatusCode=\"200\"")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("application=\"gateway\""));
	}

	@Test
	void forwardedRequestsCarryTheTraceContext() {
		assertThat(get(PRODUCTS, tokens.token("catalog.read")).getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(catalog.lastHeaders().get("Traceparent")).singleElement()
			.asString()
			.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
	}

	@Test
	void answerNamesTheTraceOfTheForwardedRequest() {
		EntityExchangeResult<String> result = get(PRODUCTS, tokens.token("catalog.read"));
		String traceId = result.getResponseHeaders().getFirst("X-Trace-Id");
		assertThat(traceId).matches("[0-9a-f]{32}");
		assertThat(catalog.lastHeaders().get("Traceparent")).singleElement()
			.asString()
			.startsWith("00-" + traceId + "-");
	}

	@Test
	void discoveryAndKeysAreAnonymous() {
		EntityExchangeResult<String> discovery = get("/.well-known/openid-configuration", null);
		assertThat(discovery.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(discovery.getResponseBody()).contains(TestTokens.ISSUER);
		EntityExchangeResult<String> keys = get("/oauth2/jwks", null);
		assertThat(keys.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(keys.getResponseBody()).contains(tokens.key().getKeyID()).doesNotContain("\"d\"");
	}

	@Test
	void spoofedForwardingHeadersDoNotReachTheService() {
		EntityExchangeResult<String> result = overNetwork().get()
			.uri(PRODUCTS)
			.headers((headers) -> headers.setBearerAuth(tokens.token("catalog.read")))
			.header("X-Forwarded-For", "203.0.113.7")
			.header("Forwarded", "for=203.0.113.7")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(catalog.lastHeaders().toString()).doesNotContain("203.0.113.7");
		// The gateway's own: the TCP peer, as no proxy is trusted by default.
		assertThat(catalog.lastHeaders().get("X-forwarded-for")).containsExactly("127.0.0.1");
		assertThat(catalog.lastHeaders().get("Forwarded")).singleElement().asString().contains("for=\"127.0.0.1:");
	}

	@Test
	void bodyOverTheLimitIsContentTooLarge() {
		byte[] body = new byte[1024 * 1024 + 1];
		EntityExchangeResult<String> result = post(PRODUCTS, tokens.token("catalog.write"), body);
		expectProblem(result, HttpStatus.CONTENT_TOO_LARGE);
		assertThat(result.getResponseHeaders().containsHeader("errorMessage")).isFalse();
	}

	@Test
	void chunkedBodyOverTheLimitIsContentTooLarge() {
		EntityExchangeResult<String> result = postChunked(PRODUCTS, tokens.token("catalog.write"), 1024 * 1024 + 1);
		expectProblem(result, HttpStatus.CONTENT_TOO_LARGE);
		assertThat(result.getResponseBody()).contains("larger than the limit of 1048576B");
		// The cut upload leaves nothing hanging: the service answers the next request.
		assertThat(get(PRODUCTS, tokens.token("catalog.read")).getStatus()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void chunkedBodyWithinTheLimitReachesTheService() {
		EntityExchangeResult<String> result = postChunked(PRODUCTS, tokens.token("catalog.write"), 1024 * 1024);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseBody()).isEqualTo(catalog.body());
		// No length was known: the body was streamed through, not buffered.
		assertThat(catalog.lastHeaders().get("Transfer-encoding")).containsExactly("chunked");
	}

	@Test
	void proxiedResponseHasSecurityHeaders() {
		EntityExchangeResult<String> result = get(PRODUCTS, tokens.token("catalog.read"));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		expectSecurityHeaders(result.getResponseHeaders());
	}

	@Test
	void unauthorizedResponseHasSecurityHeaders() {
		EntityExchangeResult<String> result = get(PRODUCTS, null);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		expectSecurityHeaders(result.getResponseHeaders());
	}

	@Test
	void generatedMalformedAuthorizationHeadersAreAllUnauthorized() {
		Random random = new Random(20260101);
		String[] prefixes = { "Bearer ", "bearer ", "BEARER ", "Basic ", "", "Bearer  ", "Token " };
		for (int i = 0; i < 300; i++) {
			String header = prefixes[random.nextInt(prefixes.length)] + malformedToken(random, i);
			EntityExchangeResult<String> result = this.client.get()
				.uri(PRODUCTS)
				.header(HttpHeaders.AUTHORIZATION, header)
				.exchange()
				.expectBody(String.class)
				.returnResult();
			assertThat(result.getStatus()).as(header).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(result.getResponseHeaders().getContentType()).as(header)
				.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	@Order(Integer.MAX_VALUE) // last: the key server stays down
	void cachedKeysStillVerifyTokensWhileTheKeyServerIsDown() {
		assertThat(get(PRODUCTS, tokens.token("catalog.read")).getStatus()).isEqualTo(HttpStatus.OK);
		tokens.stop();
		assertThat(get(PRODUCTS, tokens.token("catalog.read")).getStatus()).isEqualTo(HttpStatus.OK);
		// A key id not in the cache cannot be fetched: the token cannot be verified.
		String unknownKey = TestTokens.sign(TestTokens.newKey(), TestTokens.claims(scopes("catalog.read")));
		expectInvalidToken(get(PRODUCTS, unknownKey));
	}

	private static String malformedToken(Random random, int i) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		switch (i % 4) {
			case 0: {
				// Printable ASCII noise, spaces included.
				StringBuilder noise = new StringBuilder();
				for (int n = random.nextInt(80) + 1; n > 0; n--) {
					noise.append((char) (0x21 + random.nextInt(0x5E)));
				}
				return noise.toString();
			}
			case 1: {
				// Three segments of random bytes.
				return segment(random, encoder) + "." + segment(random, encoder) + "." + segment(random, encoder);
			}
			case 2: {
				// JSON that looks like a JWT: random algorithms and key ids.
				String[] algs = { "RS256", "none", "HS256", "ES256", "RS512", "", "PS256" };
				String header = "{\"alg\":\"" + algs[random.nextInt(algs.length)] + "\",\"kid\":\"" + random.nextInt()
						+ "\"}";
				String claims = "{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"x\",\"exp\":" + random.nextLong()
						+ ",\"scope\":[\"catalog.read\"]}";
				return encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
						+ encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
						+ segment(random, encoder);
			}
			default: {
				// A valid token, damaged in one place.
				char[] token = tokens.token("catalog.read").toCharArray();
				int at = random.nextInt(token.length);
				token[at] = (token[at] == 'A') ? 'B' : 'A';
				return new String(token);
			}
		}
	}

	private static String segment(Random random, Base64.Encoder encoder) {
		byte[] bytes = new byte[random.nextInt(64)];
		random.nextBytes(bytes);
		return encoder.encodeToString(bytes);
	}

	private static Consumer<com.nimbusds.jwt.JWTClaimsSet.Builder> scopes(String... scopes) {
		return (claims) -> claims.claim("scope", List.of(scopes));
	}

	private EntityExchangeResult<String> get(String path, String token) {
		return this.client.get().uri(path).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).exchange().expectBody(String.class).returnResult();
	}

	private EntityExchangeResult<String> scrape(String username, String password) {
		// A scrape is larger than the client's default buffer of 256 KB.
		return this.client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBasicAuth(username, password))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private EntityExchangeResult<String> post(String path, String token, byte[] body) {
		return this.client.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	/**
	 * Post a body in 64 KB chunks, without a {@code Content-Length}.
	 */
	private EntityExchangeResult<String> postChunked(String path, String token, int size) {
		int chunk = 64 * 1024;
		Flux<DataBuffer> body = Flux.range(0, (size + chunk - 1) / chunk)
			.map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[Math.min(chunk, size - i * chunk)]));
		return this.client.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(body, DataBuffer.class)
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private static void expectInvalidToken(EntityExchangeResult<String> result) {
		expectProblem(result, HttpStatus.UNAUTHORIZED);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.startsWith("Bearer error=\"invalid_token\"");
	}

	private static void expectProblem(EntityExchangeResult<String> result, HttpStatus status) {
		assertThat(result.getStatus()).isEqualTo(status);
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponseBody()).contains("\"status\":" + status.value())
			.contains("\"instance\":\"" + result.getUrl().getPath() + "\"");
	}

	private static void expectSecurityHeaders(HttpHeaders headers) {
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		// HSTS only over https.
		assertThat(headers.containsHeader("Strict-Transport-Security")).isFalse();
	}

}
