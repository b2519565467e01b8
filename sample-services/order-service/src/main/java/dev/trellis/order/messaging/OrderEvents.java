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
package dev.trellis.order.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.trellis.autoconfigure.messaging.Outbox;
import dev.trellis.order.domain.Order;

import org.springframework.stereotype.Component;

/**
 * Appends the events of the orders to the outbox, in the transaction that changed the
 * order: an order's event is published if and only if its change commits. Every event of
 * an order has the order id as its key and subject, so that consumers see one order's
 * events in the order they happened.
 *
 * @author Trellis
 */
@Component
public class OrderEvents {

	/**
	 * Topic of the order events.
	 */
	public static final String TOPIC = "order-events";

	static final String PLACED = "dev.trellis.order.placed.v1";

	static final String CONFIRMED = "dev.trellis.order.confirmed.v1";

	static final String REJECTED = "dev.trellis.order.rejected.v1";

	static final String CANCELLED = "dev.trellis.order.cancelled.v1";

	private final Outbox outbox;

	OrderEvents(Outbox outbox) {
		this.outbox = outbox;
	}

	/**
	 * Append the event that announces the order's current status: {@code order.placed}
	 * for a pending order (the inventory reserves its stock from it), and
	 * {@code order.confirmed}, {@code order.rejected} or {@code order.cancelled}
	 * otherwise. Must run in the transaction that stored the status.
	 * @param order the order, with its new status
	 */
	public void announce(Order order) {
		String id = order.id().toString();
		switch (order.status()) {
			case PENDING -> append(id, PLACED, new OrderPlaced(order.id(), order.customer(),
					order.lines().stream().map((line) -> new OrderPlaced.Line(line.sku(), line.quantity())).toList()));
			case CONFIRMED -> append(id, CONFIRMED,
					new OrderConfirmed(order.id(), order.customer(), order.total(), order.currency()));
			case REJECTED -> append(id, REJECTED, new OrderRejected(order.id(), order.customer(), reason(order)));
			case CANCELLED -> append(id, CANCELLED, new OrderCancelled(order.id(), order.customer()));
		}
	}

	private void append(String orderId, String type, Object data) {
		this.outbox.append(TOPIC, orderId, type, orderId, data);
	}

	private static String reason(Order order) {
		return (order.reason() != null) ? order.reason() : "Rejected by the inventory.";
	}

	/**
	 * An order was accepted while the inventory could not be asked: reserve its lines.
	 *
	 * @param orderId the order
	 * @param customer who placed it
	 * @param lines what to reserve
	 */
	record OrderPlaced(UUID orderId, String customer, List<Line> lines) {

		record Line(String sku, int quantity) {

		}

	}

	/**
	 * An order's stock is reserved.
	 *
	 * @param orderId the order
	 * @param customer who placed it
	 * @param total what it costs
	 * @param currency ISO 4217 code of the total's currency
	 */
	record OrderConfirmed(UUID orderId, String customer, BigDecimal total, String currency) {

	}

	/**
	 * An order cannot be served.
	 *
	 * @param orderId the order
	 * @param customer who placed it
	 * @param reason why, for the customer
	 */
	record OrderRejected(UUID orderId, String customer, String reason) {

	}

	/**
	 * The customer cancelled an order; its stock is to be released.
	 *
	 * @param orderId the order
	 * @param customer who placed and cancelled it
	 */
	record OrderCancelled(UUID orderId, String customer) {

	}

}
