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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * {@link Endpoint @Endpoint} that lists the dead letters of a topic (the records in
 * {@code <topic>.dlq}, with the failure the binder recorded in their headers) and replays
 * one: {@code GET /actuator/deadletters/{topic}} and {@code POST
 * /actuator/deadletters/{topic}/{partition}/{offset}}. A replayed record goes back to the
 * original topic with its original key and headers (the dead-letter headers removed), so
 * its {@code ce_id} is unchanged and an idempotent consumer applies it at most once
 * however often it is replayed.
 *
 * @author Trellis
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

	private static final String DEAD_LETTER_HEADER_PREFIX = "x-";

	private final Supplier<Consumer<String, byte[]>> consumers;

	private final KafkaTemplate<String, byte[]> kafka;

	private final TrellisMessagingProperties.DeadLetters properties;

	/**
	 * Create a new endpoint.
	 * @param consumers creates a consumer (without a group) that reads dead letters
	 * @param kafka the template that republishes replayed records
	 * @param properties the dead letter properties
	 */
	public DeadLettersEndpoint(Supplier<Consumer<String, byte[]>> consumers, KafkaTemplate<String, byte[]> kafka,
			TrellisMessagingProperties.DeadLetters properties) {
		this.consumers = consumers;
		this.kafka = kafka;
		this.properties = properties;
	}

	/**
	 * List the most recent dead letters of a topic.
	 * @param topic the original topic, such as {@code order-events}
	 * @return the dead letters, oldest first
	 */
	@ReadOperation
	public DeadLetters deadLetters(@Selector String topic) {
		String deadLetterTopic = topic + this.properties.getSuffix();
		Duration timeout = this.properties.getReadTimeout();
		try (Consumer<String, byte[]> consumer = this.consumers.get()) {
			List<PartitionInfo> partitions = consumer.partitionsFor(deadLetterTopic, timeout);
			if (partitions == null || partitions.isEmpty()) {
				return new DeadLetters(deadLetterTopic, List.of());
			}
			List<TopicPartition> assigned = partitions.stream()
				.map((partition) -> new TopicPartition(deadLetterTopic, partition.partition()))
				.toList();
			consumer.assign(assigned);
			Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, timeout);
			Map<TopicPartition, Long> begins = consumer.beginningOffsets(assigned, timeout);
			int max = this.properties.getMaxListed();
			for (TopicPartition partition : assigned) {
				consumer.seek(partition, Math.max(begins.get(partition), ends.get(partition) - max));
			}
			List<DeadLetter> letters = new ArrayList<>();
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!reachedEnd(consumer, ends) && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					letters.add(DeadLetter.of(record));
				}
			}
			letters.sort(Comparator.comparing(DeadLetter::timestamp));
			List<DeadLetter> recent = letters.subList(Math.max(0, letters.size() - max), letters.size());
			return new DeadLetters(deadLetterTopic, List.copyOf(recent));
		}
	}

	/**
	 * Republish one dead letter to the original topic.
	 * @param topic the original topic
	 * @param partition the dead letter's partition in the dead-letter topic
	 * @param offset the dead letter's offset
	 * @return where the record was republished, or {@code null} (404) if there is no dead
	 * letter at that offset
	 */
	@WriteOperation
	public @Nullable Replayed replay(@Selector String topic, @Selector int partition, @Selector long offset) {
		String deadLetterTopic = topic + this.properties.getSuffix();
		TopicPartition source = new TopicPartition(deadLetterTopic, partition);
		ConsumerRecord<String, byte[]> letter = read(source, offset);
		if (letter == null) {
			return null;
		}
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, letter.key(), letter.value());
		for (Header header : letter.headers()) {
			if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
				record.headers().add(header);
			}
		}
		try {
			SendResult<String, byte[]> result = this.kafka.send(record)
				.get(this.properties.getReadTimeout().toMillis(), TimeUnit.MILLISECONDS);
			return new Replayed(topic, result.getRecordMetadata().partition(), result.getRecordMetadata().offset(),
					header(letter, CloudEventHeaders.ID));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while replaying", ex);
		}
		catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("Could not replay the dead letter to " + topic, ex);
		}
	}

	private @Nullable ConsumerRecord<String, byte[]> read(TopicPartition partition, long offset) {
		try (Consumer<String, byte[]> consumer = this.consumers.get()) {
			consumer.assign(List.of(partition));
			consumer.seek(partition, offset);
			long deadline = System.nanoTime() + this.properties.getReadTimeout().toNanos();
			while (System.nanoTime() < deadline) {
				ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
				for (ConsumerRecord<String, byte[]> record : records) {
					if (record.offset() == offset) {
						return record;
					}
					if (record.offset() > offset) {
						return null;
					}
				}
			}
			return null;
		}
	}

	private static boolean reachedEnd(Consumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * Dead letters of a topic.
	 *
	 * @param topic the dead-letter topic
	 * @param deadLetters the dead letters, oldest first
	 */
	public record DeadLetters(String topic, List<DeadLetter> deadLetters) {

	}

	/**
	 * A record that failed every delivery attempt.
	 *
	 * @param partition its partition in the dead-letter topic
	 * @param offset its offset in the dead-letter topic
	 * @param timestamp when it was dead-lettered
	 * @param key the record key
	 * @param reason the failure's message
	 * @param exception the failure's class
	 * @param originalTopic the topic it was consumed from
	 * @param originalPartition its partition there
	 * @param originalOffset its offset there
	 * @param headers its CloudEvents and other headers, as text
	 * @param data the record value, as text
	 */
	public record DeadLetter(int partition, long offset, Instant timestamp, @Nullable String key,
			@Nullable String reason, @Nullable String exception, @Nullable String originalTopic,
			@Nullable String originalPartition, @Nullable String originalOffset, Map<String, String> headers,
			@Nullable String data) {

		static DeadLetter of(ConsumerRecord<String, byte[]> record) {
			Map<String, String> headers = new LinkedHashMap<>();
			for (Header header : record.headers()) {
				if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX) && header.value() != null) {
					headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
				}
			}
			return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
					record.key(), header(record, "x-exception-message"), header(record, "x-exception-fqcn"),
					header(record, "x-original-topic"), originalNumber(record, "x-original-partition"),
					originalNumber(record, "x-original-offset"), headers,
					(record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : null);
		}

		private static @Nullable String originalNumber(ConsumerRecord<?, ?> record, String name) {
			Header header = record.headers().lastHeader(name);
			if (header == null || header.value() == null) {
				return null;
			}
			byte[] value = header.value();
			// The binder writes the original partition as a 4-byte int and the offset as
			// an 8-byte long.
			if (value.length == Integer.BYTES) {
				return Integer.toString(java.nio.ByteBuffer.wrap(value).getInt());
			}
			if (value.length == Long.BYTES) {
				return Long.toString(java.nio.ByteBuffer.wrap(value).getLong());
			}
			return new String(value, StandardCharsets.UTF_8);
		}

	}

	/**
	 * Where a dead letter was republished.
	 *
	 * @param topic the original topic
	 * @param partition the partition it was republished to
	 * @param offset its new offset
	 * @param eventId its event id ({@code ce_id}), unchanged
	 */
	public record Replayed(String topic, int partition, long offset, @Nullable String eventId) {

	}

}
