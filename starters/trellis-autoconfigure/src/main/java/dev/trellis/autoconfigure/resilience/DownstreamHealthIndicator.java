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
package dev.trellis.autoconfigure.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for calls to one downstream: the state of its circuit breaker
 * and how full its bulkhead is.
 * <p>
 * An open breaker or a full bulkhead shows as its own status ({@value #CIRCUIT_OPEN},
 * {@value #CIRCUIT_HALF_OPEN}, {@value #BULKHEAD_FULL}), never as {@code DOWN}: this
 * service still works (it answers from its fallbacks), and a {@code DOWN} would take it
 * out of discovery and spread one service's outage to every caller. Health aggregation
 * leaves such statuses out, so the service stays {@code UP}.
 *
 * @author Trellis
 */
class DownstreamHealthIndicator implements HealthIndicator {

	static final String CIRCUIT_OPEN = "CIRCUIT_OPEN";

	static final String CIRCUIT_HALF_OPEN = "CIRCUIT_HALF_OPEN";

	static final String BULKHEAD_FULL = "BULKHEAD_FULL";

	private final String downstream;

	private final CircuitBreakerRegistry circuitBreakers;

	private final BulkheadRegistry bulkheads;

	DownstreamHealthIndicator(String downstream, CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads) {
		this.downstream = downstream;
		this.circuitBreakers = circuitBreakers;
		this.bulkheads = bulkheads;
	}

	@Override
	public Health health() {
		@Nullable CircuitBreaker circuitBreaker = this.circuitBreakers.find(this.downstream).orElse(null);
		@Nullable Bulkhead bulkhead = this.bulkheads.find(this.downstream).orElse(null);
		if (circuitBreaker == null) {
			return Health.unknown().withDetail("reason", "no call yet").build();
		}
		CircuitBreaker.Metrics metrics = circuitBreaker.getMetrics();
		Health.Builder health = Health.status(status(circuitBreaker.getState(), bulkhead))
			.withDetail("state", circuitBreaker.getState())
			.withDetail("failureRate", metrics.getFailureRate() + "%")
			.withDetail("slowCallRate", metrics.getSlowCallRate() + "%")
			.withDetail("bufferedCalls", metrics.getNumberOfBufferedCalls())
			.withDetail("failedCalls", metrics.getNumberOfFailedCalls())
			.withDetail("slowCalls", metrics.getNumberOfSlowCalls())
			.withDetail("notPermittedCalls", metrics.getNumberOfNotPermittedCalls());
		if (bulkhead != null) {
			health.withDetail("maxConcurrentCalls", bulkhead.getMetrics().getMaxAllowedConcurrentCalls())
				.withDetail("availableConcurrentCalls", bulkhead.getMetrics().getAvailableConcurrentCalls());
		}
		return health.build();
	}

	private Status status(CircuitBreaker.State state, @Nullable Bulkhead bulkhead) {
		return switch (state) {
			case OPEN, FORCED_OPEN -> new Status(CIRCUIT_OPEN);
			case HALF_OPEN -> new Status(CIRCUIT_HALF_OPEN);
			default -> (bulkhead != null && bulkhead.getMetrics().getAvailableConcurrentCalls() == 0)
					? new Status(BULKHEAD_FULL) : Status.UP;
		};
	}

}
