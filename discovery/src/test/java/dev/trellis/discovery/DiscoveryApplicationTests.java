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

package dev.trellis.discovery;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DiscoveryApplication}.
 * <p>
 * The Eureka registry with config-repo/application.yml and discovery.yml, as the config
 * server serves them, behind basic authentication.
 *
 * @author Trellis
 */
// The test starter switches the Eureka client off, but the Eureka server is built on its
// beans: switched back on, discovery.yml keeps it from registering or fetching.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.import=file:../config-repo/application.yml,file:../config-repo/discovery.yml",
				"eureka.client.enabled=true", "spring.security.user.name=trellis",
				"spring.security.user.password=" + DiscoveryApplicationTests.PASSWORD, "OPS_USER=ops",
				"OPS_PASSWORD=" + DiscoveryApplicationTests.OPS_PASSWORD })
@AutoConfigureRestTestClient
class DiscoveryApplicationTests {

	static final String PASSWORD = "registry-secret";

	static final String OPS_PASSWORD = "operator-secret";

	private static final String INSTANCE = """
			{
			  "instance": {
			    "instanceId": "host1:demo-service:8081",
			    "hostName": "host1",
			    "app": "DEMO-SERVICE",
			    "ipAddr": "127.0.0.1",
			    "vipAddress": "demo-service",
			    "status": "UP",
			    "port": { "$": 8081, "@enabled": "true" },
			    "securePort": { "$": 443, "@enabled": "false" },
			    "dataCenterInfo": {
			      "@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo",
			      "name": "MyOwn"
			    }
			  }
			}
			""";

	@Autowired
	private RestTestClient client;

	@Test
	void registryRequiresCredentials() {
		this.client.get()
			.uri("/eureka/apps")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void registryRejectsWrongCredentials() {
		this.client.get()
			.uri("/eureka/apps")
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBasicAuth("trellis", "wrong"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void registryAnswersWithCredentials() {
		this.client.get()
			.uri("/eureka/apps")
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBasicAuth("trellis", PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.applications")
			.exists();
	}

	@Test
	void dashboardRequiresCredentials() {
		this.client.get().uri("/").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void dashboardAnswersWithCredentials() {
		this.client.get()
			.uri("/")
			.headers((headers) -> headers.setBasicAuth("trellis", PASSWORD))
			.exchange()
			.expectStatus()
			.isOk();
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
		this.client.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.app.description")
			.isEqualTo("Service registry (Eureka)");
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
			.value((body) -> assertThat(body).contains("application=\"discovery\""));
	}

	@Test
	void prometheusScrapeRefusesTheRegistryCredential() {
		this.client.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBasicAuth("trellis", PASSWORD))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void operatorCannotUseTheRegistry() {
		this.client.get()
			.uri("/eureka/apps")
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBasicAuth("ops", OPS_PASSWORD))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void registrationRequiresCredentials() {
		this.client.post()
			.uri("/eureka/apps/DEMO-SERVICE")
			.contentType(MediaType.APPLICATION_JSON)
			.body(INSTANCE)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void registeredInstanceIsListed() {
		this.client.post()
			.uri("/eureka/apps/DEMO-SERVICE")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBasicAuth("trellis", PASSWORD))
			.body(INSTANCE)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NO_CONTENT);
		this.client.get()
			.uri("/eureka/apps")
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBasicAuth("trellis", PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.applications.application[?(@.name == 'DEMO-SERVICE')].instance[0].instanceId")
			.isEqualTo("host1:demo-service:8081");
	}

}
