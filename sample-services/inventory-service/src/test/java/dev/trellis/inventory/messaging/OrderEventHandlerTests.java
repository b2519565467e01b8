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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import dev.trellis.autoconfigure.messaging.Outbox;
import dev.trellis.inventory.domain.InsufficientStockException;
import dev.trellis.inventory.domain.Reservation;
import dev.trellis.inventory.domain.ReservationConflictException;
import dev.trellis.inventory.domain.ReservationLine;
import dev.trellis.inventory.domain.ReservationStatus;
import dev.trellis.inventory.domain.UnknownSkuException;
import dev.trellis.inventory.persistence.ReservationRepository;
import dev.trellis.inventory.persistence.ReservationRepository.ReservationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link OrderEventHandler}.
 *
 * @author Trellis
 */
class OrderEventHandlerTests {

	private static final UUID ORDER_ID = UUID.fromString("7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21");

	private static final List<ReservationLine> LINES = List.of(new ReservationLine("TRL-MUG-001", 2));

	private static final String PLACED = """
			{"orderId": "7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21", "customer": "alice", "total": 9.90,
			 "lines": [{"sku": "TRL-MUG-001", "quantity": 2, "unitPrice": 4.95}]}""";

	private final ReservationRepository reservations = mock();

	private final Outbox outbox = mock();

	private final OrderEventHandler handler = new OrderEventHandler(this.reservations, this.outbox,
			JsonMapper.shared());

	@Test
	void orderPlacedReservesItsLinesAndAppendsStockReservedKeyedByTheOrder() {
		Reservation reservation = new Reservation(ORDER_ID, ReservationStatus.RESERVED, LINES);
		given(this.reservations.reserve(ORDER_ID, LINES)).willReturn(new ReservationResult(reservation, true));
		this.handler.handle(message(OrderPlaced.TYPE, PLACED));
		then(this.outbox).should()
			.append("inventory-events", ORDER_ID.toString(), StockReserved.TYPE, ORDER_ID.toString(),
					new StockReserved(ORDER_ID));
	}

	@Test
	void orderPlacedShortOfStockAppendsStockRejectedNamingTheSkus() {
		given(this.reservations.reserve(ORDER_ID, LINES))
			.willThrow(new InsufficientStockException(List.of("TRL-MUG-001")));
		this.handler.handle(message(OrderPlaced.TYPE, PLACED));
		then(this.outbox).should()
			.append("inventory-events", ORDER_ID.toString(), StockRejected.TYPE, ORDER_ID.toString(),
					new StockRejected(ORDER_ID, "Not enough stock of TRL-MUG-001", List.of("TRL-MUG-001")));
	}

	@Test
	void orderPlacedWhoseReservationWasReleasedAppendsNothing() {
		Reservation released = new Reservation(ORDER_ID, ReservationStatus.RELEASED, LINES);
		given(this.reservations.reserve(ORDER_ID, LINES)).willReturn(new ReservationResult(released, false));
		this.handler.handle(message(OrderPlaced.TYPE, PLACED));
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void orderPlacedAfterItsCancellationAppendsNothing() {
		Reservation tombstone = new Reservation(ORDER_ID, ReservationStatus.RELEASED, List.of());
		given(this.reservations.reserve(ORDER_ID, LINES)).willThrow(new ReservationConflictException(tombstone));
		this.handler.handle(message(OrderPlaced.TYPE, PLACED));
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void orderPlacedConflictingWithAHeldReservationIsRefused() {
		Reservation other = new Reservation(ORDER_ID, ReservationStatus.RESERVED,
				List.of(new ReservationLine("TRL-MUG-001", 5)));
		given(this.reservations.reserve(ORDER_ID, LINES)).willThrow(new ReservationConflictException(other));
		assertThatExceptionOfType(ReservationConflictException.class)
			.isThrownBy(() -> this.handler.handle(message(OrderPlaced.TYPE, PLACED)));
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void orderPlacedOfAnUnknownSkuIsRefused() {
		given(this.reservations.reserve(ORDER_ID, LINES)).willThrow(new UnknownSkuException(List.of("TRL-MUG-001")));
		assertThatExceptionOfType(UnknownSkuException.class)
			.isThrownBy(() -> this.handler.handle(message(OrderPlaced.TYPE, PLACED)));
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void orderCancelledCancelsTheReservation() {
		this.handler.handle(message(OrderCancelled.TYPE, """
				{"orderId": "7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21", "customer": "alice"}"""));
		then(this.reservations).should().cancel(ORDER_ID);
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void otherTypesAreIgnored() {
		this.handler.handle(message("dev.trellis.order.confirmed.v1", "not even JSON"));
		then(this.reservations).shouldHaveNoInteractions();
		then(this.outbox).shouldHaveNoInteractions();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"orderId\": ", "[]", "{\"orderId\": \"not-a-uuid\", \"lines\": []}",
			"{\"orderId\": \"7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21\", \"lines\": [{\"sku\": \"A\", \"quantity\": \"x\"}]}" })
	void unreadableDataIsInvalid(String data) {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> this.handler.handle(message(OrderPlaced.TYPE, data)))
			.withMessageStartingWith("Unreadable data of dev.trellis.order.placed.v1 event");
		then(this.reservations).shouldHaveNoInteractions();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"lines\": [{\"sku\": \"TRL-MUG-001\", \"quantity\": 1}]}",
			"{\"orderId\": \"7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21\"}",
			"{\"orderId\": \"7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21\", \"lines\": []}",
			"{\"orderId\": \"7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21\", \"lines\": [{\"quantity\": 1}]}",
			"{\"orderId\": \"7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21\", \"lines\": [{\"sku\": \"TRL-MUG-001\"}]}",
			"{\"orderId\": \"7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21\", \"lines\": [{\"sku\": \"TRL-MUG-001\", \"quantity\": 0}]}",
			"{\"orderId\": \"7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21\", \"lines\": [null]}" })
	void orderPlacedWithoutARequiredFieldIsInvalid(String data) {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> this.handler.handle(message(OrderPlaced.TYPE, data)));
		then(this.reservations).shouldHaveNoInteractions();
	}

	@Test
	void orderCancelledWithoutOrderIdIsInvalid() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> this.handler.handle(message(OrderCancelled.TYPE, "{\"customer\": \"alice\"}")))
			.withMessage("dev.trellis.order.cancelled.v1 event has no orderId");
		then(this.reservations).shouldHaveNoInteractions();
	}

	private static Message<byte[]> message(String type, String data) {
		return MessageBuilder.withPayload(data.getBytes(StandardCharsets.UTF_8))
			.setHeader("ce_id", UUID.randomUUID().toString())
			.setHeader("ce_type", type)
			.build();
	}

}
