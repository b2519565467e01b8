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

import java.util.List;

import dev.trellis.inventory.domain.Stock;
import dev.trellis.test.postgres.AutoConfigureEmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link StockRepository} and the Flyway migrations behind it, on a real
 * PostgreSQL.
 *
 * @author Trellis
 */
@JdbcTest(properties = "spring.flyway.locations=classpath:db/migration,classpath:db/demo")
@AutoConfigureEmbeddedPostgres
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import(StockRepository.class)
class StockRepositoryTests {

	@Autowired
	private StockRepository stock;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void demoStockHasOneHundredOfEveryDemoSku() {
		List<Stock> all = this.jdbc.sql("SELECT sku, available, reserved FROM stock ORDER BY sku")
			.query(StockRepository::stock)
			.list();
		assertThat(all).extracting(Stock::sku)
			.containsExactly("TRL-BAG-001", "TRL-BTL-001", "TRL-CAP-001", "TRL-HOD-001", "TRL-MUG-001", "TRL-MUG-002",
					"TRL-NBK-001", "TRL-PEN-001", "TRL-SCK-001", "TRL-STK-001", "TRL-TEE-001", "TRL-TEE-002");
		assertThat(all).allSatisfy((stock) -> assertThat(stock).isEqualTo(new Stock(stock.sku(), 100, 0)));
	}

	@Test
	void findBySkuReturnsStock() {
		assertThat(this.stock.findBySku("TRL-MUG-001")).hasValue(new Stock("TRL-MUG-001", 100, 0));
	}

	@Test
	void findBySkuOfUnknownSkuIsEmpty() {
		assertThat(this.stock.findBySku("TRL-MUG-999")).isEmpty();
	}

	@Test
	void findBySkusReturnsKnownSkusOnceInTheOrderAsked() {
		assertThat(this.stock.findBySkus(List.of("TRL-TEE-001", "TRL-MUG-999", "TRL-BAG-001", "TRL-TEE-001")))
			.extracting(Stock::sku)
			.containsExactly("TRL-TEE-001", "TRL-BAG-001");
	}

	@Test
	void setAvailableCreatesStockOfNewSku() {
		assertThat(this.stock.setAvailable("TRL-MUG-003", 7)).isEqualTo(new Stock("TRL-MUG-003", 7, 0));
		assertThat(this.stock.findBySku("TRL-MUG-003")).hasValue(new Stock("TRL-MUG-003", 7, 0));
	}

	@Test
	void setAvailableReplacesAvailableUnitsAndKeepsReservedOnes() {
		this.jdbc.sql("UPDATE stock SET reserved = 5 WHERE sku = 'TRL-MUG-001'").update();
		assertThat(this.stock.setAvailable("TRL-MUG-001", 0)).isEqualTo(new Stock("TRL-MUG-001", 0, 5));
	}

	@Test
	void negativeAvailableIsRejectedByTheDatabase() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.sql("UPDATE stock SET available = -1 WHERE sku = 'TRL-MUG-001'").update())
			.withMessageContaining("stock_available_not_negative");
	}

	@Test
	void malformedSkuIsRejectedByTheDatabase() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.stock.setAvailable("trl-mug-003", 1))
			.withMessageContaining("stock_sku_format");
	}

}
