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

import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.Message;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Applies each event at most once per consumer: in one database transaction it records
 * the event's {@code ce_id} in {@link ProcessedEvents} and runs the handler, and skips
 * the handler when the event was already recorded. A handler that throws rolls the record
 * back with its own changes, so the binder's retry (and later the dead-letter topic) sees
 * the event again.
 * <p>
 * Build a functional binding with it:
 *
 * <pre class="code">
 * &#64;Bean
 * Consumer&lt;Message&lt;OrderPlaced&gt;&gt; orderPlaced(IdempotentConsumer idempotent, Reservations reservations) {
 *     return idempotent.of("inventory-service", (message) -&gt; reservations.reserve(message.getPayload()));
 * }
 * </pre>
 *
 * @author Trellis
 */
public class IdempotentConsumer {

	private static final Log logger = LogFactory.getLog(IdempotentConsumer.class);

	private final ProcessedEvents processedEvents;

	private final TransactionTemplate transaction;

	/**
	 * Create a new instance.
	 * @param processedEvents the record of processed events
	 * @param transactionManager the transaction manager of the service's database
	 */
	public IdempotentConsumer(ProcessedEvents processedEvents, PlatformTransactionManager transactionManager) {
		this.processedEvents = processedEvents;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Wrap a handler into a consumer that applies each event once.
	 * @param <T> the payload type
	 * @param consumer the consumer's name in {@code processed_events}: use its consumer
	 * group, so that two groups of one service each apply the event
	 * @param handler the handler, run in the transaction that records the event
	 * @return a consumer for a functional binding
	 */
	public <T> Consumer<Message<T>> of(String consumer, Consumer<Message<T>> handler) {
		Assert.hasText(consumer, "'consumer' must not be empty");
		Assert.notNull(handler, "'handler' must not be null");
		return (message) -> apply(consumer, message, handler);
	}

	/**
	 * Apply an event once: run the handler in a new or the current transaction unless the
	 * consumer has already recorded the event.
	 * @param <T> the payload type
	 * @param consumer the consumer's name
	 * @param message the event, with a {@code ce_id} header
	 * @param handler the handler
	 * @return {@code true} if the handler ran, {@code false} if the event was a
	 * redelivery and was skipped
	 */
	public <T> boolean apply(String consumer, Message<T> message, Consumer<Message<T>> handler) {
		String eventId = CloudEventHeaders.id(message);
		Boolean applied = this.transaction.execute((status) -> {
			if (!this.processedEvents.record(consumer, eventId)) {
				return false;
			}
			handler.accept(message);
			return true;
		});
		if (!Boolean.TRUE.equals(applied) && logger.isDebugEnabled()) {
			logger.debug("Skipped event " + eventId + " already applied by " + consumer);
		}
		return Boolean.TRUE.equals(applied);
	}

}
