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

import java.util.Map;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

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
		this.producerFactory = new DefaultKafkaProducerFactory<>(configuration, new StringSerializer(),
				new ByteArraySerializer());
		this.template = new KafkaTemplate<>(this.producerFactory);
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
