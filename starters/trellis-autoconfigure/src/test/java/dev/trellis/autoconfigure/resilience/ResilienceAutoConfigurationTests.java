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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JAutoConfiguration;
import org.springframework.cloud.client.loadbalancer.LoadBalancedRetryFactory;
import org.springframework.cloud.client.loadbalancer.LoadBalancerProperties;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.http.HttpStatus;
import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ResilienceAutoConfiguration} and {@link DownstreamCalls}.
 *
 * @author Trellis
 */
class ResilienceAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class,
				TimeLimiterAutoConfiguration.class, BulkheadAutoConfiguration.class,
				Resilience4JAutoConfiguration.class, ResilienceAutoConfiguration.class))
		.withPropertyValues("trellis.resilience.downstreams.catalog-service.timeout=2s");

	private final ExecutorService callers = Executors.newCachedThreadPool();

	@AfterEach
	void stopCallers() {
		this.callers.shutdownNow();
	}

	@Test
	void everyDownstreamGetsTheDefaults() {
		this.contextRunner.run((context) -> {
			CircuitBreakerConfig config = circuitBreaker(context, "catalog-service").getCircuitBreakerConfig();
			assertThat(config.getSlidingWindowType()).isEqualTo(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED);
			assertThat(config.getSlidingWindowSize()).isEqualTo(10);
			assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
			assertThat(config.getFailureRateThreshold()).isEqualTo(50);
			assertThat(config.getSlowCallRateThreshold()).isEqualTo(50);
			assertThat(config.getSlowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(1));
			assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
			assertThat(config.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isTrue();
			assertThat(context.getBean(TimeLimiterRegistry.class)
				.find("catalog-service")
				.orElseThrow()
				.getTimeLimiterConfig()
				.getTimeoutDuration()).isEqualTo(Duration.ofSeconds(2));
			assertThat(context.getBean(BulkheadRegistry.class)
				.find("catalog-service")
				.orElseThrow()
				.getBulkheadConfig()
				.getMaxConcurrentCalls()).isEqualTo(20);
		});
	}

	@Test
	void downstreamSettingsOverrideTheDefaults() {
		this.contextRunner
			.withPropertyValues("trellis.resilience.downstreams.inventory-service.timeout=1500ms",
					"trellis.resilience.downstreams.inventory-service.max-concurrent-calls=10",
					"trellis.resilience.downstreams.inventory-service.circuit-breaker.sliding-window-size=4",
					"trellis.resilience.downstreams.inventory-service.circuit-breaker.wait-duration-in-open-state=30s")
			.run((context) -> {
				CircuitBreakerConfig config = circuitBreaker(context, "inventory-service").getCircuitBreakerConfig();
				assertThat(config.getSlidingWindowSize()).isEqualTo(4);
				assertThat(config.getSlowCallDurationThreshold()).isEqualTo(Duration.ofMillis(750));
				assertThat(context.getBean(BulkheadRegistry.class)
					.find("inventory-service")
					.orElseThrow()
					.getBulkheadConfig()
					.getMaxConcurrentCalls()).isEqualTo(10);
				assertThat(context.getBean(TimeLimiterRegistry.class)
					.find("inventory-service")
					.orElseThrow()
					.getTimeLimiterConfig()
					.getTimeoutDuration()).isEqualTo(Duration.ofMillis(1500));
				assertThat(circuitBreaker(context, "catalog-service").getCircuitBreakerConfig().getSlidingWindowSize())
					.isEqualTo(10);
			});
	}

	@Test
	void resilience4jInstancePropertiesWinOverTrellisDefaults() {
		this.contextRunner
			.withPropertyValues("resilience4j.circuitbreaker.instances.catalog-service.sliding-window-size=7")
			.run((context) -> assertThat(
					circuitBreaker(context, "catalog-service").getCircuitBreakerConfig().getSlidingWindowSize())
				.isEqualTo(7));
	}

	@Test
	void breakerOpensAfterFailuresThenShortCircuits() {
		this.contextRunner.run((context) -> {
			DownstreamCalls calls = context.getBean(DownstreamCalls.class);
			AtomicInteger attempts = new AtomicInteger();
			for (int i = 0; i < 5; i++) {
				calls.call("catalog-service", () -> {
					attempts.incrementAndGet();
					throw new HttpServerErrorException(HttpStatus.SERVICE_UNAVAILABLE);
				}, (failure) -> "fallback");
			}
			assertThat(circuitBreaker(context, "catalog-service").getState()).isEqualTo(State.OPEN);
			Object refusal = calls.<Object>call("catalog-service", () -> {
				attempts.incrementAndGet();
				return "live";
			}, (failure) -> failure);
			assertThat(refusal).isInstanceOf(CallNotPermittedException.class);
			assertThat(attempts).hasValue(5);
		});
	}

	@Test
	void openBreakerLetsTrialCallsThroughAfterItsWait() {
		this.contextRunner
			.withPropertyValues(
					"trellis.resilience.downstreams.catalog-service.circuit-breaker.wait-duration-in-open-state=200ms")
			.run((context) -> {
				DownstreamCalls calls = context.getBean(DownstreamCalls.class);
				for (int i = 0; i < 5; i++) {
					calls.call("catalog-service", () -> {
						throw new HttpServerErrorException(HttpStatus.INTERNAL_SERVER_ERROR);
					}, (failure) -> "fallback");
				}
				CircuitBreaker circuitBreaker = circuitBreaker(context, "catalog-service");
				assertThat(circuitBreaker.getState()).isEqualTo(State.OPEN);
				await().atMost(Duration.ofSeconds(5)).until(() -> circuitBreaker.getState() == State.HALF_OPEN);
				for (int i = 0; i < 3; i++) {
					assertThat(calls.call("catalog-service", () -> "live", (failure) -> "fallback")).isEqualTo("live");
				}
				assertThat(circuitBreaker.getState()).isEqualTo(State.CLOSED);
			});
	}

	@Test
	void clientErrorsDoNotCountAgainstTheBreaker() {
		this.contextRunner.run((context) -> {
			DownstreamCalls calls = context.getBean(DownstreamCalls.class);
			for (int i = 0; i < 10; i++) {
				assertThatExceptionOfType(HttpClientErrorException.class)
					.isThrownBy(() -> calls.call("catalog-service", () -> {
						throw new HttpClientErrorException(HttpStatus.CONFLICT);
					}));
			}
			CircuitBreaker circuitBreaker = circuitBreaker(context, "catalog-service");
			assertThat(circuitBreaker.getState()).isEqualTo(State.CLOSED);
			assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
		});
	}

	@Test
	void bulkheadRefusesCallsBeyondItsCapWithoutOpeningTheBreaker() {
		this.contextRunner
			.withPropertyValues("trellis.resilience.downstreams.catalog-service.max-concurrent-calls=2",
					"trellis.resilience.downstreams.catalog-service.max-wait=0")
			.run((context) -> {
				DownstreamCalls calls = context.getBean(DownstreamCalls.class);
				CountDownLatch release = new CountDownLatch(1);
				CountDownLatch started = new CountDownLatch(2);
				for (int i = 0; i < 2; i++) {
					this.callers.submit(() -> calls.call("catalog-service", () -> {
						started.countDown();
						awaitLatch(release);
						return "slow";
					}, (failure) -> "fallback"));
				}
				assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
				for (int i = 0; i < 6; i++) {
					assertThat(calls.<Object>call("catalog-service", () -> "live", (failure) -> failure))
						.isInstanceOf(BulkheadFullException.class);
				}
				release.countDown();
				assertThat(circuitBreaker(context, "catalog-service").getState()).isEqualTo(State.CLOSED);
			});
	}

	@Test
	void timeLimitCutsASlowCall() {
		this.contextRunner.withPropertyValues("trellis.resilience.downstreams.catalog-service.timeout=200ms")
			.run((context) -> {
				DownstreamCalls calls = context.getBean(DownstreamCalls.class);
				long start = System.nanoTime();
				Object result = calls.<Object>call("catalog-service", () -> {
					sleep(Duration.ofSeconds(5));
					return "slow";
				}, (failure) -> failure);
				assertThat(result).isInstanceOf(TimeoutException.class);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			});
	}

	@Test
	void callWithoutFallbackThrowsDownstreamUnavailable() {
		this.contextRunner
			.run((context) -> assertThatExceptionOfType(DownstreamCalls.DownstreamUnavailableException.class)
				.isThrownBy(() -> context.getBean(DownstreamCalls.class).call("catalog-service", () -> {
					throw new HttpServerErrorException(HttpStatus.BAD_GATEWAY);
				}))
				.satisfies((ex) -> assertThat(ex.getDownstream()).isEqualTo("catalog-service")));
	}

	@Test
	void undeclaredDownstreamGetsTheDefaultsAndASemaphoreBulkhead() {
		this.contextRunner.run((context) -> {
			context.getBean(DownstreamCalls.class).call("notification-service", () -> "live");
			assertThat(circuitBreaker(context, "notification-service").getCircuitBreakerConfig().getSlidingWindowSize())
				.isEqualTo(10);
			assertThat(context.getBean(BulkheadRegistry.class).find("notification-service")).isPresent();
		});
	}

	@Test
	void healthShowsTheStateOfEachDownstream() {
		this.contextRunner.run((context) -> {
			DownstreamCalls calls = context.getBean(DownstreamCalls.class);
			HealthIndicator catalog = (HealthIndicator) context
				.getBean("downstreamsHealthContributor", CompositeHealthContributor.class)
				.getContributor("catalog-service");
			assertThat(catalog.health().getStatus().getCode()).isEqualTo("UP");
			assertThat(catalog.health().getDetails()).containsEntry("state", State.CLOSED)
				.containsEntry("maxConcurrentCalls", 20);
			for (int i = 0; i < 5; i++) {
				calls.call("catalog-service", () -> {
					throw new HttpServerErrorException(HttpStatus.SERVICE_UNAVAILABLE);
				}, (failure) -> "fallback");
			}
			assertThat(catalog.health().getStatus().getCode()).isEqualTo("CIRCUIT_OPEN");
		});
	}

	@Test
	void breakerBulkheadAndTimeLimiterArePublishedAsMetrics() {
		this.contextRunner.run((context) -> {
			MeterRegistry meters = new SimpleMeterRegistry();
			context.getBean("trellisDownstreamMetrics", MeterBinder.class).bindTo(meters);
			context.getBean(DownstreamCalls.class).call("catalog-service", () -> "live");
			assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "catalog-service").gauges())
				.isNotEmpty();
			assertThat(meters.find("resilience4j.bulkhead.available.concurrent.calls")
				.tag("name", "catalog-service")
				.gauge()).isNotNull();
			assertThat(meters.find("resilience4j.timelimiter.calls").tag("name", "catalog-service").counters())
				.isNotEmpty();
		});
	}

	@Test
	void loadBalancedRetriesBackOffExponentially() {
		this.contextRunner.withBean(ReactiveLoadBalancer.Factory.class, () -> mock(ReactiveLoadBalancer.Factory.class))
			.run((context) -> {
				assertThat(context.getBean(LoadBalancedRetryFactory.class).createBackOffPolicy("catalog-service"))
					.isInstanceOfSatisfying(ExponentialRandomBackOffPolicy.class, (backOff) -> {
						assertThat(backOff.getInitialInterval()).isEqualTo(50);
						assertThat(backOff.getMaxInterval()).isEqualTo(500);
					});
			});
	}

	@Test
	void loadBalancerRetriesOnlyIdempotentRequestsOnceOnTheNextInstanceByDefault() {
		// Trellis relies on Spring Cloud LoadBalancer's defaults here; this pins them.
		LoadBalancerProperties.Retry retry = new LoadBalancerProperties().getRetry();
		assertThat(retry.isEnabled()).isTrue();
		assertThat(retry.isRetryOnAllOperations()).isFalse();
		assertThat(retry.getMaxRetriesOnSameServiceInstance()).isZero();
		assertThat(retry.getMaxRetriesOnNextServiceInstance()).isOne();
	}

	@Test
	void nothingIsConfiguredWhenDisabled() {
		this.contextRunner.withPropertyValues("trellis.resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DownstreamCalls.class)
				.doesNotHaveBean("downstreamsHealthContributor"));
	}

	@Test
	void nothingIsConfiguredWithoutSpringCloudCircuitBreaker() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader(
					org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DownstreamCalls.class));
	}

	private static CircuitBreaker circuitBreaker(AssertableApplicationContext context, String name) {
		return context.getBean(CircuitBreakerRegistry.class).find(name).orElseThrow();
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
