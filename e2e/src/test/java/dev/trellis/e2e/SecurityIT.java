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
package dev.trellis.e2e;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.Platform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing business-facing answers without a valid token carrying the right scope, at the
 * gateway and again at the service; every refusal is a problem, never a 5xx.
 *
 * @author Trellis
 */
@PlatformTest
@Order(9)
class SecurityIT {

	private static final String PRODUCT = "/api/catalog/products/TRL-MUG-001";

	@Test
	void requestWithoutATokenIsUnauthorized(PlatformHttp http) {
		HttpResponse<String> response = http.gateway(PRODUCT, Map.of());
		assertUnauthorized(response);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
	}

	static Stream<String> malformedAuthorizationHeaders() {
		return Stream.of("Bearer", "Bearer ", "Bearer a.b", "Bearer a.b.c", "Basic dXNlcjpwYXNzd29yZA==",
				"Bearer " + "x".repeat(6000), "Token abc", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
	}

	@ParameterizedTest
	@MethodSource("malformedAuthorizationHeaders")
	void malformedAuthorizationHeaderIsUnauthorized(String header, PlatformHttp http) {
		assertUnauthorized(http.gateway(PRODUCT, Map.of("Authorization", header)));
	}

	@Test
	void expiredTokenIsUnauthorized(Platform platform, PlatformHttp http) throws Exception {
		Instant now = Instant.now();
		String token = realKey(platform, http)
			.sign(Tokens.claims(Tokens.ISSUER, now.minusSeconds(1200), now.minusSeconds(600), "catalog.read"));
		assertUnauthorized(bearer(http, token));
	}

	@Test
	void tokenNotYetValidIsUnauthorized(Platform platform, PlatformHttp http) throws Exception {
		Instant now = Instant.now();
		String token = realKey(platform, http)
			.sign(Tokens.claims(Tokens.ISSUER, now.plusSeconds(600), now.plusSeconds(1200), "catalog.read"));
		assertUnauthorized(bearer(http, token));
	}

	@Test
	void tokenFromAnotherIssuerIsUnauthorized(Platform platform, PlatformHttp http) throws Exception {
		Instant now = Instant.now();
		String token = realKey(platform, http)
			.sign(Tokens.claims("http://evil.example", now.minusSeconds(5), now.plusSeconds(300), "catalog.read"));
		assertUnauthorized(bearer(http, token));
	}

	@Test
	void tokenSignedByAnotherKeyIsUnauthorized(Platform platform, PlatformHttp http) throws Exception {
		String keyId = JsonPath.read(Tokens.part(http.token(), 0), "$.kid");
		String token = Tokens.signedByAnotherKey(keyId).sign(Tokens.validClaims("catalog.read"));
		assertUnauthorized(bearer(http, token));
	}

	@Test
	void unsignedTokenIsUnauthorized(PlatformHttp http) {
		assertUnauthorized(bearer(http, Tokens.unsigned(Tokens.validClaims("catalog.read"))));
	}

	@Test
	void forgedTokenCheckWorksBecauseTheRealKeyIsAccepted(Platform platform, PlatformHttp http) throws Exception {
		// The forger signs exactly like the authorization server: the refusals above are
		// caused by the one wrong thing in each token, not by the forger.
		String token = realKey(platform, http).sign(Tokens.validClaims("catalog.read"));
		assertThat(bearer(http, token).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenWithoutTheScopeIsForbidden(Platform platform, PlatformHttp http) {
		HttpResponse<String> response = bearer(http, platform.accessToken("orders.read"));
		CatalogThroughGatewayIT.assertProblem(response, 403);
	}

	@Test
	void serviceCalledDirectlyChecksTheTokenToo(Platform platform, PlatformHttp http) throws Exception {
		URI direct = platform.url("catalog-service").resolve("/products/TRL-MUG-001");
		assertThat(http.get(direct, Map.of()).statusCode()).isEqualTo(401);
		String keyId = JsonPath.read(Tokens.part(http.token(), 0), "$.kid");
		String forged = Tokens.signedByAnotherKey(keyId).sign(Tokens.validClaims("catalog.read"));
		assertThat(http.get(direct, Map.of("Authorization", "Bearer " + forged)).statusCode()).isEqualTo(401);
		assertThat(
				http.get(direct, Map.of("Authorization", "Bearer " + platform.accessToken("orders.read"))).statusCode())
			.isEqualTo(403);
		assertThat(http.get(direct, Map.of("Authorization", "Bearer " + http.token())).statusCode()).isEqualTo(200);
	}

	@Test
	void bodyOverTheSizeLimitIsRefused(PlatformHttp http) {
		String body = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
		HttpResponse<String> response = http.gatewayPost("/api/catalog/products", body,
				Map.of("Authorization", "Bearer " + http.token()));
		CatalogThroughGatewayIT.assertProblem(response, 413);
	}

	@Test
	void burstOverTheRateLimitIsTooManyRequestsThenAllowedAgain(PlatformHttp http) {
		Map<String, String> authorization = Map.of("Authorization", "Bearer " + http.token());
		List<HttpResponse<String>> responses = new ArrayList<>();
		// 300 requests in batches of 60 concurrent: past the local bucket of 80 refilled
		// at
		// 40/s (config-repo/gateway-local.yml). Bounded, loopback only.
		for (int batch = 0; batch < 5; batch++) {
			List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				futures.add(http.gatewayAsync(PRODUCT, authorization));
			}
			futures.forEach((future) -> responses.add(future.join()));
		}
		List<HttpResponse<String>> limited = responses.stream().filter((r) -> r.statusCode() == 429).toList();
		assertThat(limited).isNotEmpty();
		assertThat(responses).allSatisfy((r) -> assertThat(r.statusCode()).isIn(200, 429));
		HttpResponse<String> tooMany = limited.get(0);
		CatalogThroughGatewayIT.assertProblem(tooMany, 429);
		assertThat(tooMany.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
		assertThat(tooMany.headers().firstValue("X-RateLimit-Burst-Capacity")).isPresent();
		assertThat(tooMany.headers().firstValue("X-RateLimit-Replenish-Rate")).isPresent();
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> http.gateway(PRODUCT, authorization).statusCode() == 200);
	}

	@Test
	void thousandsOfGeneratedMalformedHeadersAreAllUnauthorized(PlatformHttp http) {
		Random random = new Random(42);
		List<String> headers = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			headers.add(generatedHeader(random));
		}
		List<Integer> statuses = new ArrayList<>();
		// In batches of 20 concurrent requests: bounded load, loopback only.
		for (int from = 0; from < headers.size(); from += 20) {
			List<CompletableFuture<HttpResponse<String>>> batch = headers.subList(from, from + 20)
				.stream()
				.map((header) -> http.gatewayAsync(PRODUCT, Map.of("Authorization", header)))
				.toList();
			batch.forEach((future) -> statuses.add(future.join().statusCode()));
		}
		assertThat(statuses).hasSize(2000).allSatisfy((status) -> assertThat(status).isEqualTo(401));
	}

	@Test
	@Order(100) // faults last: the tests above need a running auth server
	void issuedTokensKeepWorkingWhileTheAuthServerIsDown(Platform platform, PlatformHttp http) {
		String token = http.token();
		assertThat(bearer(http, token).statusCode()).isEqualTo(200);
		AppProcess authServer = platform.process("auth-server");
		authServer.kill();
		try {
			for (int i = 0; i < 20; i++) {
				assertThat(bearer(http, token).statusCode()).as("request %d with the auth server down", i)
					.isEqualTo(200);
			}
		}
		finally {
			platform.restart(authServer);
		}
	}

	@Test
	@Order(101)
	void afterKeyRotationOldAndNewTokensBothWork(Platform platform, PlatformHttp http) throws Exception {
		String oldToken = platform.accessToken("catalog.read");
		String oldKeyId = JsonPath.read(Tokens.part(oldToken, 0), "$.kid");
		platform.stop("auth-server");
		rotateSigningKeys(platform);
		platform.start("auth-server");
		String newToken = platform.accessToken("catalog.read");
		assertThat((String) JsonPath.read(Tokens.part(newToken, 0), "$.kid")).isNotEqualTo(oldKeyId);
		assertThat(bearer(http, newToken).statusCode()).isEqualTo(200);
		assertThat(bearer(http, oldToken).statusCode()).isEqualTo(200);
	}

	private static void rotateSigningKeys(Platform platform) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-jar",
				platform.root().resolve("auth-server/target/auth-server.jar").toString(), "--trellis.auth.keys.rotate")
			.redirectErrorStream(true)
			.redirectOutput(platform.root().resolve(".trellis/logs/auth-server-rotate.log").toFile());
		builder.environment().putAll(platform.applicationEnvironment());
		Process process = builder.start();
		try {
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("rotation finished").isTrue();
			assertThat(process.exitValue()).as("rotation exit code").isZero();
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static String generatedHeader(Random random) {
		String[] prefixes = { "Bearer ", "bearer ", "Bearer  ", "", "Basic ", "Bearer\t" };
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
		StringBuilder value = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
		int length = 1 + random.nextInt(400);
		for (int i = 0; i < length; i++) {
			value.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return value.toString().strip().isEmpty() ? "Bearer x" : value.toString().strip();
	}

	private static Tokens realKey(Platform platform, PlatformHttp http) throws Exception {
		return Tokens.signedLike(platform, http, http.token());
	}

	private static HttpResponse<String> bearer(PlatformHttp http, String token) {
		return http.gateway(PRODUCT, Map.of("Authorization", "Bearer " + token));
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		CatalogThroughGatewayIT.assertProblem(response, 401);
	}

}
