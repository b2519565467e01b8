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
package dev.trellis.order.client;

import java.math.BigDecimal;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * HTTP service client of catalog-service.
 *
 * @author Trellis
 */
@HttpExchange
interface CatalogClient {

	@GetExchange("/products/{sku}")
	Product product(@PathVariable String sku);

	/**
	 * A product as the catalog shows it; the fields the order service uses.
	 *
	 * @param sku stock keeping unit
	 * @param price unit price
	 * @param currency ISO 4217 code of the price's currency
	 */
	record Product(String sku, BigDecimal price, String currency) {

	}

}
