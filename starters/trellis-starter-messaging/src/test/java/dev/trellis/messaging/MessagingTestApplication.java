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
package dev.trellis.messaging;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.trellis.autoconfigure.messaging.IdempotentConsumer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;

/**
 * A service in miniature: an {@code orders} table whose changes append events, and a
 * consumer of {@code order-events} that counts what it applied in {@code applied_events}.
 *
 * @author Trellis
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class MessagingTestApplication {

	static final AtomicBoolean acceptPoison = new AtomicBoolean();

	@Bean
	Consumer<Message<Map<String, Object>>> orderEvents(IdempotentConsumer idempotent, JdbcTemplate jdbc) {
		return idempotent.of("test-service", (message) -> {
			Object orderId = message.getPayload().get("orderId");
			if ("poison".equals(orderId) && !acceptPoison.get()) {
				throw new IllegalArgumentException("Order id 'poison' is not an order");
			}
			jdbc.update("INSERT INTO applied_events (order_id) VALUES (?)", orderId);
		});
	}

}
