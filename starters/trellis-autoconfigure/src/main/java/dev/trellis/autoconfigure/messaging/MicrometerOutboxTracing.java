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

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * {@link OutboxTracing} with Micrometer Tracing: the current span's context is written
 * and the stored one read with the application's {@link Propagator} (W3C
 * {@code traceparent}, Spring Boot's default), and the relay's span
 * ({@code outbox relay}) is a child of the appending span, in the same trace and with the
 * same sampling decision. A send observed by Spring Kafka is a child of the relay's span
 * and writes its own {@code traceparent} header on the record.
 *
 * @author Trellis
 */
public class MicrometerOutboxTracing implements OutboxTracing {

	/**
	 * Name of the span in which the relay publishes an outbox row.
	 */
	public static final String SPAN_NAME = "outbox relay";

	private final Tracer tracer;

	private final Propagator propagator;

	/**
	 * Create a new instance.
	 * @param tracer the tracer
	 * @param propagator the propagator of the application's trace context format
	 */
	public MicrometerOutboxTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public @Nullable String currentTraceparent() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		// An unsampled span is stored too: the relay and the consumers then keep the
		// decision not to sample instead of starting traces of their own.
		TraceContext context = span.context();
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(context, carrier, Map::put);
		String traceparent = carrier.get(CloudEventHeaders.TRACEPARENT);
		if (traceparent != null) {
			return traceparent;
		}
		// The application propagates another format (B3): the row still stores W3C.
		if (!StringUtils.hasText(context.traceId()) || !StringUtils.hasText(context.spanId())) {
			return null;
		}
		return "00-" + context.traceId() + "-" + context.spanId() + "-"
				+ (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
	}

	@Override
	public <T> CompletableFuture<T> publish(@Nullable String traceparent, OutboxEvent event,
			Supplier<CompletableFuture<T>> send) {
		if (traceparent == null) {
			return send.get();
		}
		Span span = this.propagator.extract(Map.of(CloudEventHeaders.TRACEPARENT, traceparent), Map::get)
			.name(SPAN_NAME)
			.tag("messaging.system", "kafka")
			.tag("messaging.destination.name", event.topic())
			.tag("messaging.message.id", event.id())
			.tag("cloudevents.event_type", event.type())
			.start();
		CompletableFuture<T> sent;
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			sent = send.get();
		}
		catch (RuntimeException | Error ex) {
			span.error(ex);
			span.end();
			throw ex;
		}
		sent.whenComplete((result, failure) -> {
			if (failure != null) {
				span.error(failure);
			}
			span.end();
		});
		return sent;
	}

}
