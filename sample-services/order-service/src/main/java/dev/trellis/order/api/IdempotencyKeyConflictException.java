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

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when an {@code Idempotency-Key} the caller used before comes with another
 * request body; rendered as a 409 problem.
 *
 * @author Trellis
 */
class IdempotencyKeyConflictException extends ErrorResponseException {

	IdempotencyKeyConflictException(String idempotencyKey) {
		super(HttpStatus.CONFLICT, problem(idempotencyKey), null);
	}

	private static ProblemDetail problem(String idempotencyKey) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Idempotency-Key '" + idempotencyKey + "' was used for another order; use a new key for a new order.");
		problem.setTitle("Idempotency key reused");
		return problem;
	}

}
