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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.trellis.order.domain.Order;
import dev.trellis.order.domain.OrderLine;
import dev.trellis.order.domain.OrderStatus;
import dev.trellis.order.domain.PriceSource;
import dev.trellis.test.postgres.AutoConfigureEmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the repositories of the order service and the Flyway migrations behind them,
 * on a real PostgreSQL.
 *
 * @author Trellis
 */
@DataJdbcTest
@AutoConfigureEmbeddedPostgres
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import({ IdempotencyKeyRepository.class, LastKnownPriceRepository.class })
class OrderRepositoryTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

	@Autowired
	private OrderRepository orders;

	@Autowired
	private IdempotencyKeyRepository idempotencyKeys;

	@Autowired
	private LastKnownPriceRepository lastKnownPrices;

	@Autowired
	private JdbcAggregateOperations aggregates;

	@Test
	void orderIsStoredWithItsLinesInOrder() {
		Order order = order("alice", NOW, line("TRL-TEE-001", 1, "22.00"), line("TRL-MUG-001", 2, "12.50"));
		this.aggregates.insert(order);
		assertThat(this.orders.findByIdAndCustomer(order.id(), "alice")).hasValue(order);
	}

	@Test
	void orderOfAnotherCustomerIsNotFound() {
		Order order = this.aggregates.insert(order("alice", NOW, line("TRL-MUG-001", 1, "12.50")));
		assertThat(this.orders.findByIdAndCustomer(order.id(), "bob")).isEmpty();
	}

	@Test
	void customersOrdersArePagedNewestFirst() {
		Order older = this.aggregates.insert(order("alice", NOW.minusSeconds(60), line("TRL-MUG-001", 1, "12.50")));
		Order newer = this.aggregates.insert(order("alice", NOW, line("TRL-MUG-001", 1, "12.50")));
		this.aggregates.insert(order("bob", NOW, line("TRL-MUG-001", 1, "12.50")));
		assertThat(this.orders
			.findByCustomer("alice",
					PageRequest.of(0, 10, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))))
			.map(Order::id)
			.getContent()).containsExactly(newer.id(), older.id());
	}

	@Test
	void idempotencyKeyIsUniquePerCustomer() {
		Order order = this.aggregates.insert(order("alice", NOW, line("TRL-MUG-001", 1, "12.50")));
		Order other = this.aggregates.insert(order("bob", NOW, line("TRL-MUG-001", 1, "12.50")));
		this.idempotencyKeys.insert("alice", "key-1", "a".repeat(64), order.id());
		this.idempotencyKeys.insert("bob", "key-1", "a".repeat(64), other.id());
		assertThat(this.idempotencyKeys.find("alice", "key-1"))
			.hasValue(new IdempotencyKeyRepository.StoredKey("a".repeat(64), order.id()));
		// Last: the failed insert aborts the test's transaction.
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.idempotencyKeys.insert("alice", "key-1", "b".repeat(64), other.id()));
	}

	@Test
	void lastKnownPriceIsTheLatestSaved() {
		this.lastKnownPrices.save("TRL-MUG-001", new BigDecimal("12.50"), "EUR");
		this.lastKnownPrices.save("TRL-MUG-001", new BigDecimal("13.00"), "EUR");
		assertThat(this.lastKnownPrices.find("TRL-MUG-001")).hasValueSatisfying((price) -> {
			assertThat(price.unitPrice()).isEqualByComparingTo("13.00");
			assertThat(price.source()).isEqualTo(PriceSource.LAST_KNOWN);
		});
		assertThat(this.lastKnownPrices.find("TRL-PEN-001")).isEmpty();
	}

	@Test
	void nonPositiveQuantityIsRejectedByTheDatabase() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.aggregates.insert(order("alice", NOW, line("TRL-MUG-001", 0, "12.50"))))
			.withMessageContaining("order_lines_quantity_positive");
	}

	private static Order order(String customer, Instant createdAt, OrderLine... lines) {
		BigDecimal total = List.of(lines).stream().map(OrderLine::price).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Order(UUID.randomUUID(), customer, OrderStatus.CONFIRMED, List.of(lines), total, "EUR", null,
				createdAt);
	}

	private static OrderLine line(String sku, int quantity, String unitPrice) {
		return new OrderLine(sku, quantity, new BigDecimal(unitPrice), PriceSource.LIVE);
	}

}
