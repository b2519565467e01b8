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
package dev.trellis.inventory.messaging;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Data of the {@value #TYPE} event of {@code order-events}: the order was cancelled and
 * its stock, if any, is to be returned. The order id is {@code null} only in an event
 * that lacks it, which {@link #requiredOrderId()} refuses.
 *
 * @param orderId the order
 * @param customer who placed it (not used by the inventory)
 * @author Trellis
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderCancelled(@Nullable UUID orderId, @Nullable String customer) {

	/**
	 * CloudEvents type of the event.
	 */
	public static final String TYPE = "dev.trellis.order.cancelled.v1";

	/**
	 * The order of a valid event.
	 * @return the order id
	 * @throws InvalidEventException if the event has none
	 */
	UUID requiredOrderId() {
		if (this.orderId == null) {
			throw new InvalidEventException(TYPE + " event has no orderId");
		}
		return this.orderId;
	}

}
