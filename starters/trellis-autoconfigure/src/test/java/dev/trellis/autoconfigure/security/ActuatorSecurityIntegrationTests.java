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
package dev.trellis.autoconfigure.security;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServiceSecurityAutoConfiguration}.
 * <p>
 * Actuator endpoints that hold secrets, exposed over HTTP by mistake: only the operator
 * gets them, and with every value masked.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=exposed", "trellis.config.import.enabled=false",
				"spring.cloud.config.enabled=false", "eureka.client.enabled=false",
				"management.endpoints.web.exposure.include=health,info,env,configprops,prometheus",
				"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:1/oauth2/jwks",
				"OPS_PASSWORD=" + ActuatorSecurityIntegrationTests.OPS_PASSWORD,
				"database.password=" + ActuatorSecurityIntegrationTests.SECRET })
@AutoConfigureRestTestClient
class ActuatorSecurityIntegrationTests {

	static final String OPS_PASSWORD = "test-ops-password";

	static final String SECRET = "hunter2-database-secret";

	@Autowired
	private RestTestClient client;

	@Test
	void exposedEnvIsUnauthorizedProblemForAnonymousCaller() {
		this.client.get()
			.uri("/actuator/env")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Basic realm=\"trellis-ops\"")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void prometheusIsUnauthorizedForAnonymousCaller() {
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void prometheusAnswersTheOperatorWithMetersTaggedByApplication() {
		String body = this.client.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBasicAuth("ops", OPS_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("jvm_memory_used_bytes{").contains("application=\"exposed\"");
	}

	@Test
	void exposedConfigpropsIsUnauthorizedForAnonymousCaller() {
		this.client.get().uri("/actuator/configprops").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void exposedEnvIsUnauthorizedWithWrongPassword() {
		this.client.get()
			.uri("/actuator/env")
			.headers((headers) -> headers.setBasicAuth("ops", "wrong"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void exposedEnvIsUnauthorizedForBearerToken() {
		this.client.get()
			.uri("/actuator/env")
			.header("Authorization", "Bearer " + AuthServerStub.token("catalog.read"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void exposedEnvMasksEveryValueForTheOperator() {
		this.client.get()
			.uri("/actuator/env/database.password")
			.headers((headers) -> headers.setBasicAuth("ops", OPS_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.consumeWith((result) -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
				.doesNotContain(SECRET)
				.doesNotContain(OPS_PASSWORD))
			.jsonPath("$.property.value")
			.isEqualTo("******");
	}

	@Test
	void exposedConfigpropsRevealsNoSecretToTheOperator() {
		this.client.get()
			.uri("/actuator/configprops")
			.headers((headers) -> headers.setBasicAuth("ops", OPS_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.consumeWith((result) -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
				.doesNotContain(OPS_PASSWORD));
	}

	@Test
	void healthIsAnonymous() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
