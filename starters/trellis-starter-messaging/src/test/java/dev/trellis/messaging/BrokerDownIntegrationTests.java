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

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.trellis.autoconfigure.messaging.Outbox;
import dev.trellis.autoconfigure.messaging.OutboxRelay;
import dev.trellis.autoconfigure.messaging.TrellisKafkaProducer;
import dev.trellis.autoconfigure.messaging.TrellisMessagingProperties;
import dev.trellis.test.postgres.SharedEmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for a service whose Kafka broker is unreachable: it starts, takes
 * work, and its events flow once a broker is reachable.
 *
 * @author Trellis
 */
@EmbeddedKafka(partitions = 1, topics = "late-events")
class BrokerDownIntegrationTests {

	@Test
	void serviceStartsAndAppendsEventsWhileTheBrokerIsUnreachable(EmbeddedKafkaBroker broker) {
		String database = SharedEmbeddedPostgres.createDatabase();
		long started = System.nanoTime();
		try (ConfigurableApplicationContext context = startWithoutBroker(database)) {
			Duration startup = Duration.ofNanos(System.nanoTime() - started);
			// Without the defaults the binder blocks startup for over a minute; the
			// bound is generous for a slow machine.
			assertThat(startup).isLessThan(Duration.ofSeconds(30));
			Outbox outbox = context.getBean(Outbox.class);
			TransactionTemplate transaction = new TransactionTemplate(
					context.getBean(PlatformTransactionManager.class));
			List<UUID> ids = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				ids.add(transaction.execute((status) -> outbox.append("late-events", "order-1",
						"dev.trellis.order.placed.v1", "order-1", Map.of("orderId", "order-1"))));
			}
			long relayStarted = System.nanoTime();
			assertThat(context.getBean(OutboxRelay.class).relay()).isZero();
			assertThat(Duration.ofNanos(System.nanoTime() - relayStarted)).isLessThan(Duration.ofSeconds(15));

			TrellisKafkaProducer producer = producerTo(broker);
			try {
				assertThat(relay(context, producer).relay()).isEqualTo(3);
			}
			finally {
				producer.destroy();
			}
			assertThat(TopicRecords.read(broker, "late-events", 3)).extracting(ConsumerRecord::key)
				.containsExactly("order-1", "order-1", "order-1");
		}
	}

	private static ConfigurableApplicationContext startWithoutBroker(String database) {
		return new SpringApplicationBuilder(MessagingTestApplication.class)
			.properties("spring.datasource.url=" + database, "spring.datasource.username=postgres",
					"spring.datasource.password=")
			.run("--spring.kafka.bootstrap-servers=localhost:1");
	}

	private static TrellisKafkaProducer producerTo(EmbeddedKafkaBroker broker) {
		Map<String, Object> configuration = new HashMap<>();
		configuration.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		return new TrellisKafkaProducer(configuration);
	}

	private static OutboxRelay relay(ConfigurableApplicationContext context, TrellisKafkaProducer producer) {
		TrellisMessagingProperties.Outbox properties = new TrellisMessagingProperties.Outbox();
		return new OutboxRelay(new NamedParameterJdbcTemplate(context.getBean(DataSource.class)),
				context.getBean(PlatformTransactionManager.class), producer.template(), properties, Clock.systemUTC());
	}

}
