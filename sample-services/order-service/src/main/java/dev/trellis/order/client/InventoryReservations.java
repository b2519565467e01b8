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
package dev.trellis.order.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import dev.trellis.autoconfigure.resilience.DownstreamCalls;
import dev.trellis.order.domain.OrderLine;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Reservations of the stock of orders with inventory-service, through the inventory's
 * time limit, bulkhead and circuit breaker.
 * <p>
 * The inventory's answer "insufficient stock" (409) is a business answer, not a failure:
 * it rejects the order and does not count against the breaker. Anything that keeps the
 * inventory from answering (down, too slow, breaker open, too many calls in progress)
 * leaves the reservation to be settled later.
 *
 * @author Trellis
 */
@Component
public class InventoryReservations {

	/**
	 * Name of the inventory in discovery, and of its circuit breaker.
	 */
	public static final String INVENTORY_SERVICE = "inventory-service";

	private static final Log logger = LogFactory.getLog(InventoryReservations.class);

	private final InventoryClient inventory;

	private final DownstreamCalls downstreamCalls;

	InventoryReservations(InventoryClient inventory, DownstreamCalls downstreamCalls) {
		this.inventory = inventory;
		this.downstreamCalls = downstreamCalls;
	}

	/**
	 * Reserve the stock of an order.
	 * @param orderId the order
	 * @param lines its lines
	 * @return what the inventory answered, or why it could not
	 */
	public Outcome reserve(UUID orderId, List<OrderLine> lines) {
		InventoryClient.ReservationRequest request = new InventoryClient.ReservationRequest(orderId,
				lines.stream().map((line) -> new InventoryClient.Line(line.sku(), line.quantity())).toList());
		return this.downstreamCalls.call(INVENTORY_SERVICE, () -> {
			this.inventory.reserve(request);
			return new Outcome.Reserved();
		}, (failure) -> answer(orderId, failure));
	}

	private Outcome answer(UUID orderId, Throwable failure) {
		if (failure instanceof HttpClientErrorException clientError) {
			if (clientError.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)) {
				Map<?, ?> problem = problem(clientError);
				Object type = problem.get("type");
				if (type != null && type.toString().endsWith("insufficient-stock")) {
					Object skus = problem.get("skus");
					return new Outcome.InsufficientStock(
							(skus instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of());
				}
				return new Outcome.Conflict();
			}
			if (clientError.getStatusCode().value() == 422) {
				return new Outcome.Refused("the inventory does not stock some of its SKUs");
			}
		}
		logger.warn("Inventory unavailable for order " + orderId + ", order kept pending: " + failure);
		return new Outcome.Unavailable(reason(failure));
	}

	private static Map<?, ?> problem(HttpClientErrorException clientError) {
		try {
			Map<?, ?> problem = clientError.getResponseBodyAs(Map.class);
			return (problem != null) ? problem : Map.of();
		}
		catch (RuntimeException ex) {
			return Map.of();
		}
	}

	private static String reason(Throwable failure) {
		if (failure instanceof TimeoutException) {
			return "the inventory did not answer in time";
		}
		if (failure instanceof CallNotPermittedException) {
			return "the inventory is failing; calls to it are paused";
		}
		if (failure instanceof BulkheadFullException) {
			return "too many calls to the inventory in progress";
		}
		return "the inventory is unavailable";
	}

	/**
	 * What came of a reservation.
	 */
	public sealed interface Outcome {

		/**
		 * Every line is reserved.
		 */
		record Reserved() implements Outcome {

		}

		/**
		 * Some lines are not in stock; nothing is reserved.
		 *
		 * @param skus the SKUs short of stock
		 */
		record InsufficientStock(List<String> skus) implements Outcome {

		}

		/**
		 * The inventory refused the reservation for another reason.
		 *
		 * @param reason why
		 */
		record Refused(String reason) implements Outcome {

		}

		/**
		 * The inventory holds a reservation of the same order with other lines: the
		 * order's idempotency key was used for another request at the same time.
		 */
		record Conflict() implements Outcome {

		}

		/**
		 * The inventory could not be asked.
		 *
		 * @param reason why
		 */
		record Unavailable(String reason) implements Outcome {

		}

	}

}
