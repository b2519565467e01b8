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
package dev.trellis.catalog.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import dev.trellis.catalog.domain.Product;
import dev.trellis.catalog.persistence.ProductRepository;
import dev.trellis.test.security.AutoConfigureTestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Tests for {@link ProductResource}.
 *
 * @author Trellis
 */
@WebMvcTest(ProductResource.class)
@AutoConfigureTestTokens
class ProductResourceTests {

	private static final Product MUG = new Product("TRL-MUG-001", "Trellis Mug", "Stoneware mug, 350 ml.",
			new BigDecimal("12.50"), "EUR");

	private static final Product TEE = new Product("TRL-TEE-001", "Trellis T-Shirt", "Organic cotton T-shirt.",
			new BigDecimal("22.00"), "EUR");

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ProductRepository products;

	@Test
	void listReturnsContentAndPageMetadata() {
		PageRequest request = PageRequest.of(1, 2, Sort.by("sku"));
		given(this.products.findAll(request)).willReturn(new PageImpl<>(List.of(MUG, TEE), request, 5));
		MvcTestResult result = this.mvc.get().uri("/products?page=1&size=2").with(catalogRead()).exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{
				  "content": [
				    {"sku": "TRL-MUG-001", "name": "Trellis Mug", "description": "Stoneware mug, 350 ml.",
				     "price": 12.50, "currency": "EUR"},
				    {"sku": "TRL-TEE-001"}
				  ],
				  "page": {"size": 2, "number": 1, "totalElements": 5, "totalPages": 3}
				}
				""");
	}

	@Test
	void listWithoutParametersAsksForFirstPageOfTwentySortedBySku() {
		given(this.products.findAll(any(Pageable.class))).willReturn(new PageImpl<>(List.of()));
		assertThat(this.mvc.get().uri("/products").with(catalogRead())).hasStatusOk();
		then(this.products).should().findAll(PageRequest.of(0, 20, Sort.by("sku")));
	}

	@Test
	void getReturnsProductWithPriceAsNumberWithTwoDecimals() {
		given(this.products.findById("TRL-MUG-001")).willReturn(Optional.of(MUG));
		MvcTestResult result = this.mvc.get().uri("/products/TRL-MUG-001").with(catalogRead()).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText().contains("\"price\":12.50");
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"sku": "TRL-MUG-001", "name": "Trellis Mug", "description": "Stoneware mug, 350 ml.",
				 "price": 12.50, "currency": "EUR"}
				""");
	}

	@Test
	void getUnknownSkuIsNotFoundProblemNamingTheSku() {
		given(this.products.findById("TRL-MUG-999")).willReturn(Optional.empty());
		MvcTestResult result = this.mvc.get().uri("/products/TRL-MUG-999").with(catalogRead()).exchange();
		assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"status": 404, "title": "Not Found", "detail": "No product with SKU 'TRL-MUG-999'.",
				 "instance": "/products/TRL-MUG-999"}
				""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "trl-mug-001", "TRL-MUG-1", "MUG" })
	void getMalformedSkuIsBadRequestProblemNamingTheParameter(String sku) {
		MvcTestResult result = this.mvc.get().uri("/products/{sku}", sku).with(catalogRead()).exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"status": 400, "title": "Bad Request",
				 "detail": "Invalid request: 'sku' must be a SKU such as TRL-MUG-001.",
				 "errors": [{"parameter": "sku", "message": "must be a SKU such as TRL-MUG-001"}]}
				""");
		then(this.products).shouldHaveNoInteractions();
	}

	@ParameterizedTest
	@CsvSource({ "page, -1", "page, abc", "page, 99999999999", "size, 0", "size, 101", "size, -5", "size, ten" })
	void badPagingParameterIsBadRequestProblemNamingIt(String parameter, String value) {
		MvcTestResult result = this.mvc.get()
			.uri("/products")
			.queryParam(parameter, value)
			.with(catalogRead())
			.exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(400);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Bad Request");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.startsWith("Invalid request: '" + parameter + "' ");
		assertThat(result).bodyJson().extractingPath("$.errors[0].parameter").isEqualTo(parameter);
		then(this.products).shouldHaveNoInteractions();
	}

	@Test
	void largestAllowedPageSizeIsAccepted() {
		given(this.products.findAll(any(Pageable.class))).willReturn(new PageImpl<>(List.of()));
		assertThat(this.mvc.get().uri("/products?size=100").with(catalogRead())).hasStatusOk();
		then(this.products).should().findAll(PageRequest.of(0, 100, Sort.by("sku")));
	}

	@Test
	void listWithoutTokenIsUnauthorizedProblem() {
		MvcTestResult result = this.mvc.get().uri("/products").exchange();
		assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).headers()
			.hasHeaderSatisfying("WWW-Authenticate", (values) -> assertThat(values.get(0)).startsWith("Bearer"));
		then(this.products).shouldHaveNoInteractions();
	}

	@Test
	void listWithoutCatalogReadScopeIsForbiddenProblem() {
		MvcTestResult result = this.mvc.get().uri("/products").with(scope("orders.read")).exchange();
		assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(403);
		then(this.products).shouldHaveNoInteractions();
	}

	@Test
	void getWithoutCatalogReadScopeIsForbiddenProblem() {
		MvcTestResult result = this.mvc.get().uri("/products/TRL-MUG-001").with(scope("catalog.write")).exchange();
		assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.products).shouldHaveNoInteractions();
	}

	private static RequestPostProcessor catalogRead() {
		return scope("catalog.read");
	}

	private static RequestPostProcessor scope(String scope) {
		return jwt().authorities(new SimpleGrantedAuthority("SCOPE_" + scope));
	}

}
