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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the unsent rows of {@code outbox_events} to Kafka, on its own thread every
 * {@code trellis.messaging.outbox.relay.interval}, and marks them sent.
 * <p>
 * Order: rows are read by their sequence ({@code id}) and sent in that order; a key whose
 * send fails is skipped for the rest of the run, so none of its later rows overtakes it,
 * and the run retries it next time. Only rows whose send the broker acknowledged are
 * marked sent: a crash between the acknowledgement and the commit publishes those rows
 * again, which is why consumers are idempotent (at-least-once delivery). The idempotent
 * producer ({@code enable.idempotence}) keeps a key's records in order across the
 * producer's own retries.
 * <p>
 * It sends with a {@link KafkaTemplate} of its own rather than through the binder
 * ({@code StreamBridge}): the relay needs each record's acknowledgement before it marks
 * the row, per-record keys, headers and timestamps, and a producer whose
 * {@code max.block.ms} and {@code delivery.timeout.ms} are seconds (a down broker costs a
 * relay run seconds, not the minute of {@code StreamBridge.send}), without an output
 * binding per topic. Its producer settings come from {@code spring.kafka.*}.
 * <p>
 * Tracing: each row is sent inside a span that continues the trace context stored with it
 * ({@link OutboxTracing}); the record's {@code traceparent} header is the stored one, or,
 * when the template is observed, the context of its send span in that trace.
 * <p>
 * Several instances of a service share one outbox: a PostgreSQL advisory lock held for
 * the run's transaction lets one instance relay at a time, which keeps each key in order.
 *
 * @author Trellis
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	/**
	 * Key of the PostgreSQL advisory lock the relay holds for a run.
	 */
	static final long LOCK_KEY = 0x7472656c6c6973L;

	private static final String SELECT_UNSENT = """
			SELECT id, event_id, topic, event_key, event_type, source, subject, occurred_at, data, traceparent
			FROM outbox_events WHERE sent_at IS NULL ORDER BY id LIMIT :limit""";

	private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final KafkaTemplate<String, byte[]> kafka;

	private final TrellisMessagingProperties.Outbox properties;

	private final Clock clock;

	private final OutboxTracing tracing;

	private @Nullable ScheduledExecutorService executor;

	private Instant lastPurge = Instant.EPOCH;

	/**
	 * Create a new relay.
	 * @param jdbc the JDBC operations on the service's database
	 * @param transactionManager the transaction manager of that database
	 * @param kafka the template that publishes the events
	 * @param properties the outbox properties
	 * @param clock the clock
	 */
	public OutboxRelay(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			KafkaTemplate<String, byte[]> kafka, TrellisMessagingProperties.Outbox properties, Clock clock) {
		this(jdbc, transactionManager, kafka, properties, clock, OutboxTracing.NONE);
	}

	/**
	 * Create a new relay that publishes each row in the trace context stored with it.
	 * @param jdbc the JDBC operations on the service's database
	 * @param transactionManager the transaction manager of that database
	 * @param kafka the template that publishes the events
	 * @param properties the outbox properties
	 * @param clock the clock
	 * @param tracing restores each row's trace context around its send
	 */
	public OutboxRelay(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			KafkaTemplate<String, byte[]> kafka, TrellisMessagingProperties.Outbox properties, Clock clock,
			OutboxTracing tracing) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.kafka = kafka;
		this.properties = properties;
		this.clock = clock;
		this.tracing = tracing;
	}

	/**
	 * Publish one batch of unsent rows.
	 * @return the number of rows published and marked sent
	 */
	public int relay() {
		Integer sent = this.transaction.execute((status) -> {
			Boolean locked = this.jdbc.getJdbcOperations()
				.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
			if (!Boolean.TRUE.equals(locked)) {
				return 0;
			}
			List<OutboxRow> rows = this.jdbc.query(SELECT_UNSENT,
					Map.of("limit", this.properties.getRelay().getBatchSize()), OutboxRow.MAPPER);
			List<Long> published = publish(rows);
			if (!published.isEmpty()) {
				this.jdbc.update("UPDATE outbox_events SET sent_at = :now WHERE id IN (:ids)",
						Map.of("now", Timestamp.from(this.clock.instant()), "ids", published));
			}
			return published.size();
		});
		purgeIfDue();
		return (sent != null) ? sent : 0;
	}

	private List<Long> publish(List<OutboxRow> rows) {
		Set<String> failedKeys = new HashSet<>();
		List<Pending> pending = new ArrayList<>();
		for (OutboxRow row : rows) {
			if (failedKeys.contains(row.key())) {
				continue;
			}
			CompletableFuture<SendResult<String, byte[]>> future;
			try {
				future = this.tracing.publish(row.traceparent(), row.event(), () -> this.kafka.send(row.toRecord()));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not publish outbox event " + row.eventId() + " to " + row.topic() + ": " + ex);
				break;
			}
			if (future.isCompletedExceptionally()) {
				failedKeys.add(row.key());
				Throwable cause = causeOf(future);
				logger.warn("Could not publish outbox event " + row.eventId() + " to " + row.topic() + ": " + cause);
				if (cause instanceof TimeoutException) {
					// No metadata within max.block.ms: the broker is unreachable, and
					// every
					// further send would wait as long.
					break;
				}
				continue;
			}
			pending.add(new Pending(row, future));
		}
		List<Long> published = new ArrayList<>();
		long timeout = this.properties.getRelay().getDeliveryTimeout().toMillis() + 1000;
		for (Pending send : pending) {
			if (failedKeys.contains(send.row().key())) {
				continue;
			}
			try {
				send.future().get(timeout, TimeUnit.MILLISECONDS);
				published.add(send.row().id());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
				failedKeys.add(send.row().key());
				logger.warn("Could not publish outbox event " + send.row().eventId() + " to " + send.row().topic()
						+ ": " + ((ex.getCause() != null) ? ex.getCause() : ex));
			}
		}
		return published;
	}

	private static Throwable causeOf(CompletableFuture<?> future) {
		try {
			future.join();
			throw new IllegalStateException("Future completed normally");
		}
		catch (java.util.concurrent.CompletionException ex) {
			Throwable cause = ex.getCause();
			while (cause != null && cause.getCause() != null && !(cause instanceof TimeoutException)) {
				cause = cause.getCause();
			}
			return (cause != null) ? cause : ex;
		}
	}

	private void purgeIfDue() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.lastPurge.plus(PURGE_INTERVAL))) {
			return;
		}
		this.lastPurge = now;
		Timestamp before = Timestamp.from(now.minus(this.properties.getRetention()));
		this.jdbc.update("DELETE FROM outbox_events WHERE sent_at < :before", Map.of("before", before));
	}

	private void runSafely() {
		try {
			while (relay() == this.properties.getRelay().getBatchSize()) {
				// A full batch: more rows are waiting.
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Outbox relay run failed, retrying in " + this.properties.getRelay().getInterval() + ": " + ex);
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "trellis-outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.getRelay().getInterval().toMillis();
		scheduler.scheduleWithFixedDelay(this::runSafely, interval, interval, TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null) {
			scheduler.shutdown();
			try {
				scheduler.awaitTermination(this.properties.getRelay().getDeliveryTimeout().toSeconds() + 1,
						TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	private record Pending(OutboxRow row, CompletableFuture<SendResult<String, byte[]>> future) {

	}

	private record OutboxRow(long id, String eventId, String topic, String key, String type, String source,
			@Nullable String subject, Instant time, String data, @Nullable String traceparent) {

		static final RowMapper<OutboxRow> MAPPER = OutboxRow::map;

		private static OutboxRow map(ResultSet rs, int row) throws SQLException {
			return new OutboxRow(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"),
					rs.getString("event_key"), rs.getString("event_type"), rs.getString("source"),
					rs.getString("subject"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("data"),
					rs.getString("traceparent"));
		}

		OutboxTracing.OutboxEvent event() {
			return new OutboxTracing.OutboxEvent(this.eventId, this.type, this.topic, this.key);
		}

		ProducerRecord<String, byte[]> toRecord() {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, null, this.time.toEpochMilli(),
					this.key, this.data.getBytes(StandardCharsets.UTF_8));
			header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
			header(record, CloudEventHeaders.ID, this.eventId);
			header(record, CloudEventHeaders.SOURCE, this.source);
			header(record, CloudEventHeaders.TYPE, this.type);
			header(record, CloudEventHeaders.SUBJECT, this.subject);
			header(record, CloudEventHeaders.TIME, this.time.toString());
			header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
			header(record, CloudEventHeaders.TRACEPARENT, this.traceparent);
			return record;
		}

		private static void header(ProducerRecord<?, ?> record, String name, @Nullable String value) {
			if (value != null) {
				record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
			}
		}

	}

}
