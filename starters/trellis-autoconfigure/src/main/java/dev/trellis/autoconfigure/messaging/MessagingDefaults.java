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
package dev.trellis.autoconfigure.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds Trellis's messaging defaults to the environment with the lowest precedence, before
 * any configuration properties are bound: every property set by the service or the config
 * server wins. The defaults:
 * <ul>
 * <li>every consumer binding retries a failed record 3 times in all, with an exponential
 * back-off from 500 ms (×2, at most 5 s), then publishes it to its dead-letter topic
 * ({@code <topic>.dlq}, partition 0, named by {@link DeadLetterTopics}) and moves on, so
 * a poison message never blocks its partition;</li>
 * <li>producers (the binder's, Spring Kafka's) wait for all in-sync replicas
 * ({@code acks=all}) and are idempotent;</li>
 * <li>the binder gives up on a broker it cannot reach within seconds instead of blocking
 * startup: topic provisioning and metadata calls time out after 3 s, and a binding that
 * fails is retried in the background every 10 s
 * ({@code spring.cloud.stream.binding-retry-interval}).</li>
 * <li>sends and receives are observed (the binder's, Spring Kafka's templates and
 * listeners): a producer writes the current trace context into each record's
 * {@code traceparent} header, and a consumer handles a record in a span of the trace that
 * header names, with a timer per binding.</li>
 * </ul>
 *
 * @author Trellis
 */
public class MessagingDefaults implements BeanFactoryPostProcessor, EnvironmentAware {

	/**
	 * Name of the property source holding the defaults.
	 */
	public static final String PROPERTY_SOURCE_NAME = "trellisMessagingDefaults";

	private static final Map<String, Object> DEFAULTS;

	static {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("spring.cloud.stream.default.consumer.max-attempts", "3");
		defaults.put("spring.cloud.stream.default.consumer.back-off-initial-interval", "500");
		defaults.put("spring.cloud.stream.default.consumer.back-off-multiplier", "2.0");
		defaults.put("spring.cloud.stream.default.consumer.back-off-max-interval", "5000");
		defaults.put("spring.cloud.stream.kafka.default.consumer.enable-dlq", "true");
		defaults.put("spring.cloud.stream.kafka.default.consumer.dlq-partitions", "1");
		defaults.put("spring.cloud.stream.kafka.binder.required-acks", "all");
		defaults.put("spring.cloud.stream.kafka.binder.producer-properties.enable.idempotence", "true");
		defaults.put("spring.kafka.producer.acks", "all");
		defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
		defaults.put("spring.cloud.stream.binding-retry-interval", "10");
		defaults.put("spring.cloud.stream.kafka.binder.health-timeout", "5");
		defaults.put("spring.kafka.admin.properties.default.api.timeout.ms", "3000");
		defaults.put("spring.kafka.admin.properties.request.timeout.ms", "3000");
		defaults.put("spring.cloud.stream.kafka.binder.consumer-properties.default.api.timeout.ms", "3000");
		defaults.put("spring.cloud.stream.kafka.binder.producer-properties.max.block.ms", "5000");
		defaults.put("spring.cloud.stream.kafka.binder.enable-observation", "true");
		defaults.put("spring.kafka.template.observation-enabled", "true");
		defaults.put("spring.kafka.listener.observation-enabled", "true");
		DEFAULTS = Map.copyOf(defaults);
	}

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.environment instanceof ConfigurableEnvironment configurable
				&& !configurable.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			configurable.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
		}
	}

	/**
	 * Return the default properties.
	 * @return the defaults, by property name
	 */
	public static Map<String, Object> defaults() {
		return DEFAULTS;
	}

}
