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

import java.util.List;
import java.util.UUID;

import dev.trellis.inventory.domain.Reservation;
import dev.trellis.inventory.domain.ReservationStatus;

/**
 * A reservation as the API shows it.
 *
 * @param orderId the order it is for
 * @param status {@code RESERVED} while it holds its units, {@code RELEASED} after
 * @param lines its lines, in the order they were sent
 * @author Trellis
 */
public record ReservationResponse(UUID orderId, ReservationStatus status, List<Line> lines) {

	static ReservationResponse from(Reservation reservation) {
		return new ReservationResponse(reservation.orderId(), reservation.status(),
				reservation.lines().stream().map((line) -> new Line(line.sku(), line.quantity())).toList());
	}

	/**
	 * One line of a reservation.
	 *
	 * @param sku the SKU
	 * @param quantity units held
	 */
	public record Line(String sku, int quantity) {

	}

}
