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
package dev.trellis.deploy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The metric names dashboards may query, as Prometheus stores them (Micrometer's
 * Prometheus naming: dots become underscores, a gauge or counter gets its base unit, a
 * timer is {@code _seconds_count}, {@code _seconds_sum}, {@code _seconds_max} and, with a
 * percentiles histogram, {@code _seconds_bucket}; counters end in {@code _total}). A name
 * in a dashboard that is not listed here fails the build: a typo, or a metric to add here
 * after checking that an app really exposes it. The Trellis and Resilience4j names are
 * checked against a real registry by {@link KnownMetricsTests}.
 *
 * @author Trellis authors
 */
final class KnownMetrics {

	/** Prometheus's own series for every target. */
	static final List<String> PROMETHEUS = List.of("up");

	/**
	 * Spring Boot: HTTP server and client observations (http.server.requests with
	 * management.metrics.distribution.percentiles-histogram.http.server.requests=true),
	 * JVM, process and Hikari meters.
	 */
	static final List<String> SPRING_BOOT = List.of("http_server_requests_seconds_count",
			"http_server_requests_seconds_sum", "http_server_requests_seconds_max",
			"http_server_requests_seconds_bucket", "http_client_requests_seconds_count",
			"http_client_requests_seconds_sum", "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum",
			"jvm_threads_live_threads", "process_cpu_usage", "system_cpu_usage", "process_uptime_seconds",
			"hikaricp_connections_active", "hikaricp_connections_pending");

	/**
	 * Spring Cloud Gateway Server WebFlux: the spring.cloud.gateway.requests timer of its
	 * GatewayMetricsFilter (spring.cloud.gateway.server.webflux.metrics.enabled=true;
	 * tags routeId, routeUri, httpMethod, httpStatusCode, outcome, status).
	 */
	static final List<String> GATEWAY = List.of("spring_cloud_gateway_requests_seconds_count",
			"spring_cloud_gateway_requests_seconds_sum");

	/**
	 * Resilience4j's tagged meters (resilience4j-micrometer), tag name = the instance.
	 */
	static final List<String> RESILIENCE4J = List.of("resilience4j_circuitbreaker_state",
			"resilience4j_circuitbreaker_failure_rate", "resilience4j_circuitbreaker_slow_call_rate",
			"resilience4j_circuitbreaker_calls_seconds_count", "resilience4j_circuitbreaker_not_permitted_calls_total",
			"resilience4j_bulkhead_available_concurrent_calls", "resilience4j_bulkhead_max_allowed_concurrent_calls",
			"resilience4j_retry_calls_total", "resilience4j_timelimiter_calls_total");

	/**
	 * Kafka: Micrometer's Kafka client metrics (producer and consumer factories with a
	 * Micrometer listener), the binder's consumer lag gauge
	 * (spring.cloud.stream.binder.kafka.offset, tags group and topic), and Spring Kafka's
	 * template and listener timers.
	 */
	static final List<String> KAFKA = List.of("kafka_producer_topic_record_send_total",
			"kafka_producer_record_error_total", "kafka_consumer_fetch_manager_records_lag_max",
			"kafka_consumer_fetch_manager_records_consumed_total", "spring_cloud_stream_binder_kafka_offset",
			"spring_kafka_template_seconds_count", "spring_kafka_template_seconds_sum",
			"spring_kafka_listener_seconds_count", "spring_kafka_listener_seconds_sum",
			"spring_kafka_listener_seconds_max");

	/** Trellis's own meters: the outbox gauges of trellis-starter-messaging. */
	static final List<String> TRELLIS = List.of("trellis_outbox_backlog_events", "trellis_outbox_oldest_age_seconds");

	private KnownMetrics() {
	}

	static Set<String> all() {
		Set<String> all = new LinkedHashSet<>();
		all.addAll(PROMETHEUS);
		all.addAll(SPRING_BOOT);
		all.addAll(GATEWAY);
		all.addAll(RESILIENCE4J);
		all.addAll(KAFKA);
		all.addAll(TRELLIS);
		return all;
	}

}
