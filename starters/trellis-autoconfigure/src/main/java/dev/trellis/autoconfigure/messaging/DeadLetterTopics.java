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

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;

/**
 * Names the dead-letter topic of a failed record {@code <topic><suffix>}
 * ({@code order-events.dlq}) for every consumer binding, instead of the binder's
 * {@code error.<topic>.<group>}.
 *
 * @author Trellis
 */
public class DeadLetterTopics implements DlqDestinationResolver {

	private final String suffix;

	/**
	 * Create a new resolver.
	 * @param suffix the suffix appended to the topic's name
	 */
	public DeadLetterTopics(String suffix) {
		this.suffix = suffix;
	}

	@Override
	public String apply(ConsumerRecord<?, ?> record, Exception exception) {
		return record.topic() + this.suffix;
	}

}
