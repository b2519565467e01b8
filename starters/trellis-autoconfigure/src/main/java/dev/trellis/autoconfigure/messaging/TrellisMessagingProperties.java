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

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for Trellis messaging.
 *
 * @author Trellis
 */
@ConfigurationProperties("trellis.messaging")
public class TrellisMessagingProperties {

	/**
	 * Whether to auto-configure the outbox, idempotent consumers, dead letters and the
	 * messaging defaults.
	 */
	private boolean enabled = true;

	/**
	 * CloudEvents source of the events this service appends to its outbox. When not set,
	 * "/" followed by spring.application.name.
	 */
	private @Nullable String source;

	private final Outbox outbox = new Outbox();

	private final Schema schema = new Schema();

	private final DeadLetters deadLetters = new DeadLetters();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getSource() {
		return this.source;
	}

	public void setSource(@Nullable String source) {
		this.source = source;
	}

	public Outbox getOutbox() {
		return this.outbox;
	}

	public Schema getSchema() {
		return this.schema;
	}

	public DeadLetters getDeadLetters() {
		return this.deadLetters;
	}

	public static class Outbox {

		private final Relay relay = new Relay();

		/**
		 * How long sent rows stay in outbox_events before the relay deletes them.
		 */
		private Duration retention = Duration.ofDays(7);

		public Relay getRelay() {
			return this.relay;
		}

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			this.retention = retention;
		}

	}

	public static class Relay {

		/**
		 * Whether the relay publishes outbox rows to Kafka.
		 */
		private boolean enabled = true;

		/**
		 * Pause between two relay runs.
		 */
		private Duration interval = Duration.ofMillis(200);

		/**
		 * Maximum number of rows one relay run publishes.
		 */
		private int batchSize = 200;

		/**
		 * Longest a send may block waiting for the broker's metadata (the producer's
		 * max.block.ms). Kafka's own default of 60 s would stall the relay for a minute
		 * per run while the broker is down.
		 */
		private Duration maxBlock = Duration.ofSeconds(2);

		/**
		 * Longest the broker may take to acknowledge a record (the producer's
		 * delivery.timeout.ms) before the relay retries it on a later run.
		 */
		private Duration deliveryTimeout = Duration.ofSeconds(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getMaxBlock() {
			return this.maxBlock;
		}

		public void setMaxBlock(Duration maxBlock) {
			this.maxBlock = maxBlock;
		}

		public Duration getDeliveryTimeout() {
			return this.deliveryTimeout;
		}

		public void setDeliveryTimeout(Duration deliveryTimeout) {
			this.deliveryTimeout = deliveryTimeout;
		}

	}

	public static class Schema {

		/**
		 * Whether to create and migrate the outbox_events and processed_events tables at
		 * startup, with their own Flyway history table.
		 */
		private boolean enabled = true;

		/**
		 * Flyway location of the starter's migrations.
		 */
		private String location = "classpath:db/trellis-messaging";

		/**
		 * Flyway history table of the starter's migrations, apart from the service's own
		 * so that the two version sequences never meet.
		 */
		private String table = "trellis_messaging_schema_history";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getLocation() {
			return this.location;
		}

		public void setLocation(String location) {
			this.location = location;
		}

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

	}

	public static class DeadLetters {

		/**
		 * Suffix that names the dead-letter topic of a topic.
		 */
		private String suffix = ".dlq";

		/**
		 * Maximum number of dead letters the endpoint lists, the most recent ones.
		 */
		private int maxListed = 100;

		/**
		 * Longest the endpoint waits for the broker when it reads dead letters.
		 */
		private Duration readTimeout = Duration.ofSeconds(5);

		public String getSuffix() {
			return this.suffix;
		}

		public void setSuffix(String suffix) {
			this.suffix = suffix;
		}

		public int getMaxListed() {
			return this.maxListed;
		}

		public void setMaxListed(int maxListed) {
			this.maxListed = maxListed;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

	}

}
