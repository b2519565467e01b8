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

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.Platform;
import dev.trellis.launcher.process.JavaRuntime;
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
	void tokenForAnotherAudienceIsUnauthorized(Platform platform, PlatformHttp http) throws Exception {
		String token = realKey(platform, http)
			.sign(Tokens.withAudience(Tokens.validClaims("catalog.read"), "trellis-cli", "another-api"));
		assertUnauthorized(bearer(http, token));
	}

	@Test
	void serviceCalledDirectlyRefusesATokenForAnotherAudience(Platform platform, PlatformHttp http) throws Exception {
		URI direct = platform.url("catalog-service").resolve("/products/TRL-MUG-001");
		String token = realKey(platform, http)
			.sign(Tokens.withAudience(Tokens.validClaims("catalog.read"), "trellis-cli", "another-api"));
		assertUnauthorized(http.get(direct, Map.of("Authorization", "Bearer " + token)));
	}

	@Test
	void issuedAccessTokensNameThePlatformApis(PlatformHttp http) {
		List<String> audience = JsonPath.read(Tokens.part(http.token(), 1), "$.aud");
		assertThat(audience).contains("trellis-cli", Tokens.AUDIENCE);
	}

	@Test
	void browserSignsInAndReachesTheCatalogWithItsSession(Platform platform) throws Exception {
		BrowserSession browser = new BrowserSession();
		URI product = platform.url("gateway").resolve(PRODUCT);
		// Not signed in: to the gateway's login, then to the auth server, which asks for
		// the user's password on its login form.
		HttpResponse<String> response = browser.follow(browser.get(product, "text/html"), "text/html");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.uri().getPath()).isEqualTo("/login");
		assertThat(response.uri().getPort()).isEqualTo(9000);
		String csrf = BrowserSession.hiddenInput(response.body(), "_csrf");
		// Signed in: back to the authorization (no consent for trellis-web), to the
		// gateway's callback, which exchanges the code, and to the page first asked for.
		response = browser.follow(
				browser.postForm(response.uri(), Map.of("username", "demo", "password", "trellis-demo", "_csrf", csrf)),
				"application/json");
		assertThat(response.uri().getPort()).isEqualTo(product.getPort());
		assertThat(response.uri().getPath()).isEqualTo(PRODUCT);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.sku")).isEqualTo("TRL-MUG-001");
		// The session stays signed in: the gateway relays the user's token each time.
		HttpResponse<String> again = browser.get(product, "application/json");
		assertThat(again.statusCode()).isEqualTo(200);
		// The session does not grant what trellis-web may not ask for.
		HttpResponse<String> forbidden = browser
			.get(platform.url("gateway").resolve("/api/inventory/stock/TRL-MUG-001"), "application/json");
		CatalogThroughGatewayIT.assertProblem(forbidden, 403);
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
		List<HttpResponse<String>> limited = List.of();
		// Up to three bursts: the limiter fails open when Redis does not answer within
		// its
		// timeout (config-repo/gateway-local.yml), which a two-core machine running other
		// builds beside the platform was seen to cause for a whole burst.
		for (int burst = 0; burst < 3 && limited.isEmpty(); burst++) {
			List<HttpResponse<String>> answers = burst(http, authorization);
			responses.addAll(answers);
			limited = answers.stream().filter((r) -> r.statusCode() == 429).toList();
		}
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

	/**
	 * Sends 300 requests at once: past the local bucket of 80 refilled at 40/s
	 * (config-repo/gateway-local.yml) however slowly the service answers, since the limit
	 * is checked when a request arrives. (Batches that each wait for their answers leave
	 * a slow machine time to refill.) Bounded, loopback only.
	 */
	private static List<HttpResponse<String>> burst(PlatformHttp http, Map<String, String> authorization) {
		List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			futures.add(http.gatewayAsync(PRODUCT, authorization));
		}
		return futures.stream().map(CompletableFuture::join).toList();
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
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		// The platform's JVM options: a small heap and a quick start, as for its apps.
		command.addAll(JavaRuntime.jvmOptions(System.getenv()));
		command.addAll(List.of("-jar", platform.root().resolve("auth-server/target/auth-server.jar").toString(),
				"--trellis.auth.keys.rotate"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
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

	/**
	 * A browser: keeps cookies, follows redirects one at a time.
	 */
	private static final class BrowserSession {

		private static final Duration TIMEOUT = Duration.ofSeconds(15);

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		HttpResponse<String> get(URI uri, String accept) throws Exception {
			return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", accept).GET().build());
		}

		HttpResponse<String> postForm(URI uri, Map<String, String> form) throws Exception {
			String body = form.entrySet()
				.stream()
				.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(HttpRequest.newBuilder(uri)
				.timeout(TIMEOUT)
				.header("Accept", "text/html")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
		}

		/**
		 * Follows redirects (at most ten) with GET, asking for the given media type from
		 * the last one.
		 */
		HttpResponse<String> follow(HttpResponse<String> response, String finalAccept) throws Exception {
			for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
				URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
				HttpResponse<String> followed = get(next, "text/html");
				if (followed.statusCode() / 100 != 3 && !"text/html".equals(finalAccept)) {
					followed = get(next, finalAccept);
				}
				response = followed;
			}
			return response;
		}

		private HttpResponse<String> send(HttpRequest request) throws Exception {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}

		static String hiddenInput(String html, String name) {
			Matcher matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]+)\"")
				.matcher(html);
			assertThat(matcher.find()).as("hidden input %s in %s", name, html).isTrue();
			return matcher.group(1);
		}

	}

}
