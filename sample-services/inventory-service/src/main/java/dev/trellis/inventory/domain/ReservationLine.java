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

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One line of a {@link Reservation}: a quantity of a SKU.
 *
 * @param sku stock keeping unit
 * @param quantity units to hold, at least one
 * @author Trellis
 */
public record ReservationLine(String sku, int quantity) {

	public ReservationLine {
		Objects.requireNonNull(sku, "sku must not be null");
		if (quantity <= 0) {
			throw new IllegalArgumentException("quantity must be positive");
		}
	}

	/**
	 * Total quantity per SKU of the given lines, sorted by SKU. A SKU on several lines
	 * counts once, with the sum of their quantities. Sorted, so that every transaction
	 * locks the stock rows of the SKUs in the same order and two reservations sharing
	 * SKUs never deadlock.
	 * @param lines the lines
	 * @return quantity per SKU
	 */
	public static SortedMap<String, Integer> totalsBySku(Collection<ReservationLine> lines) {
		SortedMap<String, Integer> totals = new TreeMap<>();
		for (ReservationLine line : lines) {
			totals.merge(line.sku(), line.quantity(), Math::addExact);
		}
		return Collections.unmodifiableSortedMap(totals);
	}

}
