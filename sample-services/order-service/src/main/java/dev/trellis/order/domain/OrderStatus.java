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
package dev.trellis.order.domain;

/**
 * Where an {@link Order} stands.
 *
 * @author Trellis
 */
public enum OrderStatus {

	/**
	 * The inventory reserved every line.
	 */
	CONFIRMED,

	/**
	 * The inventory could not be asked (unavailable, too slow, or its circuit breaker
	 * open): the order is kept and its reservation settled later through events, which
	 * make it {@link #CONFIRMED} or {@link #REJECTED}.
	 */
	PENDING,

	/**
	 * The inventory answered that some lines are not in stock.
	 */
	REJECTED,

	/**
	 * The customer cancelled the order while it was pending or confirmed; the inventory
	 * releases what it reserved for it.
	 */
	CANCELLED;

	/**
	 * Whether a customer may still cancel an order in this status.
	 * @return {@code true} for pending and confirmed orders
	 */
	public boolean isCancellable() {
		return this == PENDING || this == CONFIRMED;
	}

}
