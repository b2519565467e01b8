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

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for events over Kafka: an {@link Outbox} written in the service's
 * transactions and its {@link OutboxRelay}, {@link ProcessedEvents} and
 * {@link IdempotentConsumer} for consumers, backlog gauges, dead-letter topics named
 * {@code <topic>.dlq}, the {@code deadletters} actuator endpoint, and defaults for
 * retries, dead letters, producers and observation ({@link MessagingDefaults}). With
 * Micrometer Tracing, outbox rows store the trace context of the transaction that
 * appended them and the relay publishes them in that trace ({@link OutboxTracing}).
 *
 * @author Trellis
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		// The tracer decides whether outbox rows carry a trace context.
		"org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration" })
@ConditionalOnClass({ KafkaTemplate.class, KafkaProperties.class, JdbcTemplate.class })
@ConditionalOnBooleanProperty(name = "trellis.messaging.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ TrellisMessagingProperties.class, KafkaProperties.class })
public final class MessagingAutoConfiguration {

	@Bean
	static MessagingDefaults messagingDefaults() {
		return new MessagingDefaults();
	}

	@Bean
	@ConditionalOnMissingBean
	TrellisKafkaProducer trellisKafkaProducer(KafkaProperties kafkaProperties,
			ObjectProvider<KafkaConnectionDetails> connectionDetails, TrellisMessagingProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry, ObjectProvider<MeterRegistry> meterRegistry) {
		Map<String, Object> configuration = new HashMap<>(kafkaProperties.buildProducerProperties());
		KafkaConnectionDetails details = connectionDetails.getIfAvailable();
		if (details != null) {
			configuration.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, details.getProducer().getBootstrapServers());
		}
		TrellisMessagingProperties.Relay relay = properties.getOutbox().getRelay();
		int deliveryTimeout = (int) relay.getDeliveryTimeout().toMillis();
		configuration.put(ProducerConfig.CLIENT_ID_CONFIG, "trellis-outbox-relay");
		configuration.put(ProducerConfig.ACKS_CONFIG, "all");
		configuration.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		configuration.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, relay.getMaxBlock().toMillis());
		configuration.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
		// delivery.timeout.ms must cover linger.ms plus request.timeout.ms.
		configuration.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		configuration.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, deliveryTimeout / 2));
		// Producer metrics (kafka_producer_*) like the binder's own producers and
		// consumers.
		List<ProducerFactory.Listener<String, byte[]>> listeners = new ArrayList<>();
		meterRegistry.ifUnique((registry) -> listeners.add(new MicrometerProducerListener<>(registry)));
		return new TrellisKafkaProducer(configuration, observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
				listeners);
	}

	@Bean
	@ConditionalOnMissingBean(DlqDestinationResolver.class)
	@ConditionalOnClass(DlqDestinationResolver.class)
	DeadLetterTopics deadLetterTopics(TrellisMessagingProperties properties) {
		return new DeadLetterTopics(properties.getDeadLetters().getSuffix());
	}

	private static String source(TrellisMessagingProperties properties, Environment environment) {
		String source = properties.getSource();
		return (source != null) ? source : "/" + environment.getProperty("spring.application.name", "application");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ DataSource.class, PlatformTransactionManager.class })
	static class OutboxConfiguration {

		/**
		 * Name of Spring Boot's bean that runs the service's Flyway migration.
		 */
		private static final String SERVICE_MIGRATION = "flywayInitializer";

		@Bean
		@ConditionalOnClass(Flyway.class)
		@ConditionalOnBooleanProperty(name = "trellis.messaging.schema.enabled", matchIfMissing = true)
		MessagingSchemaInitializer messagingSchemaInitializer(DataSource dataSource,
				TrellisMessagingProperties properties, BeanFactory beanFactory) {
			// The service's own migration first: it refuses a non-empty schema without
			// its history table.
			if (beanFactory.containsBean(SERVICE_MIGRATION)) {
				beanFactory.getBean(SERVICE_MIGRATION);
			}
			return new MessagingSchemaInitializer(dataSource, properties.getSchema());
		}

		@Bean
		@ConditionalOnMissingBean(Outbox.class)
		JdbcOutbox outbox(DataSource dataSource, PlatformTransactionManager transactionManager,
				ObjectProvider<JsonMapper> jsonMapper, TrellisMessagingProperties properties, Environment environment,
				ObjectProvider<OutboxTracing> tracing, ObjectProvider<MessagingSchemaInitializer> schema) {
			schema.ifAvailable((initializer) -> {
			});
			OutboxTracing current = tracing.getIfAvailable(() -> OutboxTracing.NONE);
			return new JdbcOutbox(new JdbcTemplate(dataSource), transactionManager,
					jsonMapper.getIfAvailable(JsonMapper::shared), source(properties, environment),
					current::currentTraceparent, Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean
		ProcessedEvents processedEvents(DataSource dataSource, PlatformTransactionManager transactionManager,
				ObjectProvider<MessagingSchemaInitializer> schema) {
			schema.ifAvailable((initializer) -> {
			});
			return new ProcessedEvents(new JdbcTemplate(dataSource), transactionManager);
		}

		@Bean
		@ConditionalOnMissingBean
		IdempotentConsumer idempotentConsumer(ProcessedEvents processedEvents,
				PlatformTransactionManager transactionManager) {
			return new IdempotentConsumer(processedEvents, transactionManager);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "trellis.messaging.outbox.relay.enabled", matchIfMissing = true)
		OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager,
				TrellisKafkaProducer producer, TrellisMessagingProperties properties,
				ObjectProvider<OutboxTracing> tracing, ObjectProvider<MessagingSchemaInitializer> schema) {
			schema.ifAvailable((initializer) -> {
			});
			return new OutboxRelay(new NamedParameterJdbcTemplate(dataSource), transactionManager, producer.template(),
					properties.getOutbox(), Clock.systemUTC(), tracing.getIfAvailable(() -> OutboxTracing.NONE));
		}

		@Bean
		@ConditionalOnClass(MeterBinder.class)
		@ConditionalOnMissingBean
		OutboxMetrics outboxMetrics(DataSource dataSource) {
			return new OutboxMetrics(new JdbcTemplate(dataSource), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(DeadLettersEndpoint.class)
	static class DeadLettersEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DeadLettersEndpoint deadLettersEndpoint(KafkaProperties kafkaProperties,
				ObjectProvider<KafkaConnectionDetails> connectionDetails, TrellisKafkaProducer producer,
				TrellisMessagingProperties properties) {
			Map<String, Object> configuration = new HashMap<>(kafkaProperties.buildConsumerProperties());
			KafkaConnectionDetails details = connectionDetails.getIfAvailable();
			if (details != null) {
				configuration.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, details.getConsumer().getBootstrapServers());
			}
			configuration.remove(ConsumerConfig.GROUP_ID_CONFIG);
			configuration.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			configuration.put(ConsumerConfig.CLIENT_ID_CONFIG, "trellis-deadletters");
			Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers = () -> new KafkaConsumer<>(
					configuration, new StringDeserializer(), new ByteArrayDeserializer());
			return new DeadLettersEndpoint(consumers, producer.template(), properties.getDeadLetters());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Tracer.class, Propagator.class })
	static class OutboxTracingConfiguration {

		@Bean
		@ConditionalOnBean({ Tracer.class, Propagator.class })
		@ConditionalOnMissingBean
		MicrometerOutboxTracing outboxTracing(Tracer tracer, Propagator propagator) {
			return new MicrometerOutboxTracing(tracer, propagator);
		}

	}

}
