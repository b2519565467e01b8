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
package dev.trellis.e2e;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.Credentials;
import dev.trellis.launcher.Platform;
import dev.trellis.launcher.TraceTree;
import dev.trellis.launcher.ZipkinClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following a request through the platform: one trace in Zipkin from the gateway through
 * the services, the outbox and Kafka to every consumer; its id in the answer and in the
 * log of every app it reached; Prometheus metrics in every app.
 *
 * @author Trellis
 */
@PlatformTest
@Order(14)
class ObservabilityIT {

	private static final String SKU = "TRL-PEN-001";

	/** Spans reach Zipkin a second or so after they end; the Kafka hops come later. */
	private static final Duration TRACE_DEADLINE = Duration.ofSeconds(60);

	private static final List<String> SERVICES = List.of("order-service", "catalog-service", "inventory-service",
			"notification-service");

	private static Placed placed;

	private final Platform platform;

	private final PlatformHttp http;

	ObservabilityIT(Platform platform, PlatformHttp http) {
		this.platform = platform;
		this.http = http;
	}

	@BeforeAll
	static void placeOrder(Platform platform, PlatformHttp http) throws InterruptedException {
		Shop shop = new Shop(platform, http);
		shop.awaitWarm();
		shop.setStock(SKU, 1_000);
		HttpResponse<String> response = shop.placeOrder(UUID.randomUUID().toString(), Shop.lines(SKU, 1));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		List<String> traceIds = response.headers().allValues("X-Trace-Id");
		placed = new Placed(Shop.id(response), Shop.status(response), String.join(",", traceIds));
	}

	@Test
	void answerNamesTheTraceOfTheRequestOnce() {
		// One value, though order-service's own answer named the trace too.
		assertThat(placed.traceId()).matches("[0-9a-f]{32}");
	}

	@Test
	void orderPlacementIsOneTraceFromTheGatewayThroughKafkaToEveryConsumer() throws InterruptedException {
		TraceTree trace = awaitTrace(
				(tree) -> tree.services()
					.containsAll(List.of("gateway", "order-service", "catalog-service", "inventory-service",
							"notification-service"))
						&& consumes(tree, "inventory-service") && consumes(tree, "notification-service")
						&& tree.isConnected());
		System.out.println("Trace of order " + placed.orderId() + " (" + placed.status() + "):\n" + trace.render());
		assertThat(trace.spans()).anySatisfy((span) -> assertThat(span.kind()).isEqualTo("PRODUCER"));
		assertThat(trace.spans()).filteredOn((span) -> span.service().equals("inventory-service"))
			.extracting(TraceTree.Span::kind)
			.contains("SERVER", "CONSUMER");
	}

	@Test
	void orderIdFindsThePlacementTraceAsTrellisTraceDoes() throws InterruptedException {
		awaitTrace((tree) -> tree.services().contains("order-service"));
		Optional<TraceTree> found = zipkin().orderPlacement(placed.orderId());
		assertThat(found).hasValueSatisfying((trace) -> assertThat(trace.traceId()).isEqualTo(placed.traceId()));
	}

	@Test
	void traceIdIsInTheLogOfEveryAppTheOrderReached() throws InterruptedException {
		// The last hop: once the customer is notified, every app has written its lines.
		awaitTrace((tree) -> consumes(tree, "notification-service"));
		for (String name : List.of("gateway", "order-service", "catalog-service", "inventory-service",
				"notification-service")) {
			assertThat(this.platform.instances(name)).as(name)
				.anySatisfy((process) -> assertThat(Files.readString(process.logFile())).as(process.displayName())
					.contains(placed.traceId()));
		}
	}

	@Test
	void everyAppExposesItsMetricsToTheOperator() {
		for (String name : List.of("gateway", "discovery", "config-server", "auth-server", "order-service",
				"catalog-service", "inventory-service", "notification-service")) {
			String scrape = scrape(this.platform.process(name));
			assertThat(scrape).as(name)
				.contains("application=\"" + name + "\"")
				.contains("http_server_requests_seconds_count")
				.contains("jvm_memory_used_bytes")
				.contains("process_cpu_usage");
		}
		assertThat(scrape(this.platform.process("order-service"))).contains("client_name=\"catalog-service\"")
			.contains("client_name=\"inventory-service\"")
			.contains("resilience4j_circuitbreaker_state")
			.contains("resilience4j_bulkhead_available_concurrent_calls")
			.contains("trellis_outbox_backlog_events")
			.contains("kafka_producer_record_send_total")
			.contains("spring_kafka_template_seconds_count");
		for (String consumer : List.of("inventory-service", "notification-service")) {
			// The listener's timer appears with the first record an instance handles, and
			// of two instances only one may have handled any.
			assertThat(this.platform.instances(consumer)).as(consumer)
				.anySatisfy((instance) -> assertThat(scrape(instance)).contains("spring_kafka_listener_seconds_count"))
				.allSatisfy((instance) -> assertThat(scrape(instance))
					.contains("kafka_consumer_fetch_manager_records_lag_max")
					.contains("spring_cloud_stream_binder_kafka_offset"));
		}
	}

	@Test
	void prometheusAnswersOnlyTheOperator() {
		HttpResponse<String> anonymous = this.http
			.get(this.platform.process("gateway").url().resolve("/actuator/prometheus"), null, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	@Test
	void gatewayRequestCountsGrowWithTraffic() {
		AppProcess gateway = this.platform.process("gateway");
		double before = catalogRequests(scrape(gateway));
		for (int i = 0; i < 20; i++) {
			HttpResponse<String> response = this.http.gateway("/api/catalog/products/" + SKU);
			assertThat(response.statusCode()).isEqualTo(200);
		}
		assertThat(catalogRequests(scrape(gateway))).isGreaterThanOrEqualTo(before + 20);
	}

	private TraceTree awaitTrace(java.util.function.Predicate<TraceTree> complete) throws InterruptedException {
		ZipkinClient zipkin = zipkin();
		long deadline = System.nanoTime() + TRACE_DEADLINE.toNanos();
		Optional<TraceTree> trace = Optional.empty();
		while (System.nanoTime() < deadline) {
			trace = zipkin.trace(placed.traceId());
			if (trace.isPresent() && complete.test(trace.get())) {
				return trace.get();
			}
			Thread.sleep(500);
		}
		throw new AssertionError("Zipkin has no complete trace " + placed.traceId() + " within " + TRACE_DEADLINE
				+ "; last seen: " + trace.map(TraceTree::render).orElse("nothing"));
	}

	private ZipkinClient zipkin() {
		return new ZipkinClient(this.platform.url(Platform.ZIPKIN));
	}

	private static boolean consumes(TraceTree trace, String service) {
		return trace.spans()
			.stream()
			.anyMatch((span) -> span.service().equals(service) && span.kind().equals("CONSUMER"));
	}

	private String scrape(AppProcess process) {
		Credentials credentials = this.platform.credentials();
		HttpResponse<String> response = this.http.getText(process.url().resolve("/actuator/prometheus"),
				credentials.get(Credentials.OPS_USER), credentials.get(Credentials.OPS_PASSWORD));
		assertThat(response.statusCode()).as(process.displayName()).isEqualTo(200);
		return response.body();
	}

	/** Sum of the gateway's request counts on the catalog route, over statuses. */
	private static double catalogRequests(String scrape) {
		Matcher matcher = Pattern
			.compile("^spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"catalog\"[^}]*} (\\S+)$",
					Pattern.MULTILINE)
			.matcher(scrape);
		double sum = 0;
		while (matcher.find()) {
			sum += Double.parseDouble(matcher.group(1));
		}
		return sum;
	}

	private record Placed(String orderId, String status, String traceId) {

	}

}
