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

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MessagingAutoConfiguration}.
 *
 * @author Trellis
 */
class MessagingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class));

	@Test
	void deadLettersOfATopicGoToTheTopicWithTheDlqSuffix() {
		this.contextRunner.run((context) -> {
			DlqDestinationResolver resolver = context.getBean(DlqDestinationResolver.class);
			ConsumerRecord<String, String> record = new ConsumerRecord<>("order-events", 2, 17L, "order-1", "{}");
			assertThat(resolver.apply(record, new IllegalStateException())).isEqualTo("order-events.dlq");
		});
	}

	@Test
	void consumerBindingsDefaultToRetriesThenDeadLetters() {
		this.contextRunner.run((context) -> {
			assertThat(context.getEnvironment().getProperty("spring.cloud.stream.kafka.default.consumer.enable-dlq"))
				.isEqualTo("true");
			assertThat(context.getEnvironment().getProperty("spring.cloud.stream.default.consumer.max-attempts"))
				.isEqualTo("3");
		});
	}

	@Test
	void sendsAndReceivesAreObservedByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context.getEnvironment().getProperty("spring.cloud.stream.kafka.binder.enable-observation"))
				.isEqualTo("true");
			assertThat(context.getEnvironment().getProperty("spring.kafka.template.observation-enabled"))
				.isEqualTo("true");
			assertThat(context.getEnvironment().getProperty("spring.kafka.listener.observation-enabled"))
				.isEqualTo("true");
		});
	}

	@Test
	void outboxTracingFollowsTheTracer() {
		this.contextRunner.withBean(Tracer.class, () -> Tracer.NOOP)
			.withBean(Propagator.class, () -> Propagator.NOOP)
			.run((context) -> assertThat(context).hasSingleBean(MicrometerOutboxTracing.class));
	}

	@Test
	void noOutboxTracingWithoutATracer() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(OutboxTracing.class));
	}

	@Test
	void serviceSettingsOverrideTheDefaults() {
		this.contextRunner.withPropertyValues("spring.cloud.stream.default.consumer.max-attempts=5")
			.run((context) -> assertThat(
					context.getEnvironment().getProperty("spring.cloud.stream.default.consumer.max-attempts"))
				.isEqualTo("5"));
	}

	@Test
	void outboxNeedsADataSource() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(TrellisKafkaProducer.class);
			assertThat(context).doesNotHaveBean(Outbox.class);
			assertThat(context).doesNotHaveBean(OutboxRelay.class);
			assertThat(context).doesNotHaveBean(IdempotentConsumer.class);
		});
	}

	@Test
	void backsOffWithoutSpringKafka() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(KafkaTemplate.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TrellisKafkaProducer.class)
				.doesNotHaveBean(MessagingDefaults.class));
	}

	@Test
	void disabledWithTheMessagingSwitch() {
		this.contextRunner.withPropertyValues("trellis.messaging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TrellisKafkaProducer.class));
	}

}
