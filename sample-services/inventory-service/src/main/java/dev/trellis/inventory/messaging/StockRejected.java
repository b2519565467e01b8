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

import java.util.List;
import java.util.UUID;

/**
 * Data of the {@value #TYPE} event of {@code inventory-events}: the order could not be
 * reserved, and nothing was.
 *
 * @param orderId the order
 * @param reason why, readable by a customer
 * @param skus the SKUs short of stock, sorted
 * @author Trellis
 */
public record StockRejected(UUID orderId, String reason, List<String> skus) {

	/**
	 * CloudEvents type of the event.
	 */
	public static final String TYPE = "dev.trellis.inventory.stock-rejected.v1";

}
