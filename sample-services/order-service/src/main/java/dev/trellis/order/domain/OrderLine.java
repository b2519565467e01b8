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
package dev.trellis.order.domain;

import java.math.BigDecimal;
import java.util.Objects;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of an {@link Order}.
 *
 * @param sku stock keeping unit, such as {@code TRL-MUG-001}
 * @param quantity number of items, at least one
 * @param unitPrice price of one item
 * @param priceSource where the price came from
 * @author Trellis
 */
@Table("order_lines")
public record OrderLine(String sku, int quantity, BigDecimal unitPrice, PriceSource priceSource) {

	public OrderLine {
		Objects.requireNonNull(sku, "sku must not be null");
		Objects.requireNonNull(unitPrice, "unitPrice must not be null");
		Objects.requireNonNull(priceSource, "priceSource must not be null");
	}

	/**
	 * Price of the line: unit price times quantity.
	 * @return the line's price
	 */
	public BigDecimal price() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
