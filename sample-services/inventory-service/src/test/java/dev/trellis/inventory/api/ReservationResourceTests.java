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
package dev.trellis.inventory.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.trellis.inventory.domain.InsufficientStockException;
import dev.trellis.inventory.domain.Reservation;
import dev.trellis.inventory.domain.ReservationConflictException;
import dev.trellis.inventory.domain.ReservationLine;
import dev.trellis.inventory.domain.ReservationStatus;
import dev.trellis.inventory.domain.UnknownSkuException;
import dev.trellis.inventory.persistence.ReservationRepository;
import dev.trellis.inventory.persistence.ReservationRepository.ReservationResult;
import dev.trellis.test.security.AutoConfigureTestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Tests for {@link ReservationResource}.
 *
 * @author Trellis
 */
@WebMvcTest(ReservationResource.class)
@AutoConfigureTestTokens
class ReservationResourceTests {

	private static final UUID ORDER_ID = UUID.fromString("7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21");

	private static final List<ReservationLine> LINES = List.of(new ReservationLine("TRL-MUG-001", 2),
			new ReservationLine("TRL-TEE-001", 1));

	private static final String BODY = """
			{"orderId": "7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21",
			 "lines": [{"sku": "TRL-MUG-001", "quantity": 2}, {"sku": "TRL-TEE-001", "quantity": 1}]}
			""";

	private static final String RESERVATION_JSON = """
			{"orderId": "7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21", "status": "RESERVED",
			 "lines": [{"sku": "TRL-MUG-001", "quantity": 2}, {"sku": "TRL-TEE-001", "quantity": 1}]}
			""";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private ReservationRepository reservations;

	@Test
	void newReservationIsCreatedWithItsLocation() {
		given(this.reservations.reserve(ORDER_ID, LINES))
			.willReturn(new ReservationResult(new Reservation(ORDER_ID, ReservationStatus.RESERVED, LINES), true));
		MvcTestResult result = reserve(BODY);
		assertThat(result).hasStatus(201).hasHeader("Location", "/reservations/" + ORDER_ID);
		assertThat(result).bodyJson().isStrictlyEqualTo(RESERVATION_JSON);
	}

	@Test
	void repeatedReservationIsOkWithTheExistingReservation() {
		given(this.reservations.reserve(ORDER_ID, LINES))
			.willReturn(new ReservationResult(new Reservation(ORDER_ID, ReservationStatus.RESERVED, LINES), false));
		MvcTestResult result = reserve(BODY);
		assertThat(result).hasStatusOk().doesNotContainHeader("Location");
		assertThat(result).bodyJson().isStrictlyEqualTo(RESERVATION_JSON);
	}

	@Test
	void insufficientStockIsConflictProblemListingTheShortSkus() {
		given(this.reservations.reserve(ORDER_ID, LINES))
			.willThrow(new InsufficientStockException(List.of("TRL-MUG-001", "TRL-TEE-001")));
		MvcTestResult result = reserve(BODY);
		assertThat(result).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"type": "https://trellis.dev/problems/insufficient-stock", "title": "Insufficient Stock",
				 "status": 409, "instance": "/reservations",
				 "detail": "Not enough stock to reserve TRL-MUG-001, TRL-TEE-001; nothing was reserved.",
				 "skus": ["TRL-MUG-001", "TRL-TEE-001"]}
				""");
	}

	@Test
	void otherLinesForAReservedOrderIsConflictProblem() {
		given(this.reservations.reserve(ORDER_ID, LINES)).willThrow(new ReservationConflictException(
				new Reservation(ORDER_ID, ReservationStatus.RESERVED, List.of(new ReservationLine("TRL-CAP-001", 1)))));
		MvcTestResult result = reserve(BODY);
		assertThat(result).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"type": "https://trellis.dev/problems/reservation-conflict", "title": "Reservation Conflict",
				 "status": 409, "orderId": "7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21",
				 "detail": "Order 7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21 already has a reservation with other lines."}
				""");
	}

	@Test
	void unknownSkuIsUnprocessableProblemNamingTheSku() {
		given(this.reservations.reserve(ORDER_ID, LINES)).willThrow(new UnknownSkuException(List.of("TRL-TEE-001")));
		MvcTestResult result = reserve(BODY);
		assertThat(result).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"type": "https://trellis.dev/problems/unknown-sku", "title": "Unknown SKU", "status": 422,
				 "detail": "Unknown SKU 'TRL-TEE-001'; nothing was reserved.", "skus": ["TRL-TEE-001"]}
				""");
	}

	@Test
	void requestWithoutOrderIdOrLinesIsBadRequestProblemNamingEachField() {
		MvcTestResult result = reserve("{\"lines\": []}");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.errors")
			.asArray()
			.containsExactlyInAnyOrder(Map.of("field", "orderId", "message", "must not be null"),
					Map.of("field", "lines", "message", "must not be empty"));
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("'orderId'", "'lines'");
		then(this.reservations).shouldHaveNoInteractions();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"sku": "TRL-MUG-001", "quantity": 0}    | lines[0].quantity | must be greater than 0
			{"sku": "TRL-MUG-001", "quantity": -2}   | lines[0].quantity | must be greater than 0
			{"sku": "TRL-MUG-001"}                   | lines[0].quantity | must not be null
			{"sku": "mug", "quantity": 1}            | lines[0].sku      | must be a SKU such as TRL-MUG-001
			{"quantity": 1}                          | lines[0].sku      | must not be null
			""")
	void invalidLineIsBadRequestProblemNamingTheField(String line, String field, String message) {
		MvcTestResult result = reserve("{\"orderId\": \"" + ORDER_ID + "\", \"lines\": [" + line + "]}");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo(message);
		then(this.reservations).shouldHaveNoInteractions();
	}

	@Test
	void malformedOrderIdIsBadRequestProblemNamingTheField() {
		MvcTestResult result = reserve(
				"{\"orderId\": \"order-1\", \"lines\": [{\"sku\": \"TRL-MUG-001\", \"quantity\": 1}]}");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"detail": "Invalid request: 'orderId' must be a UUID.",
				 "errors": [{"field": "orderId", "message": "must be a UUID"}]}
				""");
	}

	@Test
	void nonNumericQuantityIsBadRequestProblemNamingTheField() {
		MvcTestResult result = reserve(
				"{\"orderId\": \"" + ORDER_ID + "\", \"lines\": [{\"sku\": \"TRL-MUG-001\", \"quantity\": \"two\"}]}");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("lines[0].quantity");
	}

	@Test
	void reserveWithoutInventoryReserveIsForbiddenProblem() {
		MvcTestResult result = this.mvc.post()
			.uri("/reservations")
			.contentType(MediaType.APPLICATION_JSON)
			.content(BODY)
			.with(scope("inventory.read"))
			.exchange();
		assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.reservations).shouldHaveNoInteractions();
	}

	@Test
	void reserveWithoutTokenIsUnauthorizedProblem() {
		MvcTestResult result = this.mvc.post()
			.uri("/reservations")
			.contentType(MediaType.APPLICATION_JSON)
			.content(BODY)
			.exchange();
		assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.reservations).shouldHaveNoInteractions();
	}

	@Test
	void getReturnsTheReservationToReserveScope() {
		given(this.reservations.findByOrderId(ORDER_ID))
			.willReturn(Optional.of(new Reservation(ORDER_ID, ReservationStatus.RESERVED, LINES)));
		MvcTestResult result = this.mvc.get()
			.uri("/reservations/" + ORDER_ID)
			.with(scope("inventory.reserve"))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isStrictlyEqualTo(RESERVATION_JSON);
	}

	@Test
	void getReturnsTheReservationToReadScope() {
		given(this.reservations.findByOrderId(ORDER_ID))
			.willReturn(Optional.of(new Reservation(ORDER_ID, ReservationStatus.RELEASED, LINES)));
		MvcTestResult result = this.mvc.get().uri("/reservations/" + ORDER_ID).with(scope("inventory.read")).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("RELEASED");
	}

	@Test
	void getWithoutReservationIsNotFoundProblem() {
		given(this.reservations.findByOrderId(ORDER_ID)).willReturn(Optional.empty());
		MvcTestResult result = this.mvc.get().uri("/reservations/" + ORDER_ID).with(scope("inventory.read")).exchange();
		assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"status": 404, "detail": "No reservation for order 7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21.",
				 "instance": "/reservations/7d3c1d6e-2f4b-4c1a-9a57-0c5f0e6f8b21"}
				""");
	}

	@Test
	void getWithMalformedOrderIdIsBadRequestProblemNamingTheParameter() {
		MvcTestResult result = this.mvc.get().uri("/reservations/order-1").with(scope("inventory.read")).exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"errors": [{"parameter": "orderId", "message": "must be a UUID"}]}
				""");
		then(this.reservations).shouldHaveNoInteractions();
	}

	@Test
	void getWithoutReadOrReserveScopeIsForbiddenProblem() {
		MvcTestResult result = this.mvc.get()
			.uri("/reservations/" + ORDER_ID)
			.with(scope("inventory.write"))
			.exchange();
		assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.reservations).shouldHaveNoInteractions();
	}

	@Test
	void releaseIsNoContent() {
		given(this.reservations.release(ORDER_ID)).willReturn(true);
		MvcTestResult result = this.mvc.delete()
			.uri("/reservations/" + ORDER_ID)
			.with(scope("inventory.reserve"))
			.exchange();
		assertThat(result).hasStatus(204);
		then(this.reservations).should().release(ORDER_ID);
	}

	@Test
	void releaseWithNothingToReleaseIsNoContentToo() {
		given(this.reservations.release(ORDER_ID)).willReturn(false);
		MvcTestResult result = this.mvc.delete()
			.uri("/reservations/" + ORDER_ID)
			.with(scope("inventory.reserve"))
			.exchange();
		assertThat(result).hasStatus(204);
	}

	@Test
	void releaseWithOnlyReadScopeIsForbiddenProblem() {
		MvcTestResult result = this.mvc.delete()
			.uri("/reservations/" + ORDER_ID)
			.with(scope("inventory.read"))
			.exchange();
		assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.reservations).shouldHaveNoInteractions();
	}

	private MvcTestResult reserve(String body) {
		return this.mvc.post()
			.uri("/reservations")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(scope("inventory.reserve"))
			.exchange();
	}

	private static RequestPostProcessor scope(String scope) {
		return jwt().authorities(new SimpleGrantedAuthority("SCOPE_" + scope));
	}

}
