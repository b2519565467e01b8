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

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Units of stock held for one order, all lines or none.
 * <p>
 * A released reservation without lines is a tombstone: the order was cancelled before
 * anything was reserved for it, and no reservation of it may take stock any more.
 *
 * @param orderId the order, at most one reservation each
 * @param status whether the units are still held
 * @param lines the lines as the client sent them, in their order; empty only for a
 * tombstone
 * @author Trellis
 */
public record Reservation(UUID orderId, ReservationStatus status, List<ReservationLine> lines) {

	public Reservation {
		Objects.requireNonNull(orderId, "orderId must not be null");
		Objects.requireNonNull(status, "status must not be null");
		lines = List.copyOf(lines);
		if (lines.isEmpty() && status == ReservationStatus.RESERVED) {
			throw new IllegalArgumentException("lines of a held reservation must not be empty");
		}
	}

	/**
	 * Whether this is the tombstone of an order cancelled before it was reserved.
	 * @return {@code true} if the reservation is released and never held any units
	 */
	public boolean isTombstone() {
		return this.status == ReservationStatus.RELEASED && this.lines.isEmpty();
	}

	/**
	 * Whether the given lines ask for what this reservation holds: the same quantity of
	 * the same SKUs, whatever the order of the lines or how a SKU's quantity is split
	 * among them. A client repeating a request may rebuild its lines in another order.
	 * @param others the lines of another request for the same order
	 * @return {@code true} if the request is a repeat of this reservation's
	 */
	public boolean hasSameQuantitiesAs(List<ReservationLine> others) {
		return ReservationLine.totalsBySku(this.lines).equals(ReservationLine.totalsBySku(others));
	}

}
