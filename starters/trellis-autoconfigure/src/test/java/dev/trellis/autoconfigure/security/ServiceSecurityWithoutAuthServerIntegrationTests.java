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

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Tests for {@link ServiceSecurityAutoConfiguration}.
 * <p>
 * A service whose auth server is down: it starts, is healthy, and answers requests with a
 * 401, never a server error.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=secured", "trellis.config.import.enabled=false",
				"spring.cloud.config.enabled=false", "eureka.client.enabled=false",
				// nothing listens on port 1
				"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:1/oauth2/jwks",
				"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + AuthServerStub.ISSUER })
@AutoConfigureRestTestClient
class ServiceSecurityWithoutAuthServerIntegrationTests {

	@Autowired
	private RestTestClient client;

	@Test
	void serviceIsHealthy() {
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	@Test
	void tokenThatCannotBeCheckedIsUnauthorizedProblem() {
		this.client.get()
			.uri("/products")
			.header("Authorization", "Bearer " + AuthServerStub.token("catalog.read"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
