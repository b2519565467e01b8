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
package dev.trellis.inventory.messaging;

import java.util.function.Consumer;

import dev.trellis.autoconfigure.messaging.IdempotentConsumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer of {@code order-events}: the functional binding {@code orderEvents-in-0}
 * (destination and group in {@code config-repo/inventory-service.yml}).
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConfiguration {

	/**
	 * Name of the consumer in {@code processed_events}: the binding's consumer group.
	 */
	static final String CONSUMER = "inventory-service";

	@Bean
	Consumer<Message<byte[]>> orderEvents(IdempotentConsumer idempotent, OrderEventHandler handler) {
		// Bytes, not a record: the topic carries several types, each read into its own
		// record once the type is known.
		return idempotent.of(CONSUMER, handler::handle);
	}

}
