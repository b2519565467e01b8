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

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.trellis.gateway.GatewayRoutingIntegrationTests.Upstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GatewayApplication}.
 * <p>
 * Browser login with config-repo/gateway.yml: a browser without a session is sent to the
 * auth server (authorization code with PKCE as {@code trellis-web}); an API client
 * without a token gets a 401 problem.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.import=file:../config-repo/application.yml,file:../config-repo/gateway.yml",
				"TRELLIS_WEB_CLIENT_SECRET=test-web-secret" })
@AutoConfigureWebTestClient(timeout = "30s") // a loaded machine is slow, not wrong
class GatewayBrowserLoginIntegrationTests {

	private static final String PRODUCTS = "/api/catalog/products";

	private static final Upstream catalog = Upstream.start("catalog");

	private static final TestTokens tokens = TestTokens.start();

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

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
	void browserWithoutSessionIsSentToLogin() {
		int before = catalog.requests();
		EntityExchangeResult<String> result = get(PRODUCTS, MediaType.TEXT_HTML);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FOUND);
		assertThat(result.getResponseHeaders().getLocation()).hasPath("/oauth2/authorization/trellis");
		assertThat(catalog.requests()).isEqualTo(before);
	}

	@Test
	void loginSendsTheBrowserToTheAuthServerWithPkce() {
		EntityExchangeResult<String> result = get("/oauth2/authorization/trellis", MediaType.TEXT_HTML);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FOUND);
		URI location = result.getResponseHeaders().getLocation();
		assertThat(location).hasScheme("http").hasHost("localhost").hasPort(9000).hasPath("/oauth2/authorize");
		MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
		assertThat(query.getFirst("response_type")).isEqualTo("code");
		assertThat(query.getFirst("client_id")).isEqualTo("trellis-web");
		assertThat(query.getFirst("code_challenge")).matches("[A-Za-z0-9_-]{43}");
		assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
		assertThat(query.getFirst("state")).isNotBlank();
		assertThat(URLDecoder.decode(query.getFirst("redirect_uri"), StandardCharsets.UTF_8))
			.isEqualTo("http://localhost:" + this.port + "/login/oauth2/code/trellis");
		assertThat(query.getFirst("scope")).contains("openid").contains("catalog.read");
	}

	@Test
	void loginSessionCookieIsHttpOnlySecureAndSameSiteLax() {
		EntityExchangeResult<String> result = get("/oauth2/authorization/trellis", MediaType.TEXT_HTML);
		List<String> cookies = result.getResponseHeaders().get(HttpHeaders.SET_COOKIE);
		assertThat(cookies).singleElement()
			.asString()
			.startsWith("TRELLIS_SESSION=")
			.containsIgnoringCase("HttpOnly")
			.contains("Secure")
			.contains("SameSite=Lax");
	}

	@Test
	void apiClientWithoutTokenIsUnauthorizedProblem() {
		EntityExchangeResult<String> result = get(PRODUCTS, MediaType.APPLICATION_JSON);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.SET_COOKIE)).isFalse();
	}

	@Test
	void apiClientWriteWithoutTokenIsUnauthorizedNotACsrfFailure() {
		EntityExchangeResult<String> result = this.client.post()
			.uri(PRODUCTS)
			.accept(MediaType.APPLICATION_JSON)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void sessionWriteWithoutCsrfTokenIsForbiddenProblem() {
		EntityExchangeResult<String> result = this.client.post()
			.uri(PRODUCTS)
			.cookie("TRELLIS_SESSION", "some-session")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(result.getResponseBody()).contains("CSRF");
	}

	@Test
	void bearerTokenRequestGetsNoSession() {
		EntityExchangeResult<String> result = this.client.get()
			.uri(PRODUCTS)
			.accept(MediaType.TEXT_HTML)
			.headers((headers) -> headers.setBearerAuth(tokens.token("catalog.read")))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.SET_COOKIE)).isFalse();
		// The service gets the token, never a cookie of the gateway.
		assertThat(catalog.lastHeaders()).doesNotContainKey("Cookie");
	}

	private EntityExchangeResult<String> get(String path, MediaType accept) {
		return this.client.get().uri(path).accept(accept).exchange().expectBody(String.class).returnResult();
	}

}
