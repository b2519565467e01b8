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

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when an order cannot be priced: the catalog cannot be asked and no price of a
 * SKU is known. Rendered as a 503 problem with {@code Retry-After}: the request was fine
 * and may succeed once the catalog is back.
 *
 * @author Trellis
 */
class PricesUnavailableException extends ErrorResponseException {

	/**
	 * Seconds a client is asked to wait: about the time the catalog's circuit breaker
	 * waits before it tries the catalog again.
	 */
	static final String RETRY_AFTER_SECONDS = "5";

	PricesUnavailableException(String sku, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE,
				ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
						"Prices cannot be read from the catalog right now and no price of '" + sku
								+ "' is known; try again shortly."),
				cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
	}

}
