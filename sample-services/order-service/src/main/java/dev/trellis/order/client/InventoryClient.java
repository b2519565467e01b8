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
package dev.trellis.order.client;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * HTTP service client of inventory-service.
 *
 * @author Trellis
 */
@HttpExchange
interface InventoryClient {

	/**
	 * Reserve the stock of an order, all lines or none. Idempotent per order id: the same
	 * request again answers with the same reservation.
	 * @param request the order and its lines
	 */
	@PostExchange("/reservations")
	void reserve(@RequestBody ReservationRequest request);

	/**
	 * Body of a reservation request.
	 *
	 * @param orderId the order whose stock is reserved
	 * @param lines SKUs and quantities to reserve
	 */
	record ReservationRequest(UUID orderId, List<Line> lines) {

	}

	/**
	 * One line of a reservation request.
	 *
	 * @param sku stock keeping unit
	 * @param quantity number of items
	 */
	record Line(String sku, int quantity) {

	}

}
