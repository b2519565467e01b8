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
package dev.trellis.order.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import dev.trellis.order.domain.Price;
import dev.trellis.order.domain.PriceSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The last price the catalog gave for each SKU: what orders are priced with while the
 * catalog is unavailable.
 *
 * @author Trellis
 */
@Repository
public class LastKnownPriceRepository {

	private final JdbcClient jdbc;

	public LastKnownPriceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Remember a price just read from the catalog.
	 * @param sku the SKU
	 * @param price its price
	 * @param currency the price's currency
	 */
	public void save(String sku, BigDecimal price, String currency) {
		this.jdbc.sql("""
				INSERT INTO last_known_prices (sku, price, currency, seen_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (sku) DO UPDATE SET price = EXCLUDED.price, currency = EXCLUDED.currency,
				    seen_at = EXCLUDED.seen_at
				""").params(sku, price, currency, Timestamp.from(Instant.now())).update();
	}

	/**
	 * The last price the catalog gave for a SKU.
	 * @param sku the SKU
	 * @return the price, marked {@link PriceSource#LAST_KNOWN}, if the catalog gave one
	 */
	public Optional<Price> find(String sku) {
		return this.jdbc.sql("SELECT price, currency FROM last_known_prices WHERE sku = ?")
			.param(sku)
			.query((rs, row) -> new Price(sku, rs.getBigDecimal("price"), rs.getString("currency"),
					PriceSource.LAST_KNOWN))
			.optional();
	}

}
