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
package dev.trellis.order.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when the catalog has no product for SKUs of an order; rendered as a 422 problem
 * naming each line's {@code sku} field.
 *
 * @author Trellis
 */
class UnknownSkuException extends ErrorResponseException {

	UnknownSkuException(List<OrderRequest.Line> lines, List<String> unknownSkus, Throwable cause) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(lines, unknownSkus), cause);
	}

	private static ProblemDetail problem(List<OrderRequest.Line> lines, List<String> unknownSkus) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (unknownSkus.contains(lines.get(i).sku())) {
				errors.add(Map.of("field", "lines[" + i + "].sku", "message",
						"no product with SKU '" + lines.get(i).sku() + "'"));
			}
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				errors.stream()
					.map((error) -> "'" + error.get("field") + "' " + error.get("message"))
					.collect(Collectors.joining("; ", "Unknown product: ", ".")));
		problem.setProperty("errors", errors);
		return problem;
	}

}
