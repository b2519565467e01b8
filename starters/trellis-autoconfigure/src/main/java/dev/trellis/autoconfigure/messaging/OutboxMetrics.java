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

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * Gauges of the outbox backlog: {@code trellis.outbox.backlog} (unsent rows) and
 * {@code trellis.outbox.oldest.age} (seconds since the oldest unsent row was appended, 0
 * when there is none). Each is read from the database when the registry is scraped.
 *
 * @author Trellis
 */
public class OutboxMetrics implements MeterBinder {

	private final JdbcOperations jdbc;

	private final Clock clock;

	/**
	 * Create a new instance.
	 * @param jdbc the JDBC operations on the service's database
	 * @param clock the clock
	 */
	public OutboxMetrics(JdbcOperations jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("trellis.outbox.backlog", this, OutboxMetrics::backlog)
			.description("Outbox events not yet published to Kafka")
			.baseUnit("events")
			.register(registry);
		Gauge.builder("trellis.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
			.description("Age of the oldest outbox event not yet published to Kafka")
			.baseUnit("seconds")
			.register(registry);
	}

	/**
	 * Return the number of unsent rows.
	 * @return the backlog, or NaN if the database cannot be read
	 */
	public double backlog() {
		try {
			Long count = this.jdbc.queryForObject("SELECT count(*) FROM outbox_events WHERE sent_at IS NULL",
					Long.class);
			return (count != null) ? count : 0;
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * Return the age of the oldest unsent row.
	 * @return the age in seconds, 0 without a backlog, or NaN if the database cannot be
	 * read
	 */
	public double oldestAgeSeconds() {
		try {
			Timestamp oldest = this.jdbc
				.queryForObject("SELECT min(occurred_at) FROM outbox_events WHERE sent_at IS NULL", Timestamp.class);
			if (oldest == null) {
				return 0;
			}
			Duration age = Duration.between(oldest.toInstant(), this.clock.instant());
			return Math.max(0, age.toMillis() / 1000.0);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
