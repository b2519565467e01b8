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
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An order placed by a customer.
 *
 * @param id identifier, derived from the customer and the idempotency key the order was
 * placed with
 * @param customer subject of the token that placed the order
 * @param status where the order stands
 * @param lines ordered SKUs with their quantities and prices, in the order the customer
 * gave them
 * @param total sum of the lines' prices
 * @param currency ISO 4217 code of the prices' currency
 * @param reason why the order is rejected, pending or cancelled; {@code null} when
 * confirmed
 * @param createdAt when the order was placed
 * @author Trellis
 */
@Table("orders")
public record Order(@Id UUID id, String customer, OrderStatus status,
		@MappedCollection(idColumn = "order_id", keyColumn = "line_no") List<OrderLine> lines, BigDecimal total,
		String currency, @Nullable String reason, Instant createdAt) {

	public Order {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(customer, "customer must not be null");
		Objects.requireNonNull(status, "status must not be null");
		lines = List.copyOf(lines);
		Objects.requireNonNull(total, "total must not be null");
		Objects.requireNonNull(currency, "currency must not be null");
		Objects.requireNonNull(createdAt, "createdAt must not be null");
	}

}
