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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfigServerApplication}.
 * <p>
 * {@code {cipher}} values, decrypted with the key from {@code ENCRYPT_KEY}, in a
 * {@code native} repository written by each test, and the {@code /encrypt} and
 * {@code /decrypt} endpoints, reserved to the administrator.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "CONFIG_SERVER_USER=trellis",
		"CONFIG_SERVER_PASSWORD=" + ConfigServerApplicationEncryptionTests.PASSWORD, "CONFIG_SERVER_ADMIN_USER=admin",
		"CONFIG_SERVER_ADMIN_PASSWORD=" + ConfigServerApplicationEncryptionTests.ADMIN_PASSWORD,
		"ENCRYPT_KEY=test-key-for-encryption-tests", "eureka.client.enabled=false" })
@ActiveProfiles("native")
@AutoConfigureRestTestClient
class ConfigServerApplicationEncryptionTests {

	static final String PASSWORD = "config-secret";

	static final String ADMIN_PASSWORD = "admin-secret";

	@TempDir
	static Path repository;

	@Autowired
	private RestTestClient client;

	@DynamicPropertySource
	static void nativeRepository(DynamicPropertyRegistry registry) {
		registry.add("TRELLIS_CONFIG_NATIVE_LOCATION", () -> repository.toUri().toString());
	}

	@Test
	void clientReceivesDecryptedValue() throws IOException {
		String cipher = encrypt("s3cret");
		Files.writeString(repository.resolve("demo.yml"), "demo:\n  password: '{cipher}" + cipher + "'\n");
		this.client.get()
			.uri("/demo/default")
			.headers((headers) -> headers.setBasicAuth("trellis", PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.propertySources[0].source['demo.password']")
			.isEqualTo("s3cret");
	}

	@Test
	void undecryptableValueFailsTheRequest() throws IOException {
		Files.writeString(repository.resolve("broken.yml"), "broken:\n  password: '{cipher}not-a-cipher'\n");
		this.client.get()
			.uri("/broken/default")
			.headers((headers) -> headers.setBasicAuth("trellis", PASSWORD))
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("'broken.password'")
				.contains("broken.yml")
				.doesNotContain("not-a-cipher"));
	}

	@Test
	void encryptRequiresCredentials() {
		this.client.post()
			.uri("/encrypt")
			.contentType(MediaType.TEXT_PLAIN)
			.body("s3cret")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void encryptIsForbiddenToTheClient() {
		this.client.post()
			.uri("/encrypt")
			.headers((headers) -> headers.setBasicAuth("trellis", PASSWORD))
			.contentType(MediaType.TEXT_PLAIN)
			.body("s3cret")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void decryptIsForbiddenToTheClient() {
		String cipher = encrypt("s3cret");
		this.client.post()
			.uri("/decrypt")
			.headers((headers) -> headers.setBasicAuth("trellis", PASSWORD))
			.contentType(MediaType.TEXT_PLAIN)
			.body(cipher)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void adminDecryptsWhatWasEncrypted() {
		String cipher = encrypt("s3cret");
		assertThat(cipher).isNotBlank().doesNotContain("s3cret");
		this.client.post()
			.uri("/decrypt")
			.headers((headers) -> headers.setBasicAuth("admin", ADMIN_PASSWORD))
			.contentType(MediaType.TEXT_PLAIN)
			.body(cipher)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("s3cret");
	}

	private String encrypt(String value) {
		return this.client.post()
			.uri("/encrypt")
			.headers((headers) -> headers.setBasicAuth("admin", ADMIN_PASSWORD))
			.contentType(MediaType.TEXT_PLAIN)
			.body(value)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
	}

}
