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
package dev.trellis.order.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link OrderService} identifies a request: the hash of its body and the
 * order id derived from caller and idempotency key.
 *
 * @author Trellis
 */
class OrderServiceIdentityTests {

	@Test
	void linesInAnotherOrderHashTheSame() {
		assertThat(OrderService.hash(request(line("TRL-MUG-001", 2), line("TRL-TEE-001", 1))))
			.isEqualTo(OrderService.hash(request(line("TRL-TEE-001", 1), line("TRL-MUG-001", 2))));
	}

	@Test
	void anotherQuantityHashesDifferently() {
		assertThat(OrderService.hash(request(line("TRL-MUG-001", 2))))
			.isNotEqualTo(OrderService.hash(request(line("TRL-MUG-001", 3))));
	}

	@Test
	void orderIdIsTheSameForTheSameCallerAndKey() {
		assertThat(OrderService.orderId("alice", "key-1")).isEqualTo(OrderService.orderId("alice", "key-1"));
	}

	@Test
	void orderIdDiffersPerCallerAndPerKey() {
		assertThat(OrderService.orderId("alice", "key-1")).isNotEqualTo(OrderService.orderId("bob", "key-1"))
			.isNotEqualTo(OrderService.orderId("alice", "key-2"));
		// The caller's name cannot run into the key.
		assertThat(OrderService.orderId("alice:k", "ey")).isNotEqualTo(OrderService.orderId("alice", "k:ey"));
	}

	private static OrderRequest request(OrderRequest.Line... lines) {
		return new OrderRequest(List.of(lines));
	}

	private static OrderRequest.Line line(String sku, int quantity) {
		return new OrderRequest.Line(sku, quantity);
	}

}
