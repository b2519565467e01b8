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

import java.util.Objects;

/**
 * Stock of one SKU.
 *
 * @param sku stock keeping unit, matching {@link #SKU_PATTERN}, such as
 * {@code TRL-MUG-001}
 * @param available units free to reserve, never negative
 * @param reserved units held by reservations that have not been released, never negative
 * @author Trellis
 */
public record Stock(String sku, int available, int reserved) {

	/**
	 * Format of a SKU: brand, product family and a three-digit number, such as
	 * {@code TRL-MUG-001}; the catalog's format. The {@code stock} table checks the same
	 * format.
	 */
	public static final String SKU_PATTERN = "^[A-Z]{3}-[A-Z]{3}-[0-9]{3}$";

	public Stock {
		Objects.requireNonNull(sku, "sku must not be null");
		if (available < 0) {
			throw new IllegalArgumentException("available must not be negative");
		}
		if (reserved < 0) {
			throw new IllegalArgumentException("reserved must not be negative");
		}
	}

}
