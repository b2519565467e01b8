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

import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The producer of the outbox relay and the dead letters endpoint: string keys, JSON bytes
 * as values, CloudEvents headers set by the caller. It is not a {@link KafkaTemplate}
 * bean, so Spring Boot's own template stays the one a service injects.
 *
 * @author Trellis
 */
public class TrellisKafkaProducer implements DisposableBean {

	private final DefaultKafkaProducerFactory<String, byte[]> producerFactory;

	private final KafkaTemplate<String, byte[]> template;

	/**
	 * Create a new producer.
	 * @param configuration the Kafka producer configuration
	 */
	public TrellisKafkaProducer(Map<String, Object> configuration) {
		this(configuration, ObservationRegistry.NOOP, List.of());
	}

	/**
	 * Create a new producer whose sends are observed (a span per send, a child of the
	 * current span, whose context the record carries in its {@code traceparent} header; a
	 * {@code spring.kafka.template} timer) and whose producer reports its client metrics
	 * through the given listeners.
	 * @param configuration the Kafka producer configuration
	 * @param observationRegistry the registry that observes sends
	 * @param listeners listeners of the producers created, such as Spring Kafka's
	 * {@code MicrometerProducerListener}
	 */
	public TrellisKafkaProducer(Map<String, Object> configuration, ObservationRegistry observationRegistry,
			List<ProducerFactory.Listener<String, byte[]>> listeners) {
		this.producerFactory = new DefaultKafkaProducerFactory<>(configuration, new StringSerializer(),
				new ByteArraySerializer());
		this.producerFactory.setBeanName("trellisKafkaProducer");
		listeners.forEach(this.producerFactory::addListener);
		this.template = new KafkaTemplate<>(this.producerFactory);
		if (!observationRegistry.isNoop()) {
			this.template.setObservationEnabled(true);
			this.template.setObservationRegistry(observationRegistry);
		}
	}

	/**
	 * Return the template that sends with this producer.
	 * @return the template
	 */
	public KafkaTemplate<String, byte[]> template() {
		return this.template;
	}

	@Override
	public void destroy() {
		this.producerFactory.destroy();
	}

}
