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
package dev.trellis.inventory.domain;

import java.util.UUID;

/**
 * Thrown when an order that already has a reservation asks for another one with other
 * lines; the existing reservation is left as it is.
 *
 * @author Trellis
 */
public class ReservationConflictException extends RuntimeException {

	private final Reservation existing;

	/**
	 * Create a new exception.
	 * @param existing the order's reservation
	 */
	public ReservationConflictException(Reservation existing) {
		super(existing.isTombstone() ? "Order " + existing.orderId() + " was cancelled before it was reserved"
				: "Order " + existing.orderId() + " already has a reservation with other lines");
		this.existing = existing;
	}

	/**
	 * The order whose reservation was asked for again.
	 * @return the order id
	 */
	public UUID getOrderId() {
		return this.existing.orderId();
	}

	/**
	 * The order's existing reservation.
	 * @return the reservation
	 */
	public Reservation getExisting() {
		return this.existing;
	}

}
