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
package dev.trellis.inventory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * The order saga's side of a test: sends events to {@code order-events} as order-service
 * would (CloudEvents in binary mode, key = order id) and reads what reached a topic, as a
 * consumer of its own would.
 *
 * @author Trellis
 */
public final class SagaEvents {

	/**
	 * Type of an order-events event the inventory ignores.
	 */
	public static final String ORDER_CONFIRMED = "dev.trellis.order.confirmed.v1";

	private final KafkaTemplate<String, byte[]> template;

	private final String bootstrapServers;

	/**
	 * Create a new instance.
	 * @param template sends records with string keys and byte values
	 * @param bootstrapServers the broker's address
	 */
	public SagaEvents(KafkaTemplate<String, byte[]> template, String bootstrapServers) {
		this.template = template;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Send an order placed event of one or more lines.
	 * @param orderId the order
	 * @param lines SKU and quantity pairs
	 * @return the event id
	 */
	public String placed(UUID orderId, Object... lines) {
		List<String> json = new ArrayList<>();
		for (int i = 0; i < lines.length; i += 2) {
			json.add("{\"sku\": \"%s\", \"quantity\": %d}".formatted(lines[i], lines[i + 1]));
		}
		return send("dev.trellis.order.placed.v1", orderId, """
				{"orderId": "%s", "customer": "alice", "lines": [%s]}""".formatted(orderId, String.join(", ", json)));
	}

	/**
	 * Send an order cancelled event.
	 * @param orderId the order
	 * @return the event id
	 */
	public String cancelled(UUID orderId) {
		return send("dev.trellis.order.cancelled.v1", orderId, """
				{"orderId": "%s", "customer": "alice"}""".formatted(orderId));
	}

	/**
	 * Send an event of a type the inventory ignores: once it is processed, so is every
	 * earlier event of the order (same key, same partition, in order).
	 * @param orderId the order
	 * @return the event id
	 */
	public String marker(UUID orderId) {
		return send(ORDER_CONFIRMED, orderId, """
				{"orderId": "%s", "customer": "alice", "total": 1.00, "currency": "EUR"}""".formatted(orderId));
	}

	/**
	 * Send an event with a new id.
	 * @param type its type
	 * @param orderId its order: key and subject
	 * @param data its data
	 * @return the event id
	 */
	public String send(String type, UUID orderId, String data) {
		String eventId = UUID.randomUUID().toString();
		send(eventId, type, orderId, data);
		return eventId;
	}

	/**
	 * Send an event.
	 * @param eventId its id
	 * @param type its type
	 * @param orderId its order: key and subject
	 * @param data its data
	 */
	public void send(String eventId, String type, UUID orderId, String data) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("order-events", orderId.toString(),
				data.getBytes(StandardCharsets.UTF_8));
		header(record, "ce_specversion", "1.0");
		header(record, "ce_id", eventId);
		header(record, "ce_type", type);
		header(record, "ce_source", "/order-service");
		header(record, "ce_subject", orderId.toString());
		header(record, "content-type", "application/json");
		this.template.send(record).join();
	}

	/**
	 * Read a topic from the beginning until {@code count} records of a key arrived or 20
	 * seconds passed.
	 * @param topic the topic
	 * @param key the key
	 * @param count how many records to wait for
	 * @return the key's records, fewer than {@code count} if they did not all come
	 */
	public List<ConsumerRecord<String, String>> read(String topic, String key, int count) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (records.size() < count && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						records.add(record);
					}
				}
			}
			return records;
		}
	}

	/**
	 * Return a header of a record as text.
	 * @param record the record
	 * @param name the header's name
	 * @return its last value, or {@code null}
	 */
	public static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static void header(ProducerRecord<?, ?> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

}
