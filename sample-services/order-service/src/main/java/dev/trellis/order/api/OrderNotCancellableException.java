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

import dev.trellis.order.domain.Order;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a customer cancels an order that cannot be cancelled any more (it was
 * rejected); rendered as a 409 problem naming the order's status.
 *
 * @author Trellis
 */
class OrderNotCancellableException extends ErrorResponseException {

	OrderNotCancellableException(Order order) {
		super(HttpStatus.CONFLICT, problem(order), null);
	}

	private static ProblemDetail problem(Order order) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Order " + order.id() + " is "
				+ order.status() + "; only a pending or confirmed order can be cancelled.");
		problem.setTitle("Order not cancellable");
		problem.setProperty("orderStatus", order.status().name());
		return problem;
	}

}
