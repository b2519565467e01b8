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

package dev.trellis.autoconfigure.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvalidRequestProblemDetailsExceptionHandler}: an invalid request to a
 * controller of a service, in a Spring MVC slice with the platform's auto-configuration.
 *
 * @author Trellis
 */
@WebMvcTest(properties = { "trellis.security.enabled=false", "trellis.config.import.enabled=false",
		"spring.cloud.config.enabled=false", "eureka.client.enabled=false" })
@AutoConfigureMockMvc(addFilters = false)
class InvalidRequestProblemDetailsExceptionHandlerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void invalidPathVariableIsBadRequestProblemNamingTheParameter() {
		MvcTestResult result = this.mvc.get().uri("/products/mug").exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isStrictlyEqualTo("""
				{"title": "Bad Request", "status": 400, "instance": "/products/mug",
				 "detail": "Invalid request: 'sku' must be a SKU such as TRL-MUG-001.",
				 "errors": [{"parameter": "sku", "message": "must be a SKU such as TRL-MUG-001"}]}
				""");
	}

	@Test
	void invalidHeaderIsBadRequestProblemNamingTheHeader() {
		MvcTestResult result = this.mvc.get().uri("/products").header("X-Tenant", " ").exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"detail": "Invalid request: 'X-Tenant' must not be blank.",
				 "errors": [{"header": "X-Tenant", "message": "must not be blank"}]}
				""");
	}

	@Test
	void invalidBodyFieldsAreBadRequestProblemNamingEachField() {
		MvcTestResult result = placeOrder("""
				{"lines": [{"sku": "TRL-MUG-001", "quantity": 0}, {"sku": "TRL-TEE-001", "quantity": -1}]}
				""");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.isLenientlyEqualTo(
					"""
							{"status": 400, "instance": "/orders",
							 "detail": "Invalid request: 'lines[0].quantity' must be greater than 0; 'lines[1].quantity' must be greater than 0.",
							 "errors": [{"field": "lines[0].quantity", "message": "must be greater than 0"},
							            {"field": "lines[1].quantity", "message": "must be greater than 0"}]}
							""");
	}

	@Test
	void unconvertibleQueryParameterIsBadRequestProblemNamingItsType() {
		MvcTestResult result = this.mvc.get().uri("/orders?page=first").exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"detail": "Invalid request: 'page' must be a whole number.",
				 "errors": [{"parameter": "page", "message": "must be a whole number"}]}
				""");
	}

	@Test
	void missingQueryParameterIsBadRequestProblemNamingIt() {
		MvcTestResult result = this.mvc.get().uri("/stock").exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"detail": "Invalid request: 'skus' is required.",
				 "errors": [{"parameter": "skus", "message": "is required"}]}
				""");
	}

	@Test
	void missingHeaderIsBadRequestProblemNamingIt() {
		MvcTestResult result = this.mvc.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lines\": []}")
			.exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"detail": "Invalid request: 'Idempotency-Key' is required.",
				 "errors": [{"header": "Idempotency-Key", "message": "is required"}]}
				""");
	}

	@Test
	void wronglyTypedBodyFieldIsBadRequestProblemNamingItsPath() {
		MvcTestResult result = placeOrder("{\"lines\": [{\"sku\": \"TRL-MUG-001\", \"quantity\": \"two\"}]}");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"detail": "Invalid request: 'lines[0].quantity' must be a whole number.",
				 "errors": [{"field": "lines[0].quantity", "message": "must be a whole number"}]}
				""");
	}

	@Test
	void malformedJsonIsBadRequestProblemSayingSo() {
		MvcTestResult result = placeOrder("{\"lines\": [");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"status": 400, "instance": "/orders", "detail": "The request body is missing or is not valid JSON.",
				 "errors": []}
				""");
	}

	private MvcTestResult placeOrder(String body) {
		return this.mvc.post()
			.uri("/orders")
			.header("Idempotency-Key", "key-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@SpringBootConfiguration
	@Import(ShopController.class)
	static class TestApplication {

	}

	/**
	 * A service's resources. Validation is done by hand so that the tests need no Bean
	 * Validation provider: the handler answers Spring MVC's exceptions, whoever raised
	 * them.
	 */
	@RestController
	static class ShopController {

		@InitBinder("orderRequest")
		void validateOrders(WebDataBinder binder) {
			binder.addValidators(new OrderValidator());
		}

		@GetMapping("/products/{sku}")
		String product(@PathVariable("sku") String sku) {
			throw invalidArgument("product", 0, sku, "must be a SKU such as TRL-MUG-001");
		}

		@GetMapping("/products")
		String products(@RequestHeader("X-Tenant") String tenant) {
			throw invalidArgument("products", 0, tenant, "must not be blank");
		}

		@GetMapping("/orders")
		String orders(@RequestParam(name = "page", defaultValue = "0") int page) {
			return "page " + page;
		}

		@GetMapping("/stock")
		String stock(@RequestParam("skus") List<String> skus) {
			return String.join(",", skus);
		}

		@PostMapping("/orders")
		String place(@RequestHeader("Idempotency-Key") String idempotencyKey,
				@RequestBody @Validated OrderRequest order) {
			return idempotencyKey;
		}

		/**
		 * What Spring MVC's method validation raises for one invalid argument of a method
		 * of this controller.
		 */
		private HandlerMethodValidationException invalidArgument(String methodName, int index, Object value,
				String message) {
			Method method = ReflectionUtils.findMethod(ShopController.class, methodName, String.class);
			assertThat(method).isNotNull();
			ParameterValidationResult result = new ParameterValidationResult(new MethodParameter(method, index), value,
					List.of(new DefaultMessageSourceResolvable(null, null, message)), null, null, null,
					(error, type) -> {
						throw new IllegalArgumentException("No source for " + error);
					});
			return new HandlerMethodValidationException(MethodValidationResult.create(this, method, List.of(result)));
		}

	}

	static class OrderValidator implements Validator {

		@Override
		public boolean supports(Class<?> type) {
			return OrderRequest.class.isAssignableFrom(type);
		}

		@Override
		public void validate(Object target, Errors errors) {
			List<OrderLine> lines = ((OrderRequest) target).getLines();
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).getQuantity() < 1) {
					errors.rejectValue("lines[" + i + "].quantity", "Min", "must be greater than 0");
				}
			}
		}

	}

	static class OrderRequest {

		private List<OrderLine> lines = new ArrayList<>();

		public List<OrderLine> getLines() {
			return this.lines;
		}

		public void setLines(List<OrderLine> lines) {
			this.lines = lines;
		}

	}

	static class OrderLine {

		private String sku = "";

		private int quantity;

		public String getSku() {
			return this.sku;
		}

		public void setSku(String sku) {
			this.sku = sku;
		}

		public int getQuantity() {
			return this.quantity;
		}

		public void setQuantity(int quantity) {
			this.quantity = quantity;
		}

	}

}
