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
package dev.trellis.inventory.api;

import java.util.List;
import java.util.Optional;

import dev.trellis.inventory.domain.Stock;
import dev.trellis.inventory.persistence.StockRepository;
import dev.trellis.test.security.AutoConfigureTestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Tests for {@link StockResource}.
 *
 * @author Trellis
 */
@WebMvcTest(StockResource.class)
@AutoConfigureTestTokens
class StockResourceTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private StockRepository stock;

	@Test
	void getReturnsAvailableAndReservedUnits() {
		given(this.stock.findBySku("TRL-MUG-001")).willReturn(Optional.of(new Stock("TRL-MUG-001", 95, 5)));
		MvcTestResult result = this.mvc.get().uri("/stock/TRL-MUG-001").with(scope("inventory.read")).exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"sku": "TRL-MUG-001", "available": 95, "reserved": 5}
				""");
	}

	@Test
	void getUnknownSkuIsNotFoundProblemNamingTheSku() {
		given(this.stock.findBySku("TRL-MUG-999")).willReturn(Optional.empty());
		MvcTestResult result = this.mvc.get().uri("/stock/TRL-MUG-999").with(scope("inventory.read")).exchange();
		assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"status": 404, "title": "Not Found", "detail": "No stock of SKU 'TRL-MUG-999'.",
				 "instance": "/stock/TRL-MUG-999"}
				""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "trl-mug-001", "TRL-MUG-1", "MUG" })
	void getMalformedSkuIsBadRequestProblemNamingTheParameter(String sku) {
		MvcTestResult result = this.mvc.get().uri("/stock/{sku}", sku).with(scope("inventory.read")).exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"status": 400, "title": "Bad Request",
				 "detail": "Invalid request: 'sku' must be a SKU such as TRL-MUG-001.",
				 "errors": [{"parameter": "sku", "message": "must be a SKU such as TRL-MUG-001"}]}
				""");
		then(this.stock).shouldHaveNoInteractions();
	}

	@Test
	void listReturnsStockOfTheKnownSkus() {
		given(this.stock.findBySkus(List.of("TRL-MUG-001", "TRL-MUG-999", "TRL-TEE-001")))
			.willReturn(List.of(new Stock("TRL-MUG-001", 95, 5), new Stock("TRL-TEE-001", 100, 0)));
		MvcTestResult result = this.mvc.get()
			.uri("/stock?skus=TRL-MUG-001,TRL-MUG-999,TRL-TEE-001")
			.with(scope("inventory.read"))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				[{"sku": "TRL-MUG-001", "available": 95, "reserved": 5},
				 {"sku": "TRL-TEE-001", "available": 100, "reserved": 0}]
				""");
	}

	@Test
	void listWithoutSkusIsBadRequestProblemNamingTheParameter() {
		MvcTestResult result = this.mvc.get().uri("/stock").with(scope("inventory.read")).exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"status": 400, "detail": "Invalid request: 'skus' is required.",
				 "errors": [{"parameter": "skus", "message": "is required"}]}
				""");
		then(this.stock).shouldHaveNoInteractions();
	}

	@ParameterizedTest
	@ValueSource(strings = { "skus=", "skus=TRL-MUG-001,mug" })
	void listWithEmptyOrMalformedSkusIsBadRequestProblemNamingTheParameter(String query) {
		MvcTestResult result = this.mvc.get().uri("/stock?" + query).with(scope("inventory.read")).exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].parameter").isEqualTo("skus");
		then(this.stock).shouldHaveNoInteractions();
	}

	@Test
	void putSetsAvailableUnitsAndReturnsTheStock() {
		given(this.stock.setAvailable("TRL-MUG-001", 10)).willReturn(new Stock("TRL-MUG-001", 10, 5));
		MvcTestResult result = this.mvc.put()
			.uri("/stock/TRL-MUG-001")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"available\": 10}")
			.with(scope("inventory.write"))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"sku": "TRL-MUG-001", "available": 10, "reserved": 5}
				""");
	}

	@Test
	void putNegativeAvailableIsBadRequestProblemNamingTheField() {
		MvcTestResult result = put("{\"available\": -1}");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"status": 400, "title": "Bad Request", "instance": "/stock/TRL-MUG-001",
				 "detail": "Invalid request: 'available' must be greater than or equal to 0.",
				 "errors": [{"field": "available", "message": "must be greater than or equal to 0"}]}
				""");
		then(this.stock).shouldHaveNoInteractions();
	}

	@Test
	void putWithoutAvailableIsBadRequestProblemNamingTheField() {
		MvcTestResult result = put("{}");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"errors": [{"field": "available", "message": "must not be null"}]}
				""");
	}

	@Test
	void putNonNumericAvailableIsBadRequestProblemNamingTheField() {
		MvcTestResult result = put("{\"available\": \"ten\"}");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"errors": [{"field": "available", "message": "must be a whole number"}]}
				""");
	}

	@Test
	void putMalformedJsonIsBadRequestProblem() {
		MvcTestResult result = put("{\"available\": ");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The request body is missing or is not valid JSON.");
		then(this.stock).shouldHaveNoInteractions();
	}

	@Test
	void getWithoutTokenIsUnauthorizedProblem() {
		MvcTestResult result = this.mvc.get().uri("/stock/TRL-MUG-001").exchange();
		assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).headers()
			.hasHeaderSatisfying("WWW-Authenticate", (values) -> assertThat(values.get(0)).startsWith("Bearer"));
		then(this.stock).shouldHaveNoInteractions();
	}

	@Test
	void getWithoutInventoryReadIsForbiddenProblem() {
		MvcTestResult result = this.mvc.get().uri("/stock/TRL-MUG-001").with(scope("inventory.reserve")).exchange();
		assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(403);
		then(this.stock).shouldHaveNoInteractions();
	}

	@Test
	void putWithOnlyInventoryReadIsForbiddenProblem() {
		MvcTestResult result = this.mvc.put()
			.uri("/stock/TRL-MUG-001")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"available\": 10}")
			.with(scope("inventory.read"))
			.exchange();
		assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.stock).shouldHaveNoInteractions();
	}

	private MvcTestResult put(String body) {
		return this.mvc.put()
			.uri("/stock/TRL-MUG-001")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(scope("inventory.write"))
			.exchange();
	}

	private static RequestPostProcessor scope(String scope) {
		return jwt().authorities(new SimpleGrantedAuthority("SCOPE_" + scope));
	}

}
