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
package dev.trellis.catalog;

import dev.trellis.test.postgres.AutoConfigureEmbeddedPostgres;
import dev.trellis.test.security.AutoConfigureTestTokens;
import dev.trellis.test.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the catalog service: the whole application over real HTTP, on a
 * real PostgreSQL, configured by its file in {@code config-repo/}, with real signed
 * tokens.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { CatalogServiceIntegrationTests.CONFIG_REPO_IMPORT,
				"management.endpoint.health.group.readiness.show-components=always" })
@AutoConfigureEmbeddedPostgres
@AutoConfigureTestTokens
class CatalogServiceIntegrationTests {

	/**
	 * Imports the service's configuration as the config server would serve it, so that
	 * the tests run on the same Flyway locations and health groups. The path is relative
	 * to the module directory, where Maven and IDEs run the tests.
	 */
	static final String CONFIG_REPO_IMPORT = "spring.config.import=file:../../config-repo/catalog-service.yml";

	@LocalServerPort
	private int port;

	private RestTestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void listReturnsFirstPageOfDemoCatalogSortedBySku() {
		RestTestClientResponse response = get("/products?size=5");
		assertThat(response).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{
				  "content": [{"sku": "TRL-BAG-001"}, {"sku": "TRL-BTL-001"}, {"sku": "TRL-CAP-001"},
				              {"sku": "TRL-HOD-001"}, {"sku": "TRL-MUG-001"}],
				  "page": {"size": 5, "number": 0, "totalElements": 12, "totalPages": 3}
				}
				""");
	}

	@Test
	void getReturnsProductWithPriceAndCurrency() {
		RestTestClientResponse response = get("/products/TRL-MUG-001");
		assertThat(response).hasStatusOk();
		assertThat(response).bodyText().contains("\"price\":12.50");
		assertThat(response).bodyJson().isStrictlyEqualTo("""
				{"sku": "TRL-MUG-001", "name": "Trellis Mug", "description": "Stoneware mug, 350 ml, dishwasher safe.",
				 "price": 12.50, "currency": "EUR"}
				""");
	}

	@Test
	void getUnknownSkuIsNotFoundProblem() {
		RestTestClientResponse response = get("/products/TRL-MUG-999");
		assertThat(response).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": 404, "title": "Not Found", "detail": "No product with SKU 'TRL-MUG-999'.",
				 "instance": "/products/TRL-MUG-999"}
				""");
	}

	@Test
	void getMalformedSkuIsBadRequestProblem() {
		RestTestClientResponse response = get("/products/mug");
		assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": 400, "title": "Bad Request", "instance": "/products/mug",
				 "errors": [{"parameter": "sku", "message": "must be a SKU such as TRL-MUG-001"}]}
				""");
	}

	@Test
	void oversizedPageIsBadRequestProblemNamingTheParameter() {
		RestTestClientResponse response = get("/products?size=1000");
		assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": 400, "title": "Bad Request", "instance": "/products",
				 "errors": [{"parameter": "size"}]}
				""");
		assertThat(response).bodyJson().extractingPath("$.detail").asString().contains("'size'");
	}

	@Test
	void unmappedPathIsNotFoundProblem() {
		RestTestClientResponse response = get("/nothing-here");
		assertThat(response).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.status").isEqualTo(404);
	}

	@Test
	void responsesNameTheServingInstance() {
		assertThat(get("/products/TRL-MUG-001")).containsHeader("X-Trellis-Instance");
		assertThat(get("/products/TRL-MUG-999")).containsHeader("X-Trellis-Instance");
	}

	@Test
	void requestWithoutTokenIsUnauthorizedProblem() {
		RestTestClientResponse response = RestTestClientResponse
			.from(this.client.get().uri("/products/TRL-MUG-001").exchange());
		assertThat(response).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).headers()
			.hasHeaderSatisfying("WWW-Authenticate", (values) -> assertThat(values.get(0)).startsWith("Bearer"));
		assertThat(response).bodyJson().extractingPath("$.status").isEqualTo(401);
	}

	@Test
	void tokenWithoutCatalogReadIsForbiddenProblem() {
		RestTestClientResponse response = get("/products", TestTokens.withScopes("orders.read", "catalog.write"));
		assertThat(response).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.status").isEqualTo(403);
	}

	@Test
	void expiredTokenIsUnauthorizedProblem() {
		RestTestClientResponse response = get("/products", TestTokens.expired("catalog.read"));
		assertThat(response).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void envIsUnauthorizedForAnonymousCaller() {
		assertThat(anonymous("/actuator/env")).hasStatus(401);
	}

	@Test
	void envIsNotExposedToTokenHolder() {
		assertThat(get("/actuator/env")).hasStatus(404);
	}

	@Test
	void healthIsAnonymous() {
		assertThat(anonymous("/actuator/health")).hasStatusOk();
	}

	@Test
	void readinessIsUpAndIncludesTheDatabase() {
		RestTestClientResponse response = anonymous("/actuator/health/readiness");
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": "UP", "components": {"db": {"status": "UP"}, "readinessState": {"status": "UP"}}}
				""");
	}

	@Test
	void livenessLeavesTheDatabaseOut() {
		RestTestClientResponse response = anonymous("/actuator/health/liveness");
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().extractingPath("$.status").isEqualTo("UP");
		assertThat(response).bodyJson().doesNotHavePath("$.components.db");
	}

	private RestTestClientResponse get(String uri) {
		return get(uri, TestTokens.withScopes("catalog.read"));
	}

	private RestTestClientResponse get(String uri, String token) {
		return RestTestClientResponse
			.from(this.client.get().uri(uri).header("Authorization", "Bearer " + token).exchange());
	}

	private RestTestClientResponse anonymous(String uri) {
		return RestTestClientResponse.from(this.client.get().uri(uri).exchange());
	}

}
