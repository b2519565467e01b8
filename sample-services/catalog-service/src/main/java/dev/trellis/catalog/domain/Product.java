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
package dev.trellis.catalog.domain;

import java.math.BigDecimal;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A product of the catalog, identified by its stock keeping unit.
 *
 * @param sku stock keeping unit, matching {@link #SKU_PATTERN}, such as
 * {@code TRL-MUG-001}
 * @param name display name
 * @param description description for the shop page
 * @param price unit price, never negative, with two decimals
 * @param currency ISO 4217 code of the price's currency, such as {@code EUR}
 * @author Trellis
 */
@Table("products")
public record Product(@Id String sku, String name, String description, BigDecimal price, String currency) {

	/**
	 * Format of a SKU: brand, product family and a three-digit number, such as
	 * {@code TRL-MUG-001}. The {@code products} table checks the same format.
	 */
	public static final String SKU_PATTERN = "^[A-Z]{3}-[A-Z]{3}-[0-9]{3}$";

	public Product {
		Objects.requireNonNull(sku, "sku must not be null");
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(description, "description must not be null");
		Objects.requireNonNull(price, "price must not be null");
		Objects.requireNonNull(currency, "currency must not be null");
	}

}
