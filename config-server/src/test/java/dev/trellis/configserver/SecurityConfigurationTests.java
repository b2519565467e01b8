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

import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SecurityConfiguration}.
 *
 * @author Trellis
 */
class SecurityConfigurationTests {

	private final SecurityConfiguration configuration = new SecurityConfiguration();

	@Test
	void clientHasTheClientRole() {
		InMemoryUserDetailsManager users = this.configuration
			.configServerUsers(users("trellis", "secret", "admin", ""));
		assertThat(users.loadUserByUsername("trellis").getAuthorities()).extracting("authority")
			.containsExactly("ROLE_CLIENT");
	}

	@Test
	void adminHasTheAdminRole() {
		InMemoryUserDetailsManager users = this.configuration
			.configServerUsers(users("trellis", "secret", "admin", "admin-secret"));
		assertThat(users.loadUserByUsername("admin").getAuthorities()).extracting("authority")
			.containsExactly("ROLE_ADMIN");
	}

	@Test
	void noAdminWithoutAdminPassword() {
		InMemoryUserDetailsManager users = this.configuration
			.configServerUsers(users("trellis", "secret", "admin", ""));
		assertThat(users.userExists("admin")).isFalse();
	}

	@Test
	void clientPasswordIsRequired() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.configuration.configServerUsers(users("trellis", "", "admin", "admin-secret")))
			.withMessageContaining("CONFIG_SERVER_PASSWORD");
	}

	@Test
	void adminMustDifferFromClient() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.configuration.configServerUsers(users("trellis", "secret", "trellis", "other")))
			.withMessageContaining("CONFIG_SERVER_ADMIN_USER");
	}

	@Test
	void operatorHasTheOpsRole() {
		ConfigServerUsersProperties properties = users("trellis", "secret", "admin", "admin-secret");
		properties.getOps().setName("ops");
		properties.getOps().setPassword("ops-secret");
		InMemoryUserDetailsManager users = this.configuration.configServerUsers(properties);
		assertThat(users.loadUserByUsername("ops").getAuthorities()).extracting("authority")
			.containsExactly("ROLE_OPS");
	}

	@Test
	void noOperatorWithoutOperatorPassword() {
		ConfigServerUsersProperties properties = users("trellis", "secret", "admin", "admin-secret");
		properties.getOps().setName("ops");
		assertThat(this.configuration.configServerUsers(properties).userExists("ops")).isFalse();
	}

	@Test
	void operatorMustDifferFromClient() {
		ConfigServerUsersProperties properties = users("trellis", "secret", "admin", "admin-secret");
		properties.getOps().setName("trellis");
		properties.getOps().setPassword("ops-secret");
		assertThatIllegalStateException().isThrownBy(() -> this.configuration.configServerUsers(properties))
			.withMessageContaining("OPS_USER");
	}

	private static ConfigServerUsersProperties users(String client, String clientPassword, String admin,
			String adminPassword) {
		ConfigServerUsersProperties properties = new ConfigServerUsersProperties();
		properties.getClient().setName(client);
		properties.getClient().setPassword(clientPassword);
		properties.getAdmin().setName(admin);
		properties.getAdmin().setPassword(adminPassword);
		return properties;
	}

}
