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
package dev.trellis.autoconfigure.security;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServiceSecurityAutoConfiguration}.
 * <p>
 * A running service checking tokens against the auth server's JWK set.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=secured", "trellis.config.import.enabled=false",
				"spring.cloud.config.enabled=false", "eureka.client.enabled=false" })
@AutoConfigureRestTestClient
class ServiceSecurityIntegrationTests {

	private static final AuthServerStub authServer = start();

	@Autowired
	private RestTestClient client;

	@DynamicPropertySource
	static void authServerProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> authServer.url() + "/oauth2/jwks");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> AuthServerStub.ISSUER);
	}

	@AfterAll
	static void stopAuthServer() {
		authServer.close();
	}

	@Test
	void requestWithoutTokenIsUnauthorizedProblemWithBearerChallenge() {
		this.client.get()
			.uri("/products")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).startsWith("Bearer"))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.title")
			.isEqualTo("Unauthorized")
			.jsonPath("$.instance")
			.isEqualTo("/products");
	}

	@Test
	void tokenWithScopeIsAccepted() {
		get("/products", AuthServerStub.token("catalog.read")).expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("products");
	}

	@Test
	void tokenWithoutScopeIsForbiddenProblemWithInsufficientScope() {
		get("/products", AuthServerStub.token("orders.read")).expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).startsWith("Bearer error=\"insufficient_scope\""))
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(403)
			.jsonPath("$.title")
			.isEqualTo("Forbidden");
	}

	@Test
	void malformedTokenIsUnauthorizedProblem() {
		expectUnauthorizedProblem(get("/products", "not-a-jwt"));
	}

	@Test
	void expiredTokenIsUnauthorizedProblem() {
		expectUnauthorizedProblem(get("/products", AuthServerStub.expiredToken("catalog.read")));
	}

	@Test
	void tokenFromAnotherIssuerIsUnauthorizedProblem() {
		expectUnauthorizedProblem(get("/products", AuthServerStub.tokenFromIssuer("http://evil:9000", "catalog.read")));
	}

	@Test
	void tokenSignedWithUnknownKeyIsUnauthorizedProblem() {
		expectUnauthorizedProblem(get("/products", AuthServerStub.tokenSignedWithUnknownKey("catalog.read")));
	}

	@Test
	void healthIsAnonymous() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	@Test
	void healthGroupsAreAnonymous() {
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void infoIsAnonymous() {
		this.client.get().uri("/actuator/info").exchange().expectStatus().isOk();
	}

	@Test
	void envIsUnauthorizedForAnonymousCaller() {
		this.client.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void configpropsIsUnauthorizedForAnonymousCaller() {
		this.client.get().uri("/actuator/configprops").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void envIsNotFoundForTokenHolderAsItIsNotExposed() {
		get("/actuator/env", AuthServerStub.token("catalog.read")).expectStatus().isNotFound();
	}

	@Test
	void unknownPathWithTokenIsNotFoundProblem() {
		get("/nothing-here", AuthServerStub.token("catalog.read")).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void responsesCreateNoSession() {
		get("/products", AuthServerStub.token("catalog.read")).expectHeader().doesNotExist("Set-Cookie");
	}

	private ResponseSpec get(String uri, String token) {
		return this.client.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
	}

	private static void expectUnauthorizedProblem(ResponseSpec response) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value("WWW-Authenticate", (value) -> assertThat(value).startsWith("Bearer error=\"invalid_token\""))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
	}

	private static AuthServerStub start() {
		try {
			return new AuthServerStub();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ProductController.class)
	static class TestApplication {

	}

	@RestController
	static class ProductController {

		@GetMapping("/products")
		@PreAuthorize("hasAuthority('SCOPE_catalog.read')")
		String products() {
			return "products";
		}

	}

}
