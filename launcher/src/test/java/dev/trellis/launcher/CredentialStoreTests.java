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
package dev.trellis.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link CredentialStore}.
 *
 * @author Trellis authors
 */
class CredentialStoreTests {

	@TempDir
	Path directory;

	@Test
	void credentialsAreGeneratedOnceAndKeptPrivate() throws Exception {
		Path file = this.directory.resolve(".trellis/credentials.properties");
		Credentials first = CredentialStore.loadOrCreate(file);
		assertThat(first.configServerUser()).isEqualTo("trellis");
		assertThat(first.eurekaUser()).isEqualTo("trellis");
		assertThat(first.configServerPassword()).matches("[A-Za-z0-9_-]{32}");
		assertThat(first.eurekaPassword()).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(first.configServerPassword());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(CredentialStore.loadOrCreate(file)).isEqualTo(first);
	}

	@Test
	void missingEntriesAreFilledAndExistingOnesKept() throws Exception {
		Path file = this.directory.resolve("credentials.properties");
		Files.writeString(file, "CONFIG_SERVER_PASSWORD=chosen\n");
		Credentials credentials = CredentialStore.loadOrCreate(file);
		assertThat(credentials.configServerPassword()).isEqualTo("chosen");
		assertThat(credentials.eurekaPassword()).isNotBlank();
		assertThat(Files.readString(file)).contains("EUREKA_PASSWORD=" + credentials.eurekaPassword());
	}

	@Test
	void environmentUsesTheVariableNamesOfTheApplications() {
		Credentials credentials = new Credentials(Map.of("CONFIG_SERVER_USER", "u1", "CONFIG_SERVER_PASSWORD", "p1"));
		assertThat(credentials.environment()).containsOnly(entry("CONFIG_SERVER_USER", "u1"),
				entry("CONFIG_SERVER_PASSWORD", "p1"));
		assertThat(credentials.toString()).doesNotContain("p1").doesNotContain("p2");
	}

	@Test
	void eachApplicationGetsTheSharedCredentialsAndOnlyItsOwnSecrets() {
		Credentials credentials = CredentialStore.loadOrCreate(this.directory.resolve("credentials.properties"));
		assertThat(credentials.environmentFor("catalog-service")).containsOnlyKeys("CONFIG_SERVER_USER",
				"CONFIG_SERVER_PASSWORD", "EUREKA_USER", "EUREKA_PASSWORD", "OPS_USER", "OPS_PASSWORD");
		assertThat(credentials.environmentFor("auth-server"))
			.containsKeys("TRELLIS_CLI_CLIENT_SECRET", "ORDER_SERVICE_CLIENT_SECRET", "EUREKA_PASSWORD")
			.doesNotContainKey("CONFIG_SERVER_ADMIN_PASSWORD");
		assertThat(credentials.environmentFor("config-server")).containsKey("CONFIG_SERVER_ADMIN_PASSWORD")
			.doesNotContainKey("TRELLIS_CLI_CLIENT_SECRET");
		assertThat(credentials.environmentFor("gateway")).containsKey("TRELLIS_WEB_CLIENT_SECRET")
			.doesNotContainKeys("TRELLIS_CLI_CLIENT_SECRET", "ORDER_SERVICE_CLIENT_SECRET");
		assertThat(credentials.environmentFor("order-service")).containsKey("ORDER_SERVICE_CLIENT_SECRET")
			.doesNotContainKey("TRELLIS_WEB_CLIENT_SECRET");
	}

}
