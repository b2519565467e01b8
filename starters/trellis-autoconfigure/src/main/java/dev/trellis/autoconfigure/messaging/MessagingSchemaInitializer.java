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

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.InitializingBean;

/**
 * Creates and migrates the starter's tables ({@code outbox_events},
 * {@code processed_events}) with a Flyway instance of their own: its own location and its
 * own history table, so that the starter's versions (V1, V2, ...) never meet the
 * service's. A single history table would not do: versions from two locations must never
 * collide, and a version lower than one already applied is refused unless
 * {@code outOfOrder} is set.
 * <p>
 * It runs after the service's own Flyway migration, on a schema that is then not empty,
 * so it baselines at version 0 when its history table is missing.
 *
 * @author Trellis
 */
public class MessagingSchemaInitializer implements InitializingBean {

	private final DataSource dataSource;

	private final TrellisMessagingProperties.Schema properties;

	/**
	 * Create a new instance.
	 * @param dataSource the service's data source
	 * @param properties the schema properties
	 */
	public MessagingSchemaInitializer(DataSource dataSource, TrellisMessagingProperties.Schema properties) {
		this.dataSource = dataSource;
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		Flyway.configure(getClass().getClassLoader())
			.dataSource(this.dataSource)
			.locations(this.properties.getLocation())
			.table(this.properties.getTable())
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

}
