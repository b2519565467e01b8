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
package dev.trellis.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dev.trellis.launcher.Platform;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The platform's Kafka broker as a test reaches it directly: records published straight
 * to a topic (as no service would publish them), and how far a consumer group has read.
 *
 * @author Trellis
 */
final class KafkaTopics implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final KafkaProducer<String, byte[]> producer;

	private final Admin admin;

	KafkaTopics(Platform platform) {
		String bootstrap = platform.applicationEnvironment().get(Platform.KAFKA_BOOTSTRAP_SERVERS);
		Properties producerProperties = new Properties();
		producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
		producerProperties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
		Properties adminProperties = new Properties();
		adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
		adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		this.admin = Admin.create(adminProperties);
	}

	/**
	 * Publishes a CloudEvent in binary mode, as the outbox relay would: the attributes in
	 * {@code ce_*} headers, the data as the record value, whatever it holds.
	 * @param topic the topic
	 * @param key the record key and the event's subject (an order id)
	 * @param type the event type
	 * @param data the record value
	 * @return the event id ({@code ce_id})
	 */
	String publishEvent(String topic, String key, String type, String data) {
		String id = UUID.randomUUID().toString();
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, data.getBytes(StandardCharsets.UTF_8));
		header(record, "ce_specversion", "1.0");
		header(record, "ce_id", id);
		header(record, "ce_type", type);
		header(record, "ce_source", "/e2e");
		header(record, "ce_subject", key);
		header(record, "ce_time", Instant.now().toString());
		header(record, "content-type", "application/json");
		try {
			RecordMetadata sent = this.producer.send(record).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			System.out.printf("Published %s %s to %s-%d@%d%n", type, id, topic, sent.partition(), sent.offset());
			return id;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish to " + topic, ex);
		}
	}

	/**
	 * Returns how many records of a topic a consumer group has not committed yet, over
	 * every partition.
	 * @param group the consumer group
	 * @param topic the topic
	 * @return the lag, 0 when the group has read everything published so far
	 */
	long lag(String group, String topic) {
		try {
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get()
				.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			int partitions = this.admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get()
				.get(topic)
				.partitions()
				.size();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (int partition = 0; partition < partitions; partition++) {
				latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
			}
			Map<TopicPartition, ListOffsetsResultInfo> ends = this.admin.listOffsets(latest).all().get();
			return ends.entrySet().stream().mapToLong((end) -> {
				OffsetAndMetadata offset = committed.get(end.getKey());
				return end.getValue().offset() - ((offset != null) ? offset.offset() : 0);
			}).sum();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not read the offsets of " + group + " on " + topic, ex);
		}
	}

	/**
	 * Waits until a consumer group has read everything published to a topic so far.
	 * @param group the consumer group
	 * @param topic the topic
	 * @param timeout the longest wait
	 * @return the lag when the wait ended, 0 unless it timed out
	 */
	long awaitConsumed(String group, String topic, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long lag;
		do {
			lag = lag(group, topic);
			if (lag == 0) {
				return 0;
			}
			Thread.sleep(250);
		}
		while (System.nanoTime() - deadline < 0);
		return lag;
	}

	private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
		this.admin.close(Duration.ofSeconds(5));
	}

}
