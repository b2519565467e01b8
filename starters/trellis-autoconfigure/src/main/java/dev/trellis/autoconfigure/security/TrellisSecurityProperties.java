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

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the security of a Trellis service.
 *
 * @author Trellis
 */
@ConfigurationProperties("trellis.security")
public class TrellisSecurityProperties {

	/**
	 * Whether every request needs a bearer token from the platform's auth server and
	 * actuator endpoints other than health and info the operator credential.
	 */
	private boolean enabled = true;

	private final Ops ops = new Ops();

	private final Client client = new Client();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Ops getOps() {
		return this.ops;
	}

	public Client getClient() {
		return this.client;
	}

	/**
	 * Operator credential (HTTP basic) for actuator endpoints other than health and info.
	 */
	public static class Ops {

		/**
		 * Name of the operator user.
		 */
		private String username = "ops";

		/**
		 * Password of the operator user, as given or encoded with its prefix (such as
		 * {bcrypt}). Without one no one can use the protected actuator endpoints.
		 */
		private @Nullable String password;

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

	/**
	 * Calls to other services with this service's own token (client credentials).
	 */
	public static class Client {

		/**
		 * Id of the spring.security.oauth2.client.registration whose token every
		 * load-balanced RestClient.Builder sends. Unset, calls carry no token.
		 */
		private @Nullable String registrationId;

		/**
		 * How long before it expires a token is replaced, so that it does not expire on
		 * its way to the called service or while that service's clock is ahead.
		 */
		private Duration clockSkew = Duration.ofSeconds(30);

		public @Nullable String getRegistrationId() {
			return this.registrationId;
		}

		public void setRegistrationId(@Nullable String registrationId) {
			this.registrationId = registrationId;
		}

		public Duration getClockSkew() {
			return this.clockSkew;
		}

		public void setClockSkew(Duration clockSkew) {
			this.clockSkew = clockSkew;
		}

	}

}
