/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.e2e;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog through the gateway, as a client sees it.
 *
 * @author Trellis
 */
@PlatformTest
@Order(2)
class CatalogThroughGatewayIT {

	@Test
	void listsProductsOnePageAtATime(PlatformHttp http) {
		HttpResponse<String> response = http.gateway("/api/catalog/products?page=1&size=5");
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> skus = JsonPath.read(response.body(), "$.content[*].sku");
		assertThat(skus).hasSize(5).isSorted();
		assertThat((Integer) JsonPath.read(response.body(), "$.page.number")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(response.body(), "$.page.totalElements")).isGreaterThanOrEqualTo(12);
	}

	@Test
	void getsOneProductBySku(PlatformHttp http) {
		HttpResponse<String> response = http.gateway("/api/catalog/products/TRL-MUG-001");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.name")).isEqualTo("Trellis Mug");
		assertThat((String) JsonPath.read(response.body(), "$.currency")).isEqualTo("EUR");
		assertThat(response.headers().firstValue(PlatformHttp.INSTANCE_HEADER)).isPresent();
	}

	@Test
	void unknownSkuIsANotFoundProblem(PlatformHttp http) {
		HttpResponse<String> response = http.gateway("/api/catalog/products/TRL-XXX-999");
		assertProblem(response, 404);
		assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("TRL-XXX-999");
	}

	@ParameterizedTest
	@ValueSource(strings = { "page=-1", "size=0", "size=101", "page=abc", "size=ten" })
	void badPagingIsABadRequestProblem(String query, PlatformHttp http) {
		HttpResponse<String> response = http.gateway("/api/catalog/products?" + query);
		assertProblem(response, 400);
		String parameter = query.substring(0, query.indexOf('='));
		assertThat(response.body()).contains(parameter);
	}

	@Test
	void pathWithoutRouteIsANotFoundProblemFromTheGateway(PlatformHttp http) {
		HttpResponse<String> response = http.gateway("/nowhere");
		assertProblem(response, 404);
		assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("No route for /nowhere");
	}

	@Test
	void apiPathWithoutScopeRuleIsForbiddenEvenWithEveryScope(PlatformHttp http) {
		// Secure by default: the gateway does not reveal which /api paths exist.
		assertProblem(http.gateway("/api/nowhere"), 403);
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
		assertThat((String) JsonPath.read(response.body(), "$.title")).isNotBlank();
	}

}
