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
package dev.trellis.catalog.persistence;

import java.math.BigDecimal;
import java.util.List;

import dev.trellis.catalog.domain.Product;
import dev.trellis.test.postgres.AutoConfigureEmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ProductRepository} and the Flyway migrations behind it, on a real
 * PostgreSQL.
 *
 * @author Trellis
 */
@DataJdbcTest(properties = "spring.flyway.locations=classpath:db/migration,classpath:db/demo")
@AutoConfigureEmbeddedPostgres
@AutoConfigureTestDatabase(replace = Replace.NONE)
class ProductRepositoryTests {

	@Autowired
	private ProductRepository products;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void demoCatalogIsSeeded() {
		assertThat(this.products.count()).isEqualTo(12);
		assertThat(this.products.findAll()).allSatisfy((product) -> {
			assertThat(product.sku()).matches(Product.SKU_PATTERN);
			assertThat(product.price()).isPositive();
			assertThat(product.currency()).isEqualTo("EUR");
		});
	}

	@Test
	void findAllReturnsRequestedPageSortedBySku() {
		Page<Product> page = this.products.findAll(PageRequest.of(1, 5, Sort.by("sku")));
		assertThat(page.getTotalElements()).isEqualTo(12);
		assertThat(page.getTotalPages()).isEqualTo(3);
		assertThat(page.getContent()).extracting(Product::sku)
			.containsExactly("TRL-MUG-002", "TRL-NBK-001", "TRL-PEN-001", "TRL-SCK-001", "TRL-STK-001");
	}

	@Test
	void sortingBySkuFollowsStringOrder() {
		List<String> skus = this.products.findAll(Sort.by("sku")).stream().map(Product::sku).toList();
		assertThat(skus).isSorted();
	}

	@Test
	void findByIdReturnsProductWithExactPrice() {
		assertThat(this.products.findById("TRL-MUG-001")).hasValue(new Product("TRL-MUG-001", "Trellis Mug",
				"Stoneware mug, 350 ml, dishwasher safe.", new BigDecimal("12.50"), "EUR"));
	}

	@Test
	void findByIdOfUnknownSkuIsEmpty() {
		assertThat(this.products.findById("TRL-MUG-999")).isEmpty();
	}

	@Test
	void malformedSkuIsRejectedByTheDatabase() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insert("trl-mug-003", new BigDecimal("1.00"), "EUR"))
			.withMessageContaining("products_sku_format");
	}

	@Test
	void negativePriceIsRejectedByTheDatabase() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insert("TRL-MUG-003", new BigDecimal("-0.01"), "EUR"))
			.withMessageContaining("products_price_not_negative");
	}

	@Test
	void malformedCurrencyIsRejectedByTheDatabase() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insert("TRL-MUG-003", new BigDecimal("1.00"), "eur"))
			.withMessageContaining("products_currency_format");
	}

	private void insert(String sku, BigDecimal price, String currency) {
		this.jdbc.sql("INSERT INTO products (sku, name, description, price, currency) VALUES (?, 'Test', 'Test', ?, ?)")
			.params(sku, price, currency)
			.update();
	}

}
