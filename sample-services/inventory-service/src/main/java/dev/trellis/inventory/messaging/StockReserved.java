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

/**
 * Data of the {@value #TYPE} event of {@code inventory-events}: every line of the order
 * is reserved.
 *
 * @param orderId the order
 * @author Trellis
 */
public record StockReserved(UUID orderId) {

	/**
	 * CloudEvents type of the event.
	 */
	public static final String TYPE = "dev.trellis.inventory.stock-reserved.v1";

}
