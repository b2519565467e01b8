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

import dev.trellis.autoconfigure.messaging.CloudEventHeaders;
import dev.trellis.autoconfigure.messaging.Outbox;
import dev.trellis.inventory.domain.InsufficientStockException;
import dev.trellis.inventory.domain.ReservationConflictException;
import dev.trellis.inventory.domain.ReservationStatus;
import dev.trellis.inventory.domain.UnknownSkuException;
import dev.trellis.inventory.persistence.ReservationRepository;
import dev.trellis.inventory.persistence.ReservationRepository.ReservationResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Applies the events of {@code order-events} to the inventory, in the transaction of the
 * consumer that received them, and appends the outcome to {@code inventory-events} in the
 * same transaction.
 * <ul>
 * <li>{@value OrderPlaced#TYPE}: reserves every line or none; publishes
 * {@value StockReserved#TYPE}, also when the order's reservation already holds the same
 * quantities (made by order-service's REST call that timed out), or
 * {@value StockRejected#TYPE} when some SKUs are short. An order cancelled meanwhile (its
 * reservation released) gets no event.</li>
 * <li>{@value OrderCancelled#TYPE}: returns the order's units once; an order not reserved
 * yet gets a tombstone, so that a late reservation for it is refused.</li>
 * <li>other types: ignored.</li>
 * </ul>
 * An event that can never be applied throws: {@link InvalidEventException} (unreadable,
 * missing fields), {@link UnknownSkuException} or {@link ReservationConflictException} (a
 * reservation of other lines). The binding is configured not to retry them, so they go
 * straight to {@code order-events.dlq}; once the cause is fixed (the SKU stocked with
 * {@code PUT /stock/{sku}}) an operator replays them. Any other failure (the database
 * down) is retried by the binder before it gives up.
 *
 * @author Trellis
 */
@Component
public class OrderEventHandler {

	/**
	 * Topic of the inventory's events.
	 */
	public static final String INVENTORY_EVENTS = "inventory-events";

	private static final Log logger = LogFactory.getLog(OrderEventHandler.class);

	private final ReservationRepository reservations;

	private final Outbox outbox;

	private final JsonMapper jsonMapper;

	OrderEventHandler(ReservationRepository reservations, Outbox outbox, JsonMapper jsonMapper) {
		this.reservations = reservations;
		this.outbox = outbox;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Apply an event of {@code order-events}, in the caller's transaction.
	 * @param message the event: CloudEvents attributes in headers, JSON data as payload
	 * @throws InvalidEventException if the event's data cannot be read or lacks a field
	 * @throws UnknownSkuException if an order placed names a SKU the inventory does not
	 * know
	 * @throws ReservationConflictException if an order placed has a reservation of other
	 * lines
	 */
	public void handle(Message<byte[]> message) {
		String type = CloudEventHeaders.type(message);
		if (OrderPlaced.TYPE.equals(type)) {
			placed(read(message, OrderPlaced.class));
		}
		else if (OrderCancelled.TYPE.equals(type)) {
			cancelled(read(message, OrderCancelled.class));
		}
		else if (logger.isDebugEnabled()) {
			logger
				.debug("Ignored event " + CloudEventHeaders.header(message, CloudEventHeaders.ID) + " of type " + type);
		}
	}

	private void placed(OrderPlaced event) {
		UUID orderId = event.requiredOrderId();
		ReservationResult result;
		try {
			result = this.reservations.reserve(orderId, event.reservationLines());
		}
		catch (InsufficientStockException ex) {
			// The reservation's savepoint is rolled back: nothing was taken.
			append(orderId, StockRejected.TYPE, new StockRejected(orderId, ex.getMessage(), ex.getSkus()));
			logger.info("Order " + orderId + ": stock rejected, short of " + String.join(", ", ex.getSkus()));
			return;
		}
		catch (ReservationConflictException ex) {
			if (ex.getExisting().status() == ReservationStatus.RELEASED) {
				// A tombstone: the order was cancelled before this event came.
				logCancelled(orderId);
				return;
			}
			throw ex;
		}
		if (result.reservation().status() == ReservationStatus.RELEASED) {
			logCancelled(orderId);
			return;
		}
		append(orderId, StockReserved.TYPE, new StockReserved(orderId));
		logger.info("Order " + orderId + ": stock reserved");
	}

	private void cancelled(OrderCancelled event) {
		UUID orderId = event.requiredOrderId();
		this.reservations.cancel(orderId);
		logger.info("Order " + orderId + ": cancelled, its reservation released");
	}

	private void append(UUID orderId, String type, Object data) {
		String id = orderId.toString();
		this.outbox.append(INVENTORY_EVENTS, id, type, id, data);
	}

	private <T> T read(Message<byte[]> message, Class<T> type) {
		try {
			return this.jsonMapper.readValue(message.getPayload(), type);
		}
		catch (JacksonException ex) {
			throw new InvalidEventException(
					"Unreadable data of " + CloudEventHeaders.type(message) + " event "
							+ CloudEventHeaders.header(message, CloudEventHeaders.ID) + ": " + ex.getOriginalMessage(),
					ex);
		}
	}

	private static void logCancelled(UUID orderId) {
		if (logger.isDebugEnabled()) {
			logger.debug("Order " + orderId + " was cancelled before it was placed here: nothing reserved");
		}
	}

}
