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

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Record of the events each consumer has applied, in the {@code processed_events} table
 * (primary key consumer and event id). Recording an event in the same transaction as its
 * effect makes a redelivered event a no-op: the second insert finds the first one.
 *
 * @author Trellis
 * @see IdempotentConsumer
 */
public class ProcessedEvents {

	private static final String INSERT = """
			INSERT INTO processed_events (consumer, event_id) VALUES (?, ?)
			ON CONFLICT (consumer, event_id) DO NOTHING""";

	private final JdbcOperations jdbc;

	private final TransactionTemplate mandatory;

	/**
	 * Create a new instance.
	 * @param jdbc the JDBC operations on the service's database
	 * @param transactionManager the transaction manager of that database
	 */
	public ProcessedEvents(JdbcOperations jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.mandatory = new TransactionTemplate(transactionManager);
		this.mandatory.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
	}

	/**
	 * Record that a consumer applies an event, in the current transaction. A concurrent
	 * transaction recording the same event waits for this one and then finds it.
	 * @param consumer the consumer, usually its consumer group
	 * @param eventId the event id ({@code ce_id})
	 * @return {@code true} if the event was new to the consumer, {@code false} if it was
	 * already recorded (a redelivery)
	 */
	public boolean record(String consumer, String eventId) {
		Integer inserted = this.mandatory.execute((status) -> this.jdbc.update(INSERT, consumer, eventId));
		return inserted != null && inserted == 1;
	}

	/**
	 * Return whether a consumer has applied an event.
	 * @param consumer the consumer
	 * @param eventId the event id
	 * @return whether the event is recorded
	 */
	public boolean contains(String consumer, String eventId) {
		Integer count = this.jdbc.queryForObject(
				"SELECT count(*) FROM processed_events WHERE consumer = ? AND event_id = ?", Integer.class, consumer,
				eventId);
		return count != null && count > 0;
	}

}
