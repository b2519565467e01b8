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
package dev.trellis.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.trellis.test.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the inventory service's REST API: the whole application over real
 * HTTP, on a real PostgreSQL, configured by its file in {@code config-repo/}, with real
 * signed tokens. Each test works on SKUs of its own, so that the tests do not depend on
 * each other's reservations (nor on the saga's, which share the context).
 *
 * @author Trellis
 */
@InventoryServiceTest
class InventoryServiceIntegrationTests {

	/**
	 * Scopes of order-service's own client.
	 */
	private static final String ORDER_SERVICE = TestTokens.forClient("order-service", "catalog.read",
			"inventory.reserve");

	private static final String READER = TestTokens.withScopes("inventory.read");

	private static final String STOCK_KEEPER = TestTokens.withScopes("inventory.write");

	@LocalServerPort
	private int port;

	private RestTestClient client;

	@BeforeEach
	void createClient() {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void demoStockIsServed() {
		RestTestClientResponse response = get("/stock/TRL-HOD-001", READER);
		assertThat(response).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(response).bodyJson().isStrictlyEqualTo("""
				{"sku": "TRL-HOD-001", "available": 100, "reserved": 0}
				""");
	}

	@Test
	void listLeavesUnknownSkusOut() {
		RestTestClientResponse response = get("/stock?skus=TRL-PEN-001,TRL-PEN-999,TRL-SCK-001", READER);
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().extractingPath("$[*].sku").isEqualTo(List.of("TRL-PEN-001", "TRL-SCK-001"));
	}

	@Test
	void listWithoutSkusIsBadRequestProblem() {
		RestTestClientResponse response = get("/stock", READER);
		assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": 400, "instance": "/stock", "errors": [{"parameter": "skus"}]}
				""");
	}

	@Test
	void unknownSkuIsNotFoundProblem() {
		RestTestClientResponse response = get("/stock/TRL-MUG-999", READER);
		assertThat(response).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": 404, "title": "Not Found", "detail": "No stock of SKU 'TRL-MUG-999'.",
				 "instance": "/stock/TRL-MUG-999"}
				""");
	}

	@Test
	void putCreatesStockOfNewSkuAndSetsIt() {
		RestTestClientResponse created = put("/stock/ITG-PUT-001", "{\"available\": 10}", STOCK_KEEPER);
		assertThat(created).hasStatusOk();
		assertThat(created).bodyJson().isStrictlyEqualTo("""
				{"sku": "ITG-PUT-001", "available": 10, "reserved": 0}
				""");
		assertThat(put("/stock/ITG-PUT-001", "{\"available\": 4}", STOCK_KEEPER)).bodyJson()
			.extractingPath("$.available")
			.isEqualTo(4);
		assertThat(get("/stock/ITG-PUT-001", READER)).bodyJson().extractingPath("$.available").isEqualTo(4);
	}

	@Test
	void putNegativeAvailableIsBadRequestProblemNamingTheField() {
		RestTestClientResponse response = put("/stock/TRL-MUG-001", "{\"available\": -1}", STOCK_KEEPER);
		assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": 400, "errors": [{"field": "available"}]}
				""");
	}

	@Test
	void reserveRepeatAndReleaseMoveTheUnitsOnce() {
		stock("ITG-RSV-001", 10);
		String orderId = UUID.randomUUID().toString();
		String body = reservation(orderId, "ITG-RSV-001", 3);

		RestTestClientResponse created = post(body);
		assertThat(created).hasStatus(201).hasHeader("Location", "/reservations/" + orderId);
		assertThat(created).bodyJson().isStrictlyEqualTo("""
				{"orderId": "%s", "status": "RESERVED", "lines": [{"sku": "ITG-RSV-001", "quantity": 3}]}
				""".formatted(orderId));
		assertThat(stockOf("ITG-RSV-001")).isEqualTo("7/3");

		RestTestClientResponse repeated = post(body);
		assertThat(repeated).hasStatusOk();
		assertThat(repeated).bodyJson().extractingPath("$.status").isEqualTo("RESERVED");
		assertThat(stockOf("ITG-RSV-001")).isEqualTo("7/3");

		assertThat(delete("/reservations/" + orderId)).hasStatus(204);
		assertThat(delete("/reservations/" + orderId)).hasStatus(204);
		assertThat(stockOf("ITG-RSV-001")).isEqualTo("10/0");
		assertThat(get("/reservations/" + orderId, READER)).bodyJson().extractingPath("$.status").isEqualTo("RELEASED");
	}

	@Test
	void sameOrderWithOtherLinesIsConflictProblem() {
		stock("ITG-CNF-001", 10);
		String orderId = UUID.randomUUID().toString();
		assertThat(post(reservation(orderId, "ITG-CNF-001", 1))).hasStatus(201);
		RestTestClientResponse response = post(reservation(orderId, "ITG-CNF-001", 2));
		assertThat(response).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.type").asString().endsWith("reservation-conflict");
		assertThat(stockOf("ITG-CNF-001")).isEqualTo("9/1");
	}

	@Test
	void reservationOfMoreThanAvailableIsConflictProblemListingTheSkus() {
		stock("ITG-SHT-001", 1);
		stock("ITG-SHT-002", 5);
		RestTestClientResponse response = post(
				"""
						{"orderId": "%s", "lines": [{"sku": "ITG-SHT-001", "quantity": 2}, {"sku": "ITG-SHT-002", "quantity": 5}]}
						"""
					.formatted(UUID.randomUUID()));
		assertThat(response).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"type": "https://trellis.dev/problems/insufficient-stock", "status": 409, "skus": ["ITG-SHT-001"]}
				""");
		assertThat(stockOf("ITG-SHT-002")).isEqualTo("5/0");
	}

	@Test
	void reservationOfUnknownSkuIsUnprocessableProblem() {
		RestTestClientResponse response = post(reservation(UUID.randomUUID().toString(), "ITG-UNK-999", 1));
		assertThat(response).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"type": "https://trellis.dev/problems/unknown-sku", "status": 422, "skus": ["ITG-UNK-999"]}
				""");
	}

	@Test
	void invalidReservationIsBadRequestProblemNamingEachField() {
		RestTestClientResponse response = post("{\"lines\": [{\"sku\": \"TRL-MUG-001\", \"quantity\": 0}]}");
		assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("orderId", "lines[0].quantity");
	}

	@Test
	void reservationWithoutReservationIsNotFoundProblem() {
		RestTestClientResponse response = get("/reservations/" + UUID.randomUUID(), ORDER_SERVICE);
		assertThat(response).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void concurrentReservationsOverHttpNeverOversell() throws Exception {
		stock("ITG-RUN-001", 5);
		ExecutorService executor = Executors.newFixedThreadPool(20);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String body = reservation(UUID.randomUUID().toString(), "ITG-RUN-001", 1);
				statuses.add(executor.submit(() -> {
					start.await();
					return this.client.post()
						.uri("/reservations")
						.header("Authorization", "Bearer " + ORDER_SERVICE)
						.contentType(MediaType.APPLICATION_JSON)
						.body(body)
						.exchange()
						.returnResult()
						.getStatus()
						.value();
				}));
			}
			start.countDown();
			List<Integer> results = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				results.add(status.get(60, TimeUnit.SECONDS));
			}
			assertThat(results).filteredOn((status) -> status == 201).hasSize(5);
			assertThat(results).filteredOn((status) -> status == 409).hasSize(15);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(stockOf("ITG-RUN-001")).isEqualTo("0/5");
	}

	@Test
	void requestWithoutTokenIsUnauthorizedProblem() {
		RestTestClientResponse response = RestTestClientResponse
			.from(this.client.get().uri("/stock/TRL-MUG-001").exchange());
		assertThat(response).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).headers()
			.hasHeaderSatisfying("WWW-Authenticate", (values) -> assertThat(values.get(0)).startsWith("Bearer"));
	}

	@Test
	void orderServiceCannotSetStock() {
		RestTestClientResponse response = put("/stock/TRL-MUG-001", "{\"available\": 1000}", ORDER_SERVICE);
		assertThat(response).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.status").isEqualTo(403);
	}

	@Test
	void readerCannotReserve() {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.post()
			.uri("/reservations")
			.header("Authorization", "Bearer " + READER)
			.contentType(MediaType.APPLICATION_JSON)
			.body(reservation(UUID.randomUUID().toString(), "TRL-MUG-001", 1))
			.exchange());
		assertThat(response).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void readinessIsUpAndIncludesTheDatabase() {
		RestTestClientResponse response = anonymous("/actuator/health/readiness");
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": "UP", "components": {"db": {"status": "UP"}, "readinessState": {"status": "UP"}}}
				""");
	}

	@Test
	void livenessLeavesTheDatabaseOut() {
		RestTestClientResponse response = anonymous("/actuator/health/liveness");
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().doesNotHavePath("$.components.db");
	}

	private void stock(String sku, int available) {
		assertThat(put("/stock/" + sku, "{\"available\": " + available + "}", STOCK_KEEPER)).hasStatusOk();
	}

	/**
	 * The stock of a SKU as {@code available/reserved}.
	 */
	private String stockOf(String sku) {
		StockView stock = this.client.get()
			.uri("/stock/" + sku)
			.header("Authorization", "Bearer " + READER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(StockView.class)
			.returnResult()
			.getResponseBody();
		assertThat(stock).isNotNull();
		return stock.available() + "/" + stock.reserved();
	}

	private static String reservation(String orderId, String sku, int quantity) {
		return """
				{"orderId": "%s", "lines": [{"sku": "%s", "quantity": %d}]}
				""".formatted(orderId, sku, quantity);
	}

	private RestTestClientResponse get(String uri, String token) {
		return RestTestClientResponse
			.from(this.client.get().uri(uri).header("Authorization", "Bearer " + token).exchange());
	}

	private RestTestClientResponse put(String uri, String body, String token) {
		return RestTestClientResponse.from(this.client.put()
			.uri(uri)
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange());
	}

	private RestTestClientResponse post(String body) {
		return RestTestClientResponse.from(this.client.post()
			.uri("/reservations")
			.header("Authorization", "Bearer " + ORDER_SERVICE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange());
	}

	private RestTestClientResponse delete(String uri) {
		return RestTestClientResponse
			.from(this.client.delete().uri(uri).header("Authorization", "Bearer " + ORDER_SERVICE).exchange());
	}

	private RestTestClientResponse anonymous(String uri) {
		return RestTestClientResponse.from(this.client.get().uri(uri).exchange());
	}

	record StockView(String sku, int available, int reserved) {

	}

}
