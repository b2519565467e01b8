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

import dev.trellis.autoconfigure.resilience.TrellisResilienceProperties.Downstream;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.client.loadbalancer.LoadBalancedRetryFactory;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.loadbalancer.blocking.retry.BlockingLoadBalancedRetryFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;
import org.springframework.retry.support.RetryTemplate;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for calls to other services: each downstream named in
 * {@code trellis.resilience.downstreams} gets a time limiter, a count-based circuit
 * breaker and a semaphore bulkhead of its name (Resilience4j, through Spring Cloud
 * CircuitBreaker), created at startup so that they show in health and metrics from the
 * start; {@link DownstreamCalls} runs a call through all three.
 * <p>
 * Resilience4j's defaults suit no service call: a breaker that needs 100 calls before it
 * can open, a 1 s time limit for every call, a thread pool bulkhead. Trellis's defaults
 * are in {@link TrellisResilienceProperties}; Resilience4j's own
 * {@code resilience4j.<pattern>.instances.<name>} properties replace them for an
 * instance.
 * <p>
 * Load-balanced requests that fail on one instance are retried on the next one with an
 * exponential, jittered back-off (Spring Cloud LoadBalancer retries without any pause by
 * default).
 *
 * @author Trellis
 */
@AutoConfiguration(
		beforeName = "org.springframework.cloud.loadbalancer.config.BlockingLoadBalancerClientAutoConfiguration",
		afterName = { "org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JAutoConfiguration",
				"io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
				"io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration",
				"io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration",
				"org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
				"org.springframework.cloud.loadbalancer.config.LoadBalancerAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "trellis.resilience.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TrellisResilienceProperties.class)
public final class ResilienceAutoConfiguration {

	/**
	 * Tag Spring Cloud CircuitBreaker puts on the instances it creates (and on their
	 * metrics); the instances created here carry it too.
	 */
	private static final String GROUP_TAG = "group";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Resilience4JCircuitBreakerFactory.class, Bulkhead.class })
	static class CircuitBreakerConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "trellisCircuitBreakerFactoryCustomizer")
		Customizer<Resilience4JCircuitBreakerFactory> trellisCircuitBreakerFactoryCustomizer(
				TrellisResilienceProperties properties) {
			return (factory) -> {
				factory.configureDefault((id) -> new Resilience4JConfigBuilder(id)
					.circuitBreakerConfig(circuitBreakerConfig(properties.downstream(id)))
					.timeLimiterConfig(timeLimiterConfig(properties.downstream(id)))
					.build());
				properties.getDownstreams().forEach((name, downstream) -> {
					Map<String, String> tags = Map.of(GROUP_TAG, name);
					// Returns the instance if resilience4j.*.instances configured it.
					factory.getCircuitBreakerRegistry().circuitBreaker(name, circuitBreakerConfig(downstream), tags);
					factory.getTimeLimiterRegistry().timeLimiter(name, timeLimiterConfig(downstream), tags);
				});
			};
		}

		@Bean
		@ConditionalOnMissingBean(name = "trellisBulkheadProviderCustomizer")
		Customizer<Resilience4jBulkheadProvider> trellisBulkheadProviderCustomizer(
				TrellisResilienceProperties properties) {
			return (provider) -> {
				provider.configureDefault((id) -> new Resilience4jBulkheadConfigurationBuilder()
					.bulkheadConfig(bulkheadConfig(properties.downstream(id)))
					.threadPoolBulkheadConfig(ThreadPoolBulkheadConfig.ofDefaults())
					.build());
				// A bulkhead that exists in the registry makes the provider use a
				// semaphore bulkhead, not a thread pool, for that name.
				properties.getDownstreams().keySet().forEach((name) -> semaphoreBulkhead(provider, name));
			};
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(CircuitBreakerFactory.class)
		DownstreamCalls trellisDownstreamCalls(CircuitBreakerFactory<?, ?> circuitBreakerFactory,
				ObjectProvider<Resilience4jBulkheadProvider> bulkheadProvider) {
			return new DownstreamCalls((name) -> {
				Resilience4jBulkheadProvider provider = bulkheadProvider.getIfAvailable();
				if (provider != null) {
					semaphoreBulkhead(provider, name);
				}
				return circuitBreakerFactory.create(name);
			});
		}

		private static void semaphoreBulkhead(Resilience4jBulkheadProvider provider, String name) {
			provider.addBulkheadCustomizer((bulkhead) -> {
			}, name);
		}

		static CircuitBreakerConfig circuitBreakerConfig(Downstream downstream) {
			TrellisResilienceProperties.CircuitBreaker circuitBreaker = downstream.getCircuitBreaker();
			Duration slowCall = circuitBreaker.getSlowCallDurationThreshold();
			return CircuitBreakerConfig.custom()
				.slidingWindowType(SlidingWindowType.COUNT_BASED)
				.slidingWindowSize(circuitBreaker.getSlidingWindowSize())
				.minimumNumberOfCalls(circuitBreaker.getMinimumNumberOfCalls())
				.failureRateThreshold(circuitBreaker.getFailureRateThreshold())
				.slowCallRateThreshold(circuitBreaker.getSlowCallRateThreshold())
				.slowCallDurationThreshold((slowCall != null) ? slowCall : downstream.getTimeout().dividedBy(2))
				.waitDurationInOpenState(circuitBreaker.getWaitDurationInOpenState())
				.automaticTransitionFromOpenToHalfOpenEnabled(true)
				.permittedNumberOfCallsInHalfOpenState(circuitBreaker.getPermittedNumberOfCallsInHalfOpenState())
				.recordException(DownstreamFailures::isFailure)
				.ignoreException(DownstreamFailures::isRefusal)
				.build();
		}

		static TimeLimiterConfig timeLimiterConfig(Downstream downstream) {
			return TimeLimiterConfig.custom()
				.timeoutDuration(downstream.getTimeout())
				.cancelRunningFuture(true)
				.build();
		}

		static BulkheadConfig bulkheadConfig(Downstream downstream) {
			return BulkheadConfig.custom()
				.maxConcurrentCalls(downstream.getMaxConcurrentCalls())
				.maxWaitDuration(downstream.getMaxWait())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ CompositeHealthContributor.class, CircuitBreakerRegistry.class, BulkheadRegistry.class })
	@ConditionalOnBean({ CircuitBreakerRegistry.class, BulkheadRegistry.class })
	@ConditionalOnEnabledHealthIndicator("downstreams")
	static class DownstreamHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "downstreamsHealthContributor")
		HealthContributor downstreamsHealthContributor(TrellisResilienceProperties properties,
				CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads) {
			Map<String, HealthContributor> downstreams = new LinkedHashMap<>();
			properties.getDownstreams()
				.keySet()
				.forEach((name) -> downstreams.put(name,
						new DownstreamHealthIndicator(name, circuitBreakers, bulkheads)));
			return CompositeHealthContributor.fromMap(downstreams);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ MeterBinder.class, TaggedCircuitBreakerMetrics.class, BulkheadRegistry.class })
	@ConditionalOnBean({ CircuitBreakerRegistry.class, BulkheadRegistry.class, TimeLimiterRegistry.class })
	static class DownstreamMetricsConfiguration {

		// A MeterBinder, bound to every registry by Boot whatever the order of
		// auto-configurations: Spring Cloud's own binding waits for a MeterRegistry bean
		// that, with Boot 4, is not there yet when its condition is evaluated.
		@Bean
		@ConditionalOnMissingBean(name = "trellisDownstreamMetrics")
		MeterBinder trellisDownstreamMetrics(CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads,
				TimeLimiterRegistry timeLimiters) {
			return (registry) -> {
				TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(registry);
				TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
				TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(registry);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RetryTemplate.class, BlockingLoadBalancedRetryFactory.class })
	static class LoadBalancerRetryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(ReactiveLoadBalancer.Factory.class)
		LoadBalancedRetryFactory loadBalancedRetryFactory(ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers,
				TrellisResilienceProperties properties) {
			return new BlockingLoadBalancedRetryFactory(loadBalancers) {

				@Override
				public BackOffPolicy createBackOffPolicy(String service) {
					ExponentialRandomBackOffPolicy backOff = new ExponentialRandomBackOffPolicy();
					backOff.setInitialInterval(properties.getRetry().getInitialBackoff().toMillis());
					backOff.setMaxInterval(properties.getRetry().getMaxBackoff().toMillis());
					backOff.setMultiplier(2);
					return backOff;
				}

			};
		}

	}

}
