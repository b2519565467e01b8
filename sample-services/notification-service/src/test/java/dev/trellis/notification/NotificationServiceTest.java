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
package dev.trellis.notification;

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
 * The whole notification service over real HTTP, on embedded PostgreSQL and an embedded
 * Kafka broker (KRaft), configured by its file in {@code config-repo/}, with real signed
 * tokens. Every test class that uses it shares one application context (and one broker):
 * keep its attributes here, not on the classes.
 * <p>
 * The broker has one partition per topic, so that a test can send an event and then a
 * marker event, and know the first was handled once the marker was.
 *
 * @author Trellis
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { NotificationServiceTest.CONFIG_REPO_IMPORT,
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"management.endpoint.health.group.readiness.show-components=always" })
@AutoConfigureEmbeddedPostgres
@AutoConfigureTestTokens
@EmbeddedKafka(partitions = 1, topics = { "order-events", "order-events.dlq" })
@interface NotificationServiceTest {

	/**
	 * Imports the service's configuration as the config server would serve it.
	 */
	String CONFIG_REPO_IMPORT = "spring.config.import=file:../../config-repo/notification-service.yml";

}
