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
package dev.trellis.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import dev.trellis.autoconfigure.messaging.Outbox;
import dev.trellis.autoconfigure.messaging.OutboxRelay;
import dev.trellis.test.postgres.AutoConfigureEmbeddedPostgres;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for trace context across the outbox: an event appended inside a span
 * is published, whenever the relay gets to it, in the trace of that span, and its
 * consumers handle it in that trace too. On embedded PostgreSQL and Kafka, with Brave.
 *
 * @author Trellis
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"management.tracing.sampling.probability=1.0", "spring.cloud.function.definition=orderEvents;tracedEvents",
		"spring.cloud.stream.bindings.tracedEvents-in-0.destination=traced-events",
		"spring.cloud.stream.bindings.tracedEvents-in-0.group=traced-consumer" })
@AutoConfigureEmbeddedPostgres
@EmbeddedKafka(partitions = 1, topics = { "order-events", "traced-events", "traced-relay" })
class OutboxTracingIntegrationTests {

	@Autowired
	private Tracer tracer;

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxRelay relay;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@BeforeEach
	void publishEarlierEvents() {
		this.relay.relay();
	}

	@Test
	void relayedRecordCarriesTheTraceOfTheAppendingSpan() {
		Span appending = appendInSpan("traced-relay", "o-relayed");
		this.relay.relay();
		List<ConsumerRecord<String, String>> records = TopicRecords.read(this.broker, "traced-relay", 1);
		assertThat(records).hasSize(1);
		String traceparent = header(records.get(0), "traceparent");
		assertThat(traceparent).startsWith("00-" + appending.context().traceId() + "-").endsWith("-01");
	}

	@Test
	void relayedRecordNamesASpanOfItsOwnAsParent() {
		Span appending = appendInSpan("traced-relay", "o-child");
		this.relay.relay();
		List<ConsumerRecord<String, String>> records = TopicRecords.read(this.broker, "traced-relay", 2);
		String traceparent = records.stream()
			.filter((record) -> "o-child".equals(record.key()))
			.map((record) -> header(record, "traceparent"))
			.findFirst()
			.orElseThrow();
		// The send's span, a child of the relay's span: the asynchronous part shows as
		// its own steps of the request's trace.
		assertThat(traceparent.split("-")[2]).hasSize(16).isNotEqualTo(appending.context().spanId());
	}

	@Test
	void consumerHandlesTheEventInASpanOfTheAppendingTrace() {
		Span appending = appendInSpan("traced-events", "o-consumed");
		this.relay.relay();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(TracedConsumerConfiguration.handledIn).contains(appending.context().traceId()));
	}

	private Span appendInSpan(String topic, String key) {
		Span span = this.tracer.nextSpan().name("place order").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			this.transaction.executeWithoutResult((status) -> this.outbox.append(topic, key,
					"dev.trellis.order.placed.v1", key, Map.of("orderId", key)));
		}
		finally {
			span.end();
		}
		return span;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TracedConsumerConfiguration {

		/**
		 * Trace ids of the spans the consumer of {@code traced-events} ran in.
		 */
		static final Queue<String> handledIn = new ConcurrentLinkedQueue<>();

		@Bean
		Consumer<Message<Map<String, Object>>> tracedEvents(Tracer tracer) {
			return (message) -> {
				Span current = tracer.currentSpan();
				handledIn.add((current != null) ? current.context().traceId() : "none");
			};
		}

	}

}
