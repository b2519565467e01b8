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
package dev.trellis.order.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.trellis.order.domain.Order;
import dev.trellis.order.domain.OrderLine;
import dev.trellis.order.domain.OrderStatus;
import dev.trellis.order.domain.PriceSource;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it.
 *
 * @param id identifier
 * @param status {@code CONFIRMED}, {@code PENDING}, {@code REJECTED} or {@code CANCELLED}
 * @param customer subject of the token that placed it
 * @param lines its lines with their prices
 * @param total sum of the lines' prices
 * @param currency ISO 4217 code of the prices' currency
 * @param reason why it is rejected, pending or cancelled; {@code null} when confirmed
 * @param createdAt when it was placed
 * @author Trellis
 */
public record OrderResponse(UUID id, OrderStatus status, String customer, List<LineResponse> lines, BigDecimal total,
		String currency, @Nullable String reason, Instant createdAt) {

	static OrderResponse from(Order order) {
		return new OrderResponse(order.id(), order.status(), order.customer(),
				order.lines().stream().map(LineResponse::from).toList(), order.total(), order.currency(),
				order.reason(), order.createdAt());
	}

	/**
	 * One priced line.
	 *
	 * @param sku stock keeping unit
	 * @param quantity number of items
	 * @param unitPrice price of one item
	 * @param priceSource {@code LIVE} or {@code LAST_KNOWN}
	 */
	public record LineResponse(String sku, int quantity, BigDecimal unitPrice, PriceSource priceSource) {

		static LineResponse from(OrderLine line) {
			return new LineResponse(line.sku(), line.quantity(), line.unitPrice(), line.priceSource());
		}

	}

}
