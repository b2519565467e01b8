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

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import dev.trellis.autoconfigure.messaging.OutboxMetrics;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KnownMetrics}: the names the dashboards read are those a real
 * Prometheus registry exposes for the meters Trellis binds.
 *
 * @author Trellis authors
 */
class KnownMetricsTests {

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	@Test
	void outboxGaugesAreExposedUnderTheKnownNames() {
		new OutboxMetrics(emptyDatabase(), Clock.systemUTC()).bindTo(this.registry);
		assertThat(exposedNames()).containsAll(KnownMetrics.TRELLIS);
	}

	@Test
	void resilience4jMetersAreExposedUnderTheKnownNames() {
		bindResilience4j();
		assertThat(exposedNames()).containsAll(KnownMetrics.RESILIENCE4J);
	}

	@Test
	void breakerStatesAndCallKindsHaveTheLabelValuesTheResilienceDashboardReads() {
		bindResilience4j();
		String scrape = this.registry.scrape();
		assertThat(scrape).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*state=\"half_open\"")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*state=\"open\"")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*state=\"forced_open\"")
			.containsPattern("resilience4j_circuitbreaker_calls_seconds_count\\{[^}]*kind=\"failed\"")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"inventory-service\"");
	}

	private void bindResilience4j() {
		// As ResilienceAutoConfiguration binds them, one instance per downstream.
		CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
		circuitBreakers.circuitBreaker("inventory-service");
		BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
		bulkheads.bulkhead("inventory-service");
		TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.ofDefaults();
		timeLimiters.timeLimiter("inventory-service");
		RetryRegistry retries = RetryRegistry.ofDefaults();
		retries.retry("inventory-service");
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(this.registry);
		TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(this.registry);
		TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(this.registry);
		TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(this.registry);
	}

	/**
	 * A database whose every query answers nothing (an empty outbox).
	 */
	private static JdbcOperations emptyDatabase() {
		return (JdbcOperations) Proxy.newProxyInstance(KnownMetricsTests.class.getClassLoader(),
				new Class<?>[] { JdbcOperations.class }, (proxy, method, arguments) -> null);
	}

	private Set<String> exposedNames() {
		return this.registry.scrape()
			.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.map((line) -> line.split("[{ ]", 2)[0])
			.collect(Collectors.toSet());
	}

}
