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
package dev.trellis.launcher;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TraceTree}.
 *
 * @author Trellis authors
 */
class TraceTreeTests {

	// Zipkin v2 spans, deliberately out of order: the tree must not depend on it.
	private static final String SPANS = """
			[
			 {"traceId": "t1", "id": "c", "parentId": "b", "name": "http get", "kind": "CLIENT",
			  "timestamp": 1000300, "duration": 4000, "localEndpoint": {"serviceName": "order-service"}},
			 {"traceId": "t1", "id": "a", "name": "http post /api/orders", "kind": "SERVER",
			  "timestamp": 1000000, "duration": 52000, "localEndpoint": {"serviceName": "gateway"}},
			 {"traceId": "t1", "id": "d", "parentId": "b", "name": "order-events send", "kind": "PRODUCER",
			  "timestamp": 1030000, "duration": 2500, "localEndpoint": {"serviceName": "order-service"}},
			 {"traceId": "t1", "id": "b", "parentId": "a", "name": "http post /orders", "kind": "SERVER",
			  "timestamp": 1000100, "duration": 45000, "localEndpoint": {"serviceName": "order-service"},
			  "tags": {"order.id": "42"}},
			 {"traceId": "t1", "id": "e", "parentId": "d", "name": "order-events receive", "kind": "CONSUMER",
			  "timestamp": 1040000, "duration": 8000, "localEndpoint": {"serviceName": "notification-service"}}
			]
			""";

	private final TraceTree tree = TraceTree.of(JsonMapper.builder().build().readTree(SPANS));

	@Test
	void rendersEachSpanUnderItsParentInStartOrderWithServiceAndDuration() {
		assertThat(this.tree.render()).isEqualTo("""
				trace t1
				  gateway: http post /api/orders [server]  52.0 ms  (+0.0 ms)
				    order-service: http post /orders [server]  45.0 ms  (+0.1 ms)
				      order-service: http get [client]  4.0 ms  (+0.3 ms)
				      order-service: order-events send [producer]  2.5 ms  (+30.0 ms)
				        notification-service: order-events receive [consumer]  8.0 ms  (+40.0 ms)
				""");
	}

	@Test
	void namesTheServicesWithSpansInTheTrace() {
		assertThat(this.tree.services()).containsExactly("gateway", "notification-service", "order-service");
	}

	@Test
	void keepsTheTagsOfASpan() {
		assertThat(this.tree.spans()).filteredOn((span) -> span.id().equals("b"))
			.singleElement()
			.satisfies((span) -> assertThat(span.tags()).containsEntry("order.id", "42"));
	}

	@Test
	void spanWhoseParentIsMissingIsARoot() {
		TraceTree partial = TraceTree.of(JsonMapper.builder().build().readTree("""
				[{"traceId": "t2", "id": "x", "parentId": "gone", "name": "receive", "timestamp": 5, "duration": 1000,
				  "localEndpoint": {"serviceName": "inventory-service"}}]
				"""));
		assertThat(partial.render()).contains("  inventory-service: receive  1.0 ms");
		assertThat(partial.start()).isEqualTo(5);
	}

	@Test
	void traceIsConnectedOnlyWhenEverySpansParentIsInIt() {
		assertThat(this.tree.isConnected()).isTrue();
		TraceTree partial = TraceTree.of(JsonMapper.builder().build().readTree("""
				[{"traceId": "t2", "id": "r", "name": "post", "timestamp": 1, "duration": 1000,
				  "localEndpoint": {"serviceName": "gateway"}},
				 {"traceId": "t2", "id": "x", "parentId": "gone", "name": "receive", "timestamp": 5, "duration": 1000,
				  "localEndpoint": {"serviceName": "inventory-service"}}]
				"""));
		assertThat(partial.isConnected()).isFalse();
	}

}
