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
package dev.trellis.auth.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the people who sign in to the authorization server in a
 * browser (authorization code flow).
 *
 * @author Trellis
 */
@ConfigurationProperties("trellis.auth")
public class UserProperties {

	/**
	 * Users by user name.
	 */
	private final Map<String, User> users = new LinkedHashMap<>();

	public Map<String, User> getUsers() {
		return this.users;
	}

	/**
	 * One user.
	 */
	public static class User {

		/**
		 * Password with its encoding prefix, such as {bcrypt}$2a$10$...; never in clear
		 * text.
		 */
		private @Nullable String password;

		/**
		 * Roles of the user.
		 */
		private List<String> roles = new ArrayList<>(List.of("USER"));

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public List<String> getRoles() {
			return this.roles;
		}

		public void setRoles(List<String> roles) {
			this.roles = roles;
		}

	}

}
