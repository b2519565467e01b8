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
import java.util.function.Consumer;

import dev.trellis.autoconfigure.messaging.CloudEventHeaders;
import dev.trellis.autoconfigure.messaging.IdempotentConsumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer of {@code inventory-events} (binding {@code inventoryEvents-in-0}, group
 * {@code order-service}): the inventory's answers to {@code order.placed} settle pending
 * orders, each event once however often it is delivered.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
class InventoryEventsConsumer {

	/**
	 * The consumer group, also the consumer's name in {@code processed_events}.
	 */
	static final String GROUP = "order-service";

	static final String STOCK_RESERVED = "dev.trellis.inventory.stock-reserved.v1";

	static final String STOCK_REJECTED = "dev.trellis.inventory.stock-rejected.v1";

	private static final Log logger = LogFactory.getLog(InventoryEventsConsumer.class);

	@Bean
	Consumer<Message<byte[]>> inventoryEvents(IdempotentConsumer idempotent, OrderSettlement settlement,
			JsonMapper jsonMapper) {
		return idempotent.of(GROUP, (message) -> {
			String type = CloudEventHeaders.type(message);
			if (STOCK_RESERVED.equals(type)) {
				StockReserved reserved = read(jsonMapper, message, StockReserved.class);
				settlement.confirm(required(reserved.orderId(), "orderId", message));
			}
			else if (STOCK_REJECTED.equals(type)) {
				StockRejected rejected = read(jsonMapper, message, StockRejected.class);
				settlement.reject(required(rejected.orderId(), "orderId", message), rejected.describe());
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("Ignored event " + CloudEventHeaders.id(message) + " of type " + type);
			}
		});
	}

	private static <T> T read(JsonMapper jsonMapper, Message<byte[]> message, Class<T> type) {
		try {
			return jsonMapper.readValue(message.getPayload(), type);
		}
		catch (JacksonException ex) {
			throw new UnreadableEventException(
					"Event " + CloudEventHeaders.id(message) + " of type " + CloudEventHeaders.type(message)
							+ " is not a readable " + type.getSimpleName() + ": " + ex.getOriginalMessage(),
					ex);
		}
	}

	private static <T> T required(@Nullable T value, String field, Message<?> message) {
		if (value == null) {
			throw new UnreadableEventException("Event " + CloudEventHeaders.id(message) + " of type "
					+ CloudEventHeaders.type(message) + " has no " + field);
		}
		return value;
	}

	/**
	 * The inventory reserved every line of an order.
	 *
	 * @param orderId the order
	 */
	record StockReserved(@Nullable UUID orderId) {

	}

	/**
	 * The inventory could not reserve an order's lines.
	 *
	 * @param orderId the order
	 * @param reason why, as the inventory says it
	 * @param skus the SKUs short of stock
	 */
	record StockRejected(@Nullable UUID orderId, @Nullable String reason, @Nullable List<String> skus) {

		String describe() {
			if (this.skus != null && !this.skus.isEmpty()) {
				return "Insufficient stock of " + String.join(", ", this.skus) + ".";
			}
			return (this.reason != null) ? this.reason : "Rejected by the inventory.";
		}

	}

}
