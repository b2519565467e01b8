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

package dev.trellis.configserver;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfigServerApplication}.
 * <p>
 * The {@code native} profile, serving the project's config-repo/ directory behind basic
 * authentication, without an encryption key.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "TRELLIS_CONFIG_NATIVE_LOCATION=file:../config-repo/", "CONFIG_SERVER_USER=trellis",
				"CONFIG_SERVER_PASSWORD=" + ConfigServerApplicationTests.PASSWORD,
				"CONFIG_SERVER_ADMIN_PASSWORD=" + ConfigServerApplicationTests.ADMIN_PASSWORD, "ENCRYPT_KEY=",
				"OPS_PASSWORD=" + ConfigServerApplicationTests.OPS_PASSWORD, "eureka.client.enabled=false" })
@ActiveProfiles("native")
@AutoConfigureRestTestClient
class ConfigServerApplicationTests {

	static final String PASSWORD = "config-secret";

	static final String ADMIN_PASSWORD = "admin-secret";

	static final String OPS_PASSWORD = "ops-secret";

	@Autowired
	private RestTestClient client;

	@Test
	void configurationRequiresCredentials() {
		this.client.get().uri("/gateway/default").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void configurationRejectsWrongCredentials() {
		this.client.get()
			.uri("/gateway/default")
			.headers((headers) -> headers.setBasicAuth("trellis", "wrong"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void configurationIsServedFromConfigRepo() {
		this.client.get()
			.uri("/gateway/default")
			.headers((headers) -> headers.setBasicAuth("trellis", PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("gateway")
			.jsonPath("$.propertySources[0].name")
			.value((name) -> assertThat((String) name).endsWith("gateway.yml"))
			.jsonPath("$.propertySources[0].source['spring.cloud.gateway.server.webflux.routes[0].uri']")
			.isEqualTo("lb://catalog-service")
			.jsonPath("$.propertySources[1].name")
			.value((name) -> assertThat((String) name).endsWith("application.yml"));
	}

	@Test
	void profileSpecificConfigurationComesFirst() {
		this.client.get()
			.uri("/catalog-service/local")
			.headers((headers) -> headers.setBasicAuth("trellis", PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.propertySources[0].name")
			.value((name) -> assertThat((String) name).endsWith("catalog-service-local.yml"));
	}

	@Test
	void healthIsAnonymous() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void infoIsAnonymous() {
		this.client.get().uri("/actuator/info").exchange().expectStatus().isOk();
	}

	@Test
	void prometheusScrapeAnswersTheOperator() {
		this.client.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBasicAuth("ops", OPS_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("application=\"config-server\""));
	}

	@Test
	void prometheusScrapeIsForbiddenToTheClient() {
		this.client.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBasicAuth("trellis", PASSWORD))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void operatorCannotReadConfiguration() {
		this.client.get()
			.uri("/gateway/default")
			.headers((headers) -> headers.setBasicAuth("ops", OPS_PASSWORD))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void encryptWithoutKeyIsUnavailable() {
		this.client.post()
			.uri("/encrypt")
			.headers((headers) -> headers.setBasicAuth("admin", ADMIN_PASSWORD))
			.contentType(MediaType.TEXT_PLAIN)
			.body("s3cret")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("ENCRYPT_KEY"));
	}

}
