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
package dev.trellis.catalog.api;

import java.math.BigDecimal;

import dev.trellis.catalog.domain.Product;

/**
 * A product as the API shows it.
 *
 * @param sku stock keeping unit, such as {@code TRL-MUG-001}
 * @param name display name
 * @param description description for the shop page
 * @param price unit price as a JSON number with two decimals
 * @param currency ISO 4217 code of the price's currency
 * @author Trellis
 */
public record ProductResponse(String sku, String name, String description, BigDecimal price, String currency) {

	static ProductResponse from(Product product) {
		return new ProductResponse(product.sku(), product.name(), product.description(), product.price(),
				product.currency());
	}

}
