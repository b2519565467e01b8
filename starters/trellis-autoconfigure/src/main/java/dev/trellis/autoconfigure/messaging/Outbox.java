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
package dev.trellis.autoconfigure.messaging;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Transactional outbox: events appended here are written to the {@code outbox_events}
 * table in the caller's database transaction, so that they exist if and only if the state
 * change that caused them commits. {@link OutboxRelay} publishes them to Kafka
 * afterwards, in order per key.
 * <p>
 * Append after writing the state change, in the same transaction:
 *
 * <pre class="code">
 * &#64;Transactional
 * public Order place(NewOrder request) {
 *     Order order = this.orders.save(Order.pending(request));
 *     this.outbox.append("order-events", order.id().toString(), "dev.trellis.order.placed.v1",
 *             order.id().toString(), OrderPlaced.of(order));
 *     return order;
 * }
 * </pre>
 *
 * @author Trellis
 */
@FunctionalInterface
public interface Outbox {

	/**
	 * Append an event to the outbox in the current transaction.
	 * @param topic the Kafka topic, such as {@code order-events}
	 * @param key the record key: events of one key are published in the order they were
	 * appended (use the aggregate id)
	 * @param type the CloudEvents type, versioned, such as
	 * {@code dev.trellis.order.placed.v1}
	 * @param subject the CloudEvents subject (usually the aggregate id) or {@code null}
	 * @param data the event data, serialized to JSON
	 * @return the event id ({@code ce_id})
	 * @throws org.springframework.transaction.IllegalTransactionStateException if there
	 * is no current transaction
	 */
	UUID append(String topic, String key, String type, @Nullable String subject, Object data);

}
