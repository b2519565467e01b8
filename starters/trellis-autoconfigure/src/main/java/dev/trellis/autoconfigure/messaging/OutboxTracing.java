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

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Trace context of outbox events. The context of the transaction that appends an event is
 * stored with its row ({@code outbox_events.traceparent}); the relay publishes the row
 * inside a span that continues that context, so the Kafka record, and every consumer of
 * it, joins the trace of the request that caused the event, however much later the relay
 * sends it.
 *
 * @author Trellis
 * @see MicrometerOutboxTracing
 */
public interface OutboxTracing {

	/**
	 * Tracing that stores no context and opens no span: rows keep whatever
	 * {@code traceparent} they have, and the relay copies it to the record as it is.
	 */
	OutboxTracing NONE = new OutboxTracing() {

		@Override
		public @Nullable String currentTraceparent() {
			return null;
		}

		@Override
		public <T> CompletableFuture<T> publish(@Nullable String traceparent, OutboxEvent event,
				Supplier<CompletableFuture<T>> send) {
			return send.get();
		}

	};

	/**
	 * Return the W3C {@code traceparent} of the current span, stored with an appended
	 * row.
	 * @return the trace context, or {@code null} outside a span
	 */
	@Nullable String currentTraceparent();

	/**
	 * Run the send of an outbox row in a span whose parent is the row's stored trace
	 * context. The span ends when the send completes.
	 * @param <T> the result of the send
	 * @param traceparent the stored trace context, {@code null} when the row has none
	 * @param event what is published, for the span's tags
	 * @param send starts the send and returns its completion
	 * @return the completion of the send
	 */
	<T> CompletableFuture<T> publish(@Nullable String traceparent, OutboxEvent event,
			Supplier<CompletableFuture<T>> send);

	/**
	 * An outbox event as the relay publishes it.
	 *
	 * @param id the event id ({@code ce_id})
	 * @param type the event type ({@code ce_type})
	 * @param topic the topic it is published to
	 * @param key the record key
	 */
	record OutboxEvent(String id, String type, String topic, String key) {

	}

}
