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
package dev.trellis.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the authorization server: the whole application over real HTTP,
 * configured by its files in {@code config-repo/}, with a keystore in a temporary
 * directory.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AuthServerTestSupport.CONFIG_REPO_IMPORT,
				"TRELLIS_CLI_CLIENT_SECRET=" + AuthServerTestSupport.CLI_SECRET,
				"ORDER_SERVICE_CLIENT_SECRET=" + AuthServerTestSupport.ORDER_SERVICE_SECRET,
				"TRELLIS_WEB_CLIENT_SECRET=test-web-secret",
				"AUTH_KEYSTORE_PASSWORD=" + AuthServerTestSupport.KEYSTORE_PASSWORD,
				"trellis.security.ops.password=ops-secret" })
class AuthServerIntegrationTests {

	private static final String ISSUER = "http://localhost:9000";

	private static final String WEB_REDIRECT = "http://localhost:8080/login/oauth2/code/trellis";

	@TempDir
	static Path keys;

	@LocalServerPort
	private int port;

	@Autowired
	private UserDetailsService users;

	private RestTestClient client;

	@DynamicPropertySource
	static void keystore(DynamicPropertyRegistry registry) {
		registry.add("AUTH_KEYSTORE_PATH", () -> keys.resolve("signing-keys.p12").toString());
	}

	@BeforeEach
	void createClient() {
		this.client = AuthServerTestSupport.client(this.port);
	}

	@Test
	void discoveryDocumentListsEndpointsAndIssuer() {
		RestTestClientResponse response = get("/.well-known/openid-configuration");
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"issuer": "http://localhost:9000",
				 "authorization_endpoint": "http://localhost:9000/oauth2/authorize",
				 "token_endpoint": "http://localhost:9000/oauth2/token",
				 "jwks_uri": "http://localhost:9000/oauth2/jwks",
				 "introspection_endpoint": "http://localhost:9000/oauth2/introspect",
				 "revocation_endpoint": "http://localhost:9000/oauth2/revoke",
				 "code_challenge_methods_supported": ["S256"]}
				""");
	}

	@Test
	void clientCredentialsTokenCarriesTheRequestedScopes() {
		Jwt jwt = AuthServerTestSupport.verify(this.port,
				AuthServerTestSupport.cliToken(this.port, "catalog.read orders.write"));
		assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrder("catalog.read", "orders.write");
		assertThat(jwt.getSubject()).isEqualTo("trellis-cli");
		assertThat(jwt.getIssuer()).hasToString(ISSUER);
	}

	@Test
	void accessTokenNamesTheClientAndThePlatformApisAsAudience() {
		Jwt jwt = AuthServerTestSupport.verify(this.port, AuthServerTestSupport.cliToken(this.port, "catalog.read"));
		assertThat(jwt.getAudience()).containsExactly("trellis-cli", "trellis-api");
	}

	@Test
	void tokenIsSignedByTheFirstKeyOfThePublishedJwkSet() throws Exception {
		String token = AuthServerTestSupport.cliToken(this.port, "catalog.read");
		JWKSet jwks = JWKSet.parse(
				new String(get("/oauth2/jwks").getExchangeResult().getResponseBodyContent(), StandardCharsets.UTF_8));
		assertThat(jwks.getKeys()).hasSize(1);
		assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(jwks.getKeys().get(0).getKeyID());
		assertThat(jwks.getKeys().get(0).isPrivate()).isFalse();
	}

	@Test
	void accessTokenLivesFiveMinutes() {
		Jwt jwt = AuthServerTestSupport.verify(this.port, AuthServerTestSupport.cliToken(this.port, "catalog.read"));
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void scopeTheClientDoesNotHaveIsInvalidScope() {
		RestTestClientResponse response = RestTestClientResponse.from(AuthServerTestSupport.requestToken(this.client,
				"order-service", AuthServerTestSupport.ORDER_SERVICE_SECRET, "catalog.read orders.write"));
		assertThat(response).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(response).bodyJson().extractingPath("$.error").isEqualTo("invalid_scope");
	}

	@Test
	void wrongClientSecretIsInvalidClient() {
		RestTestClientResponse response = RestTestClientResponse
			.from(AuthServerTestSupport.requestToken(this.client, "trellis-cli", "wrong", "catalog.read"));
		assertThat(response).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(response).bodyJson().extractingPath("$.error").isEqualTo("invalid_client");
	}

	@Test
	void orderServiceGetsItsOwnScopes() {
		RestTestClientResponse response = RestTestClientResponse.from(AuthServerTestSupport.requestToken(this.client,
				"order-service", AuthServerTestSupport.ORDER_SERVICE_SECRET, "catalog.read inventory.reserve"));
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().extractingPath("$.token_type").isEqualTo("Bearer");
		assertThat(response).bodyJson()
			.extractingPath("$.scope")
			.asString()
			.satisfies((scope) -> assertThat(scope.split(" ")).containsExactlyInAnyOrder("catalog.read",
					"inventory.reserve"));
	}

	@Test
	void authorizationRequestWithoutPkceIsRejected() {
		RestTestClientResponse response = authorize(false);
		assertThat(response).hasStatus(302);
		assertThat(location(response)).startsWith(WEB_REDIRECT)
			.contains("error=invalid_request")
			.contains("code_challenge");
	}

	@Test
	void authorizationRequestWithPkceSendsBrowserToLogin() {
		RestTestClientResponse response = authorize(true);
		assertThat(response).hasStatus(302);
		assertThat(location(response)).endsWith("/login");
	}

	@Test
	void demoUserSignsInWithTheDocumentedDemoPassword() {
		String hash = this.users.loadUserByUsername("demo").getPassword();
		assertThat(hash).startsWith("{bcrypt}");
		assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("trellis-demo", hash)).isTrue();
	}

	@Test
	void healthIsAnonymous() {
		RestTestClientResponse response = get("/actuator/health");
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().extractingPath("$.status").isEqualTo("UP");
	}

	@Test
	void infoIsAnonymous() {
		assertThat(get("/actuator/info")).hasStatusOk();
	}

	@Test
	void otherActuatorEndpointsAreNotServed() {
		RestTestClientResponse response = get("/actuator/env");
		assertThat(response).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": 401, "title": "Unauthorized", "instance": "/actuator/env"}
				""");
	}

	@Test
	void prometheusAnswersTheOperator() {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBasicAuth("ops", "ops-secret"))
			.exchange());
		assertThat(response).hasStatusOk();
		assertThat(response).bodyText().contains("application=\"auth-server\"");
	}

	@Test
	void prometheusRefusesAnyoneWithoutTheOperatorCredential() {
		RestTestClientResponse response = get("/actuator/prometheus");
		assertThat(response).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void browserThatIsNotSignedInIsSentToLogin() {
		RestTestClientResponse response = RestTestClientResponse
			.from(this.client.get().uri("/somewhere").accept(MediaType.TEXT_HTML).exchange());
		assertThat(response).hasStatus(302);
		assertThat(location(response)).endsWith("/login");
	}

	private RestTestClientResponse get(String uri) {
		return RestTestClientResponse.from(this.client.get().uri(uri).exchange());
	}

	private RestTestClientResponse authorize(boolean pkce) {
		return RestTestClientResponse.from(this.client.get().uri((uri) -> {
			uri.path("/oauth2/authorize")
				.queryParam("response_type", "code")
				.queryParam("client_id", "trellis-web")
				.queryParam("scope", "openid catalog.read")
				.queryParam("redirect_uri", WEB_REDIRECT);
			if (pkce) {
				uri.queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
					.queryParam("code_challenge_method", "S256");
			}
			return uri.build();
		}).accept(MediaType.TEXT_HTML).exchange());
	}

	private static String location(RestTestClientResponse response) {
		return response.getExchangeResult().getResponseHeaders().getFirst(HttpHeaders.LOCATION);
	}

}
