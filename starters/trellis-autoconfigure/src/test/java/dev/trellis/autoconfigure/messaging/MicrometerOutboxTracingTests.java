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

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MicrometerOutboxTracing}. The trace context of real spans across the
 * outbox is tested with Brave and Kafka in {@code OutboxTracingIntegrationTests} of the
 * messaging starter.
 *
 * @author Trellis
 */
class MicrometerOutboxTracingTests {

	private final MicrometerOutboxTracing tracing = new MicrometerOutboxTracing(Tracer.NOOP, Propagator.NOOP);

	private final OutboxTracing.OutboxEvent event = new OutboxTracing.OutboxEvent("id-1", "dev.trellis.order.placed.v1",
			"order-events", "o-1");

	@Test
	void noTraceparentIsStoredOutsideARealSpan() {
		assertThat(this.tracing.currentTraceparent()).isNull();
	}

	@Test
	void rowWithoutTraceContextIsSentAsItIs() {
		CompletableFuture<String> sent = CompletableFuture.completedFuture("sent");
		assertThat(this.tracing.publish(null, this.event, () -> sent)).isSameAs(sent);
	}

	@Test
	void failedSendIsReportedToTheRelay() {
		CompletableFuture<String> failed = CompletableFuture.failedFuture(new IllegalStateException("broker down"));
		assertThat(this.tracing.publish("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", this.event,
				() -> failed))
			.isCompletedExceptionally();
	}

}
