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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.trellis.test.postgres.AutoConfigureEmbeddedPostgres;
import dev.trellis.test.security.AutoConfigureTestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The whole inventory service over real HTTP, on embedded PostgreSQL and an embedded
 * Kafka broker (KRaft), configured by its file in {@code config-repo/}, with real signed
 * tokens. Every test class so annotated shares one application context (one database, one
 * broker), so each test works on SKUs and orders of its own.
 *
 * @author Trellis
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { InventoryServiceTest.CONFIG_REPO_IMPORT,
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"management.endpoints.web.exposure.include=health,deadletters",
				"management.endpoint.health.group.readiness.show-components=always",
				"trellis.security.ops.password=" + InventoryServiceTest.OPS_PASSWORD })
@AutoConfigureEmbeddedPostgres
@AutoConfigureTestTokens
@EmbeddedKafka(partitions = 3, topics = { "order-events", "inventory-events" })
public @interface InventoryServiceTest {

	/**
	 * Imports the service's configuration as the config server would serve it, so that
	 * the tests run on the same Flyway locations, health groups and bindings. The path is
	 * relative to the module directory, where Maven and IDEs run the tests.
	 */
	String CONFIG_REPO_IMPORT = "spring.config.import=file:../../config-repo/inventory-service.yml";

	/**
	 * Password of the operator user ({@code ops}) that may use the actuator endpoints.
	 */
	String OPS_PASSWORD = "test-ops-password";

}
