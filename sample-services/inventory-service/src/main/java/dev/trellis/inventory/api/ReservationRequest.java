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
import java.util.Objects;
import java.util.UUID;

import dev.trellis.inventory.domain.ReservationLine;
import dev.trellis.inventory.domain.Stock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of a request to reserve stock for an order. The components are {@code null} only
 * in a request that fails validation.
 * <p>
 * The limits on the number of lines and on a line's quantity keep every sum the inventory
 * makes of them within the database's integer columns.
 *
 * @param orderId the order to reserve for; one reservation per order
 * @param lines what to reserve
 * @author Trellis
 */
public record ReservationRequest(@NotNull @Nullable UUID orderId,
		@NotEmpty @Size(max = MAX_LINES) @Nullable List<@NotNull @Valid Line> lines) {

	/**
	 * Most lines a reservation may have.
	 */
	static final int MAX_LINES = 100;

	/**
	 * Most units a line may ask for.
	 */
	static final int MAX_QUANTITY = 1_000_000;

	/**
	 * The lines of a validated request.
	 * @return the lines, in their order
	 */
	List<ReservationLine> reservationLines() {
		return Objects.requireNonNull(this.lines)
			.stream()
			.map((line) -> new ReservationLine(Objects.requireNonNull(line.sku()),
					Objects.requireNonNull(line.quantity())))
			.toList();
	}

	/**
	 * One line of a reservation request.
	 *
	 * @param sku the SKU to reserve
	 * @param quantity units to reserve
	 */
	public record Line(
			@NotNull @Pattern(regexp = Stock.SKU_PATTERN, message = StockResource.SKU_MESSAGE) @Nullable String sku,
			@NotNull @Positive @Max(MAX_QUANTITY) @Nullable Integer quantity) {

	}

}
