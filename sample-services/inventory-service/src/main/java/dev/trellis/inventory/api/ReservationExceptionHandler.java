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

import java.net.URI;

import dev.trellis.inventory.domain.InsufficientStockException;
import dev.trellis.inventory.domain.ReservationConflictException;
import dev.trellis.inventory.domain.UnknownSkuException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Exception handler that answers a reservation the inventory refuses with a problem whose
 * {@code type} tells the client why, so that it can act on it without parsing the detail:
 * {@value #INSUFFICIENT_STOCK} (409), {@value #RESERVATION_CONFLICT} (409) or
 * {@value #UNKNOWN_SKU} (422). The first and last list the SKUs concerned in a
 * {@code skus} property.
 *
 * @author Trellis
 */
@RestControllerAdvice(assignableTypes = ReservationResource.class)
class ReservationExceptionHandler {

	/**
	 * Type of the problem for a reservation of more units than are available.
	 */
	static final String INSUFFICIENT_STOCK = "https://trellis.dev/problems/insufficient-stock";

	/**
	 * Type of the problem for a second reservation of other lines for the same order, or
	 * for an order cancelled before it was reserved.
	 */
	static final String RESERVATION_CONFLICT = "https://trellis.dev/problems/reservation-conflict";

	/**
	 * Type of the problem for a reservation of a SKU the inventory does not know.
	 */
	static final String UNKNOWN_SKU = "https://trellis.dev/problems/unknown-sku";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleInsufficientStock(InsufficientStockException ex, HttpServletRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, INSUFFICIENT_STOCK, "Insufficient Stock",
				"Not enough stock to reserve " + String.join(", ", ex.getSkus()) + "; nothing was reserved.", request);
		problem.setProperty("skus", ex.getSkus());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleReservationConflict(ReservationConflictException ex,
			HttpServletRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, RESERVATION_CONFLICT, "Reservation Conflict",
				ex.getMessage() + ".", request);
		problem.setProperty("orderId", ex.getOrderId());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnknownSku(UnknownSkuException ex, HttpServletRequest request) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, UNKNOWN_SKU, "Unknown SKU",
				"Unknown SKU " + String.join(", ", ex.getSkus().stream().map((sku) -> "'" + sku + "'").toList())
						+ "; nothing was reserved.",
				request);
		problem.setProperty("skus", ex.getSkus());
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(type));
		problem.setTitle(title);
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

}
