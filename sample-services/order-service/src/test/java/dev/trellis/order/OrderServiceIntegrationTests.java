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
package dev.trellis.order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.trellis.test.postgres.AutoConfigureEmbeddedPostgres;
import dev.trellis.test.security.AutoConfigureTestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.loadbalancer.LoadBalancedRetryFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.client.RestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the order service: the whole application over real HTTP, on a
 * real PostgreSQL, configured by its file in {@code config-repo/} (time limits, breakers
 * and bulkheads included), with real signed tokens, calling a stub of the catalog, the
 * inventory and the auth server's token endpoint over HTTP through the load balancer.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { OrderServiceIntegrationTests.CONFIG_REPO_IMPORT, "ORDER_SERVICE_CLIENT_SECRET=test-secret",
				"trellis.security.ops.password=ops-secret" })
@AutoConfigureEmbeddedPostgres
@AutoConfigureTestTokens
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OrderServiceIntegrationTests {

	/**
	 * Imports the service's configuration as the config server would serve it. The path
	 * is relative to the module directory, where Maven and IDEs run the tests.
	 */
	static final String CONFIG_REPO_IMPORT = "spring.config.import=file:../../config-repo/order-service.yml";

	private static final String MUG_AND_TEE = """
			{"lines": [{"sku": "TRL-MUG-001", "quantity": 2}, {"sku": "TRL-TEE-001", "quantity": 1}]}
			""";

	private static final String ONE_MUG = """
			{"lines": [{"sku": "TRL-MUG-001", "quantity": 1}]}
			""";

	private static final DownstreamStub downstreams = DownstreamStub.start();

	private static boolean warmedUp;

	@LocalServerPort
	private int port;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RestClient.Builder plainRestClientBuilder;

	@Autowired
	private LoadBalancedRetryFactory loadBalancedRetries;

	private OrdersClient orders;

	private RestTestClient client;

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		downstreams.registerAsDownstreams(registry);
	}

	@BeforeEach
	void reset() {
		this.orders = new OrdersClient(this.port);
		this.client = this.orders.client();
		if (!warmedUp) {
			// The first call fetches the service's token and starts the HTTP client: on a
			// busy machine longer than a time limit. Tests measure calls, not startup.
			for (int i = 0; i < 2; i++) {
				quote(MUG_AND_TEE);
			}
			warmedUp = true;
		}
		downstreams.reset();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		this.jdbc.sql("TRUNCATE orders, order_lines, idempotency_keys, last_known_prices").update();
	}

	@AfterAll
	static void stopDownstreams() {
		downstreams.close();
	}

	@Test
	void orderReservedByTheInventoryIsConfirmedWithLivePrices() {
		RestTestClientResponse response = place("key-1", MUG_AND_TEE, "alice");
		assertThat(response).hasStatus(201).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": "CONFIRMED", "customer": "alice", "currency": "EUR", "reason": null, "total": 47.00,
				 "lines": [{"sku": "TRL-MUG-001", "quantity": 2, "unitPrice": 12.50, "priceSource": "LIVE"},
				           {"sku": "TRL-TEE-001", "quantity": 1, "unitPrice": 22.00, "priceSource": "LIVE"}]}
				""");
		String id = id(response);
		assertThat(response).headers().hasValue("Location", "/orders/" + id);
		assertThat(downstreams.reservationBodies()).singleElement().asString().contains("\"orderId\":\"" + id + "\"");
		assertThat(downstreams.authorizations()).isNotEmpty()
			.allSatisfy(
					(authorization) -> assertThat(authorization).isEqualTo("Bearer " + DownstreamStub.SERVICE_TOKEN));
	}

	@Test
	void orderTheInventoryCannotServeIsRejectedNamingTheSkus() {
		downstreams.shortOfStock("TRL-TEE-001");
		RestTestClientResponse response = place("key-1", MUG_AND_TEE, "alice");
		assertThat(response).hasStatus(201);
		assertThat(response).bodyJson().extractingPath("$.status").isEqualTo("REJECTED");
		assertThat(response).bodyJson().extractingPath("$.reason").asString().contains("TRL-TEE-001");
	}

	@Test
	void insufficientStockDoesNotCountAgainstTheInventoryBreaker() {
		downstreams.shortOfStock("TRL-MUG-001");
		for (int i = 0; i < 8; i++) {
			assertThat(place("key-" + i, ONE_MUG, "alice")).bodyJson().extractingPath("$.status").isEqualTo("REJECTED");
		}
		CircuitBreaker inventory = this.circuitBreakers.circuitBreaker("inventory-service");
		assertThat(inventory.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(inventory.getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void orderIsKeptPendingWhileTheInventoryIsDown() {
		downstreams.inventory(DownstreamStub.Behaviour.FAIL);
		RestTestClientResponse response = place("key-1", ONE_MUG, "alice");
		assertThat(response).hasStatus(201);
		assertThat(response).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
		assertThat(response).bodyJson().extractingPath("$.reason").asString().contains("settled later");
		assertThat(get("/orders/" + id(response), "alice")).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
	}

	@Test
	void orderIsKeptPendingWithinTheTimeLimitWhenTheInventoryIsTooSlow() {
		downstreams.inventory(DownstreamStub.Behaviour.HANG);
		long start = System.nanoTime();
		RestTestClientResponse response = place("key-1", ONE_MUG, "alice");
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
		assertThat(response).bodyJson().extractingPath("$.reason").asString().contains("did not answer in time");
		// The inventory's time limit is 2 s (config-repo/order-service.yml), the stub
		// answers after 8 s: a generous bound still tells the two apart.
		assertThat(elapsed).isLessThan(Duration.ofSeconds(2 + 4));
	}

	@Test
	void inventoryBreakerOpensAfterRepeatedFailuresAndThenSparesTheInventory() {
		downstreams.inventory(DownstreamStub.Behaviour.FAIL);
		for (int i = 0; i < 5; i++) {
			place("key-" + i, ONE_MUG, "alice");
		}
		assertThat(this.circuitBreakers.circuitBreaker("inventory-service").getState())
			.isEqualTo(CircuitBreaker.State.OPEN);
		int reservationRequests = downstreams.reservationRequests();
		RestTestClientResponse response = place("key-5", ONE_MUG, "alice");
		assertThat(response).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
		assertThat(response).bodyJson().extractingPath("$.reason").asString().contains("paused");
		assertThat(downstreams.reservationRequests()).isEqualTo(reservationRequests);
	}

	@Test
	void openBreakerShowsInHealthWhileTheServiceStaysUp() {
		downstreams.inventory(DownstreamStub.Behaviour.FAIL);
		for (int i = 0; i < 5; i++) {
			place("key-" + i, ONE_MUG, "alice");
		}
		RestTestClientResponse health = operator("/actuator/health");
		assertThat(health).hasStatusOk();
		assertThat(health).bodyJson()
			.isLenientlyEqualTo(
					"""
							{"status": "UP", "components": {"downstreams": {"components": {
							  "inventory-service": {"status": "CIRCUIT_OPEN", "details": {"state": "OPEN", "maxConcurrentCalls": 10}},
							  "catalog-service": {"status": "UP", "details": {"state": "CLOSED", "maxConcurrentCalls": 20}}}}}}
							""");
		assertThat(operator("/actuator/circuitbreakers")).bodyJson()
			.extractingPath("$.circuitBreakers.inventory-service.state")
			.isEqualTo("OPEN");
		assertThat(operator("/actuator/metrics/resilience4j.circuitbreaker.state")).hasStatusOk();
	}

	@Test
	void unavailableCatalogIsReplacedByTheLastKnownPrice() {
		assertThat(place("key-1", ONE_MUG, "alice")).hasStatus(201);
		downstreams.catalog(DownstreamStub.Behaviour.FAIL);
		RestTestClientResponse response = place("key-2", ONE_MUG, "alice");
		assertThat(response).hasStatus(201);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": "CONFIRMED", "total": 12.50,
				 "lines": [{"sku": "TRL-MUG-001", "unitPrice": 12.50, "priceSource": "LAST_KNOWN"}]}
				""");
	}

	@Test
	void unavailableCatalogWithoutKnownPriceIsServiceUnavailableProblemWithRetryAfter() {
		downstreams.catalog(DownstreamStub.Behaviour.HANG);
		long start = System.nanoTime();
		RestTestClientResponse response = place("key-1", MUG_AND_TEE, "alice");
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response).hasStatus(503).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).headers().hasValue("Retry-After", "5");
		assertThat(response).bodyJson().extractingPath("$.detail").asString().contains("TRL-MUG-001");
		// One catalog time limit (1 s), not one per line: the second line is not asked.
		assertThat(downstreams.catalogRequests()).isOne();
		assertThat(elapsed).isLessThan(Duration.ofSeconds(1 + 4));
		assertThat(downstreams.reservationRequests()).isZero();
		assertThat(count("orders")).isZero();
	}

	@Test
	void unknownSkuIsUnprocessableProblemNamingTheLine() {
		RestTestClientResponse response = place("key-1", """
				{"lines": [{"sku": "TRL-MUG-001", "quantity": 1}, {"sku": "TRL-XXX-999", "quantity": 1}]}
				""", "alice");
		assertThat(response).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": 422, "errors": [{"field": "lines[1].sku"}]}
				""");
		assertThat(response).bodyJson().extractingPath("$.detail").asString().contains("lines[1].sku");
		assertThat(downstreams.reservationRequests()).isZero();
	}

	@Test
	void sameKeyAndBodyAgainAnswersWithTheSameOrder() {
		RestTestClientResponse first = place("key-1", MUG_AND_TEE, "alice");
		RestTestClientResponse again = place("key-1", MUG_AND_TEE, "alice");
		assertThat(first).hasStatus(201);
		assertThat(again).hasStatus(200);
		assertThat(id(again)).isEqualTo(id(first));
		assertThat(count("orders")).isOne();
		assertThat(downstreams.reservationRequests()).isOne();
	}

	@Test
	void sameKeyWithAnotherBodyIsConflictProblem() {
		assertThat(place("key-1", MUG_AND_TEE, "alice")).hasStatus(201);
		RestTestClientResponse response = place("key-1", ONE_MUG, "alice");
		assertThat(response).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.detail").asString().contains("key-1");
		assertThat(count("orders")).isOne();
	}

	@Test
	void sameKeyOfAnotherCustomerIsAnotherOrder() {
		String alices = id(place("key-1", ONE_MUG, "alice"));
		RestTestClientResponse bobs = place("key-1", ONE_MUG, "bob");
		assertThat(bobs).hasStatus(201);
		assertThat(id(bobs)).isNotEqualTo(alices);
	}

	@Test
	void concurrentDuplicatesPlaceOneOrder() throws Exception {
		ExecutorService callers = Executors.newFixedThreadPool(6);
		try {
			List<Callable<RestTestClientResponse>> requests = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				requests.add(() -> place("key-1", MUG_AND_TEE, "alice"));
			}
			List<String> ids = new ArrayList<>();
			for (Future<RestTestClientResponse> response : callers.invokeAll(requests)) {
				assertThat(response.get().getExchangeResult().getStatus().is2xxSuccessful()).isTrue();
				ids.add(id(response.get()));
			}
			assertThat(ids).hasSize(6).containsOnly(ids.get(0));
			assertThat(count("orders")).isOne();
			assertThat(count("idempotency_keys")).isOne();
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void missingIdempotencyKeyIsBadRequestProblem() {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.post()
			.uri("/orders")
			.header("Authorization", "Bearer " + token("alice", "orders.write"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(ONE_MUG)
			.exchange());
		assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.detail").asString().contains("Idempotency-Key");
	}

	@Test
	void emptyLinesAreBadRequestProblemNamingTheField() {
		RestTestClientResponse response = place("key-1", "{\"lines\": []}", "alice");
		assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": 400, "errors": [{"field": "lines"}]}
				""");
	}

	@Test
	void invalidLinesAreBadRequestProblemNamingEachField() {
		RestTestClientResponse response = place("key-1", """
				{"lines": [{"sku": "TRL-MUG-001", "quantity": 0}, {"sku": "mug", "quantity": 1}]}
				""", "alice");
		assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("lines[0].quantity", "lines[1].sku");
		assertThat(response).bodyJson().extractingPath("$.detail").asString().contains("lines[0].quantity");
		assertThat(downstreams.catalogRequests()).isZero();
	}

	@Test
	void malformedJsonIsBadRequestProblem() {
		RestTestClientResponse response = place("key-1", "{\"lines\": [", "alice");
		assertThat(response).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void placingAnOrderNeedsTheOrdersWriteScope() {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.post()
			.uri("/orders")
			.header("Authorization", "Bearer " + token("alice", "orders.read"))
			.header("Idempotency-Key", "key-1")
			.contentType(MediaType.APPLICATION_JSON)
			.body(ONE_MUG)
			.exchange());
		assertThat(response).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void customerSeesOnlyOwnOrders() {
		String alices = id(place("key-1", ONE_MUG, "alice"));
		assertThat(get("/orders/" + alices, "alice")).hasStatusOk().bodyJson().extractingPath("$.id").isEqualTo(alices);
		assertThat(get("/orders/" + alices, "bob")).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(get("/orders", "bob")).bodyJson().extractingPath("$.page.totalElements").isEqualTo(0);
	}

	@Test
	void listShowsTheCustomersOrdersNewestFirst() {
		String first = id(place("key-1", ONE_MUG, "alice"));
		String second = id(place("key-2", MUG_AND_TEE, "alice"));
		place("key-3", ONE_MUG, "bob");
		RestTestClientResponse response = get("/orders?page=0&size=20", "alice");
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().extractingPath("$.content[*].id").asArray().containsExactly(second, first);
		assertThat(response).bodyJson().extractingPath("$.page.totalElements").isEqualTo(2);
	}

	@Test
	void unknownOrderIsNotFoundProblem() {
		assertThat(get("/orders/" + UUID.randomUUID(), "alice")).hasStatus(404);
	}

	@Test
	void quoteIsPricedByTheCatalogAlone() {
		downstreams.inventory(DownstreamStub.Behaviour.FAIL);
		RestTestClientResponse response = quote(MUG_AND_TEE);
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"total": 47.00, "currency": "EUR",
				 "lines": [{"sku": "TRL-MUG-001", "quantity": 2, "unitPrice": 12.50, "priceSource": "LIVE"},
				           {"sku": "TRL-TEE-001", "quantity": 1, "unitPrice": 22.00, "priceSource": "LIVE"}]}
				""");
		assertThat(downstreams.reservationRequests()).isZero();
		assertThat(count("orders")).isZero();
	}

	@Test
	void readinessIncludesTheDatabaseButNotTheDownstreams() {
		downstreams.inventory(DownstreamStub.Behaviour.FAIL);
		for (int i = 0; i < 5; i++) {
			place("key-" + i, ONE_MUG, "alice");
		}
		RestTestClientResponse response = operator("/actuator/health/readiness");
		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": "UP", "components": {"db": {"status": "UP"}, "readinessState": {"status": "UP"}}}
				""");
		assertThat(response).bodyJson().doesNotHavePath("$.components.downstreams");
	}

	@Test
	void loadBalancedRetriesPauseWithExponentialBackOff() {
		assertThat(this.loadBalancedRetries.createBackOffPolicy("inventory-service"))
			.isInstanceOf(ExponentialRandomBackOffPolicy.class);
	}

	@Test
	void plainRestClientBuilderCallsHostsDirectlyWithoutTheServiceToken() {
		// The Eureka client and others use it: "localhost" is a host, not a service.
		String product = this.plainRestClientBuilder.build()
			.get()
			.uri(downstreams.url() + "/products/TRL-MUG-001")
			.retrieve()
			.body(String.class);
		assertThat(product).contains("TRL-MUG-001");
		assertThat(downstreams.authorizations()).containsExactly("null");
	}

	private RestTestClientResponse place(String idempotencyKey, String body, String customer) {
		return this.orders.place(idempotencyKey, body, customer);
	}

	private RestTestClientResponse quote(String body) {
		return RestTestClientResponse.from(this.client.post()
			.uri("/orders/quote")
			.header("Authorization", "Bearer " + OrdersClient.token("alice", "orders.read"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange());
	}

	private RestTestClientResponse get(String uri, String customer) {
		return this.orders.get(uri, customer);
	}

	private RestTestClientResponse operator(String uri) {
		String credentials = Base64.getEncoder().encodeToString("ops:ops-secret".getBytes());
		return RestTestClientResponse
			.from(this.client.get().uri(uri).header("Authorization", "Basic " + credentials).exchange());
	}

	private static String token(String customer, String... scopes) {
		return OrdersClient.token(customer, scopes);
	}

	private static String id(RestTestClientResponse response) {
		return OrdersClient.id(response);
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
