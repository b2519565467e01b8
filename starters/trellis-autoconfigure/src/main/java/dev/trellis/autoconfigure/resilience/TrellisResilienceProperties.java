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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the calls a Trellis service makes to other services.
 * <p>
 * Every downstream named under {@code trellis.resilience.downstreams} gets a time
 * limiter, a circuit breaker and a bulkhead of that name, with the defaults below.
 * Resilience4j's own {@code resilience4j.<pattern>.instances.<name>} properties, where
 * present, replace them whole for that instance.
 *
 * @author Trellis
 */
@ConfigurationProperties("trellis.resilience")
public class TrellisResilienceProperties {

	/**
	 * Whether calls to downstreams get Trellis's time limits, circuit breakers and
	 * bulkheads.
	 */
	private boolean enabled = true;

	/**
	 * Downstream services by name (the service id in discovery, which is also the name of
	 * their circuit breaker, bulkhead and time limiter).
	 */
	private final Map<String, Downstream> downstreams = new LinkedHashMap<>();

	private final Retry retry = new Retry();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Map<String, Downstream> getDownstreams() {
		return this.downstreams;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Settings of the named downstream, or the defaults for one that is not configured.
	 * @param name the downstream's name
	 * @return its settings
	 */
	Downstream downstream(String name) {
		Downstream downstream = this.downstreams.get(name);
		return (downstream != null) ? downstream : new Downstream();
	}

	/**
	 * Calls to one downstream service.
	 */
	public static class Downstream {

		/**
		 * Longest a call may take before the caller stops waiting for it and it counts as
		 * a failure: the downstream's share of the caller's own response time budget.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * Most calls to this downstream in progress at once; further calls are refused
		 * (and do not count against the downstream's circuit breaker).
		 */
		private int maxConcurrentCalls = 20;

		/**
		 * Longest a call waits for a free place when the maximum of concurrent calls is
		 * reached, before it is refused.
		 */
		private Duration maxWait = Duration.ofMillis(20);

		private final CircuitBreaker circuitBreaker = new CircuitBreaker();

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getMaxConcurrentCalls() {
			return this.maxConcurrentCalls;
		}

		public void setMaxConcurrentCalls(int maxConcurrentCalls) {
			this.maxConcurrentCalls = maxConcurrentCalls;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		public CircuitBreaker getCircuitBreaker() {
			return this.circuitBreaker;
		}

	}

	/**
	 * Circuit breaker of one downstream: it opens when too many of the last calls failed
	 * or were slow, refuses calls while open, and lets a few trial calls through after a
	 * wait.
	 */
	public static class CircuitBreaker {

		/**
		 * Number of most recent calls whose outcome decides whether the breaker opens.
		 */
		private int slidingWindowSize = 10;

		/**
		 * Fewest calls in the window before failure and slow call rates are computed.
		 */
		private int minimumNumberOfCalls = 5;

		/**
		 * Percentage of failed calls in the window at or above which the breaker opens.
		 */
		private float failureRateThreshold = 50;

		/**
		 * Percentage of slow calls in the window at or above which the breaker opens.
		 */
		private float slowCallRateThreshold = 50;

		/**
		 * Duration above which a call counts as slow. Unset, half the downstream's
		 * timeout.
		 */
		private @Nullable Duration slowCallDurationThreshold;

		/**
		 * Time the breaker stays open, refusing calls, before it lets trial calls through
		 * (half-open) on its own.
		 */
		private Duration waitDurationInOpenState = Duration.ofSeconds(5);

		/**
		 * Number of trial calls let through while half-open; their outcome closes or
		 * reopens the breaker.
		 */
		private int permittedNumberOfCallsInHalfOpenState = 3;

		public int getSlidingWindowSize() {
			return this.slidingWindowSize;
		}

		public void setSlidingWindowSize(int slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
		}

		public int getMinimumNumberOfCalls() {
			return this.minimumNumberOfCalls;
		}

		public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
			this.minimumNumberOfCalls = minimumNumberOfCalls;
		}

		public float getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		public void setFailureRateThreshold(float failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

		public float getSlowCallRateThreshold() {
			return this.slowCallRateThreshold;
		}

		public void setSlowCallRateThreshold(float slowCallRateThreshold) {
			this.slowCallRateThreshold = slowCallRateThreshold;
		}

		public @Nullable Duration getSlowCallDurationThreshold() {
			return this.slowCallDurationThreshold;
		}

		public void setSlowCallDurationThreshold(@Nullable Duration slowCallDurationThreshold) {
			this.slowCallDurationThreshold = slowCallDurationThreshold;
		}

		public Duration getWaitDurationInOpenState() {
			return this.waitDurationInOpenState;
		}

		public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
			this.waitDurationInOpenState = waitDurationInOpenState;
		}

		public int getPermittedNumberOfCallsInHalfOpenState() {
			return this.permittedNumberOfCallsInHalfOpenState;
		}

		public void setPermittedNumberOfCallsInHalfOpenState(int permittedNumberOfCallsInHalfOpenState) {
			this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
		}

	}

	/**
	 * Retries of load-balanced requests on another instance of the same service (Spring
	 * Cloud LoadBalancer with Spring Retry). Which requests are retried, and how often,
	 * is set by spring.cloud.loadbalancer.retry: by default only idempotent (GET)
	 * requests, once, on the next instance.
	 */
	public static class Retry {

		/**
		 * Pause before the first retry; each further pause doubles, with random jitter,
		 * up to the maximum.
		 */
		private Duration initialBackoff = Duration.ofMillis(50);

		/**
		 * Longest pause between two attempts.
		 */
		private Duration maxBackoff = Duration.ofMillis(500);

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

}
