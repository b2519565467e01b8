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
package dev.trellis.inventory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.trellis.inventory.domain.Stock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Repository of the {@link Stock} of each SKU.
 * <p>
 * Units are taken and returned by {@link ReservationRepository}, in the transaction that
 * records the reservation; this repository reads stock and sets what is available.
 *
 * @author Trellis
 */
@Repository
public class StockRepository {

	private final JdbcClient jdbc;

	public StockRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The stock of a SKU.
	 * @param sku the SKU
	 * @return its stock, or empty if the inventory does not know it
	 */
	public Optional<Stock> findBySku(String sku) {
		return this.jdbc.sql("SELECT sku, available, reserved FROM stock WHERE sku = :sku")
			.param("sku", sku)
			.query(StockRepository::stock)
			.optional();
	}

	/**
	 * The stock of the given SKUs that the inventory knows, in the order they are given,
	 * each once.
	 * @param skus the SKUs
	 * @return their stock, leaving out unknown SKUs
	 */
	public List<Stock> findBySkus(Collection<String> skus) {
		if (skus.isEmpty()) {
			return List.of();
		}
		Map<String, Stock> found = this.jdbc.sql("SELECT sku, available, reserved FROM stock WHERE sku IN (:skus)")
			.param("skus", new LinkedHashSet<>(skus))
			.query(StockRepository::stock)
			.stream()
			.collect(Collectors.toMap(Stock::sku, Function.identity()));
		return new LinkedHashSet<>(skus).stream().filter(found::containsKey).map(found::get).toList();
	}

	/**
	 * Set the units of a SKU that are free to reserve, after a restock or a stock take,
	 * creating its stock record if the SKU is new. Reserved units are left as they are.
	 * @param sku the SKU
	 * @param available units free to reserve, not negative
	 * @return the SKU's stock after the change
	 */
	public Stock setAvailable(String sku, int available) {
		return this.jdbc.sql("""
				INSERT INTO stock (sku, available, reserved) VALUES (:sku, :available, 0)
				ON CONFLICT (sku) DO UPDATE SET available = EXCLUDED.available
				RETURNING sku, available, reserved""")
			.param("sku", sku)
			.param("available", available)
			.query(StockRepository::stock)
			.single();
	}

	static Stock stock(ResultSet rs, int rowNum) throws SQLException {
		return new Stock(rs.getString("sku"), rs.getInt("available"), rs.getInt("reserved"));
	}

}
