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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Runs calls to other services through the time limiter, bulkhead and circuit breaker of
 * the downstream they go to, so that a slow or failing downstream costs the caller no
 * more than its time budget and is left alone while it recovers.
 * <p>
 * Each downstream is named as in {@code trellis.resilience.downstreams}; a name that is
 * not configured gets the defaults. A call that fails, times out, is refused by the
 * bulkhead or by the open breaker ends in the fallback with the reason. Only failures of
 * the downstream count against its breaker (server errors, timeouts, I/O errors): a 4xx
 * answer is a valid answer to a bad request and a refused call never reached it.
 * <pre class="code">
 * Price price = downstreamCalls.call("catalog-service", () -&gt; catalog.price(sku),
 * 		(failure) -&gt; lastKnownPrices.find(sku));
 * </pre>
 *
 * @author Trellis
 */
public class DownstreamCalls {

	private final Function<String, CircuitBreaker> circuitBreakerFactory;

	private final Map<String, CircuitBreaker> circuitBreakers = new ConcurrentHashMap<>();

	/**
	 * Create a new instance whose circuit breakers come from the given factory.
	 * @param circuitBreakerFactory Spring Cloud's circuit breaker factory
	 */
	public DownstreamCalls(CircuitBreakerFactory<?, ?> circuitBreakerFactory) {
		this(circuitBreakerFactory::create);
	}

	DownstreamCalls(Function<String, CircuitBreaker> circuitBreakerFactory) {
		this.circuitBreakerFactory = circuitBreakerFactory;
	}

	/**
	 * Make a call to the named downstream, answering from the fallback when the call
	 * fails or cannot be made.
	 * @param <T> type of the result
	 * @param downstream name of the downstream
	 * @param call the call
	 * @param fallback answer when the call failed, given the reason: the call's
	 * exception, a {@link java.util.concurrent.TimeoutException}, a bulkhead's or an open
	 * breaker's refusal. It may throw, such as to pass a 4xx answer on.
	 * @return the result of the call or of the fallback
	 */
	public <T> T call(String downstream, Supplier<T> call, Function<Throwable, T> fallback) {
		return circuitBreaker(downstream).run(call, fallback);
	}

	/**
	 * Make a call to the named downstream, throwing
	 * {@link DownstreamUnavailableException} when it fails or cannot be made. A 4xx
	 * answer is thrown as it is.
	 * @param <T> type of the result
	 * @param downstream name of the downstream
	 * @param call the call
	 * @return the result of the call
	 */
	public <T> T call(String downstream, Supplier<T> call) {
		return call(downstream, call, (failure) -> {
			if (failure instanceof HttpClientErrorException clientError) {
				throw clientError;
			}
			throw new DownstreamUnavailableException(downstream, failure);
		});
	}

	private CircuitBreaker circuitBreaker(String downstream) {
		return this.circuitBreakers.computeIfAbsent(downstream, this.circuitBreakerFactory);
	}

	/**
	 * Thrown when a call to a downstream failed, timed out or was refused.
	 */
	public static class DownstreamUnavailableException extends RuntimeException {

		private final String downstream;

		DownstreamUnavailableException(String downstream, @Nullable Throwable cause) {
			super("Call to " + downstream + " failed: " + ((cause != null) ? cause : "unknown reason"), cause);
			this.downstream = downstream;
		}

		/**
		 * Name of the downstream.
		 * @return the name
		 */
		public String getDownstream() {
			return this.downstream;
		}

	}

}
