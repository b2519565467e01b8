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
package dev.trellis.notification.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
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
 * The consumer of {@code order-events} (binding {@code orderEvents-in-0}, group
 * {@code notification-service}): each {@code order.confirmed}, {@code order.rejected} and
 * {@code order.cancelled} event becomes one notification to the order's customer, however
 * often it is delivered. Other types, such as {@code order.placed}, are ignored.
 * <p>
 * An event whose data cannot be read or lacks a field the notification needs throws
 * {@link UnreadableEventException}, which the binding sends to {@code order-events.dlq}
 * without retrying.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConsumer {

	/**
	 * The consumer group, also the consumer's name in {@code processed_events}.
	 */
	static final String GROUP = "notification-service";

	static final String CONFIRMED = "dev.trellis.order.confirmed.v1";

	static final String REJECTED = "dev.trellis.order.rejected.v1";

	static final String CANCELLED = "dev.trellis.order.cancelled.v1";

	private static final Set<String> HANDLED = Set.of(CONFIRMED, REJECTED, CANCELLED);

	private static final Log logger = LogFactory.getLog(OrderEventsConsumer.class);

	@Bean
	Consumer<Message<byte[]>> orderEvents(IdempotentConsumer idempotent, OrderNotifications notifications,
			JsonMapper jsonMapper) {
		Consumer<Message<byte[]>> once = idempotent.of(GROUP, (message) -> notify(notifications, jsonMapper, message));
		return (message) -> {
			String type = CloudEventHeaders.type(message);
			if (type == null || !HANDLED.contains(type)) {
				// Filtered before the idempotent consumer: an ignored event costs no
				// transaction and no processed_events row.
				if (logger.isDebugEnabled()) {
					logger.debug("Ignored event " + CloudEventHeaders.header(message, CloudEventHeaders.ID)
							+ " of type " + type);
				}
				return;
			}
			once.accept(message);
		};
	}

	private static void notify(OrderNotifications notifications, JsonMapper jsonMapper, Message<byte[]> message) {
		Instant at = time(message);
		switch (type(message)) {
			case CONFIRMED -> {
				OrderConfirmed event = read(jsonMapper, message, OrderConfirmed.class);
				notifications.confirmed(required(event.orderId(), "orderId", message),
						required(event.customer(), "customer", message), required(event.total(), "total", message),
						required(event.currency(), "currency", message), at);
			}
			case REJECTED -> {
				OrderRejected event = read(jsonMapper, message, OrderRejected.class);
				notifications.rejected(required(event.orderId(), "orderId", message),
						required(event.customer(), "customer", message), required(event.reason(), "reason", message),
						at);
			}
			case CANCELLED -> {
				OrderCancelled event = read(jsonMapper, message, OrderCancelled.class);
				notifications.cancelled(required(event.orderId(), "orderId", message),
						required(event.customer(), "customer", message), at);
			}
			default -> throw new IllegalStateException("Unexpected event type " + type(message));
		}
	}

	private static String type(Message<?> message) {
		String type = CloudEventHeaders.type(message);
		return (type != null) ? type : "";
	}

	/**
	 * When the event happened ({@code ce_time}), so that a notification delivered late
	 * still reads in the order things happened; the time of receipt for an event without
	 * a readable one.
	 */
	private static Instant time(Message<?> message) {
		String time = CloudEventHeaders.header(message, CloudEventHeaders.TIME);
		if (time == null || time.isBlank()) {
			return Instant.now();
		}
		try {
			return OffsetDateTime.parse(time).toInstant();
		}
		catch (DateTimeParseException ex) {
			logger.warn("Event " + CloudEventHeaders.id(message) + " has an unreadable " + CloudEventHeaders.TIME + " '"
					+ time + "': notified at the time of receipt");
			return Instant.now();
		}
	}

	private static <T> T read(JsonMapper jsonMapper, Message<byte[]> message, Class<T> type) {
		T event;
		try {
			event = jsonMapper.readValue(message.getPayload(), type);
		}
		catch (JacksonException ex) {
			throw new UnreadableEventException(
					describe(message) + " is not a readable " + type.getSimpleName() + ": " + ex.getOriginalMessage(),
					ex);
		}
		if (event == null) {
			throw new UnreadableEventException(describe(message) + " has no data");
		}
		return event;
	}

	private static <T> T required(@Nullable T value, String field, Message<?> message) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new UnreadableEventException(describe(message) + " has no " + field);
		}
		return value;
	}

	private static String describe(Message<?> message) {
		return "Event " + CloudEventHeaders.id(message) + " of type " + CloudEventHeaders.type(message);
	}

}
