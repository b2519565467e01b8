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

import java.util.List;
import java.util.UUID;

import dev.trellis.order.domain.Order;
import dev.trellis.order.domain.OrderStatus;
import dev.trellis.order.persistence.OrderRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Settles pending orders with the inventory's answer: a pending order becomes confirmed
 * or rejected, and announces it. An order that is no longer pending (confirmed at
 * placement, cancelled by its customer meanwhile) is left as it is: the answer is stale.
 * Runs in the transaction of the event that carries the answer.
 *
 * @author Trellis
 */
@Component
class OrderSettlement {

	private static final Log logger = LogFactory.getLog(OrderSettlement.class);

	private static final List<String> PENDING = List.of(OrderStatus.PENDING.name());

	private final OrderRepository orders;

	private final OrderEvents events;

	OrderSettlement(OrderRepository orders, OrderEvents events) {
		this.orders = orders;
		this.events = events;
	}

	/**
	 * The inventory reserved the order's stock.
	 * @param orderId the order
	 * @return whether a pending order was confirmed
	 */
	boolean confirm(UUID orderId) {
		return settle(orderId, OrderStatus.CONFIRMED, null);
	}

	/**
	 * The inventory could not reserve the order's stock.
	 * @param orderId the order
	 * @param reason why, for the customer
	 * @return whether a pending order was rejected
	 */
	boolean reject(UUID orderId, String reason) {
		return settle(orderId, OrderStatus.REJECTED, reason);
	}

	private boolean settle(UUID orderId, OrderStatus status, @Nullable String reason) {
		if (!this.orders.transition(orderId, PENDING, status.name(), reason)) {
			if (logger.isDebugEnabled()) {
				logger.debug("Order " + orderId + " is not pending; " + status + " from the inventory changes nothing");
			}
			return false;
		}
		Order order = this.orders.findById(orderId).orElseThrow();
		this.events.announce(order);
		logger.info("Order " + orderId + ": " + status + " by the inventory's answer");
		return true;
	}

}
