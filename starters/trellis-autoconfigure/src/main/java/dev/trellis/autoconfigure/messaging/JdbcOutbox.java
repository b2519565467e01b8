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
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * {@link Outbox} that inserts rows into the {@code outbox_events} table with JDBC, in the
 * caller's transaction ({@link TransactionDefinition#PROPAGATION_MANDATORY}: an append
 * outside a transaction fails instead of committing an event alone).
 *
 * @author Trellis
 */
public class JdbcOutbox implements Outbox {

	private static final String INSERT = """
			INSERT INTO outbox_events
			  (event_id, topic, event_key, event_type, source, subject, occurred_at, data, traceparent)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcOperations jdbc;

	private final TransactionTemplate mandatory;

	private final JsonMapper jsonMapper;

	private final String source;

	private final Supplier<@Nullable String> traceparent;

	private final Clock clock;

	/**
	 * Create a new outbox.
	 * @param jdbc the JDBC operations on the service's database
	 * @param transactionManager the transaction manager of that database
	 * @param jsonMapper the mapper that writes event data
	 * @param source the CloudEvents source of the service's events
	 * @param traceparent the W3C trace context of the current span, or {@code null}
	 * @param clock the clock that stamps the event time
	 */
	public JdbcOutbox(JdbcOperations jdbc, PlatformTransactionManager transactionManager, JsonMapper jsonMapper,
			String source, Supplier<@Nullable String> traceparent, Clock clock) {
		this.jdbc = jdbc;
		this.mandatory = new TransactionTemplate(transactionManager);
		this.mandatory.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
		this.jsonMapper = jsonMapper;
		this.source = source;
		this.traceparent = traceparent;
		this.clock = clock;
	}

	@Override
	public UUID append(String topic, String key, String type, @Nullable String subject, Object data) {
		Assert.hasText(topic, "'topic' must not be empty");
		Assert.hasText(key, "'key' must not be empty");
		Assert.hasText(type, "'type' must not be empty");
		Assert.notNull(data, "'data' must not be null");
		UUID id = UUID.randomUUID();
		String json = this.jsonMapper.writeValueAsString(data);
		Instant now = this.clock.instant();
		this.mandatory.executeWithoutResult((status) -> this.jdbc.update(INSERT, id, topic, key, type, this.source,
				subject, Timestamp.from(now), json, this.traceparent.get()));
		return id;
	}

}
