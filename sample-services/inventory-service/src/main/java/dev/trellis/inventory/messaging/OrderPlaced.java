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
package dev.trellis.inventory.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.trellis.inventory.domain.ReservationLine;
import org.jspecify.annotations.Nullable;

/**
 * Data of the {@value #TYPE} event of {@code order-events}: order-service accepted an
 * order as pending and asks for its stock to be reserved. The components are {@code null}
 * only in an event that lacks them, which {@link #requiredOrderId()} and
 * {@link #reservationLines()} refuse.
 *
 * @param orderId the order
 * @param customer who placed it (not used by the inventory)
 * @param lines what to reserve
 * @author Trellis
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderPlaced(@Nullable UUID orderId, @Nullable String customer, @Nullable List<@Nullable Line> lines) {

	/**
	 * CloudEvents type of the event.
	 */
	public static final String TYPE = "dev.trellis.order.placed.v1";

	/**
	 * The order of a valid event.
	 * @return the order id
	 * @throws InvalidEventException if the event has none
	 */
	UUID requiredOrderId() {
		if (this.orderId == null) {
			throw new InvalidEventException(TYPE + " event has no orderId");
		}
		return this.orderId;
	}

	/**
	 * The lines of a valid event.
	 * @return the lines to reserve, in their order
	 * @throws InvalidEventException if the event has no lines, or a line lacks its SKU or
	 * a positive quantity
	 */
	List<ReservationLine> reservationLines() {
		if (this.lines == null || this.lines.isEmpty()) {
			throw new InvalidEventException(TYPE + " event of order " + this.orderId + " has no lines");
		}
		List<ReservationLine> reservationLines = new ArrayList<>();
		for (int i = 0; i < this.lines.size(); i++) {
			Line line = this.lines.get(i);
			if (line == null || line.sku() == null || line.sku().isBlank()) {
				throw new InvalidEventException(
						TYPE + " event of order " + this.orderId + ": lines[" + i + "] has no sku");
			}
			if (line.quantity() == null || line.quantity() <= 0) {
				throw new InvalidEventException(
						TYPE + " event of order " + this.orderId + ": lines[" + i + "] has no positive quantity");
			}
			reservationLines.add(new ReservationLine(line.sku(), line.quantity()));
		}
		return reservationLines;
	}

	/**
	 * One line of an order.
	 *
	 * @param sku the SKU ordered
	 * @param quantity units ordered
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Line(@Nullable String sku, @Nullable Integer quantity) {

	}

}
