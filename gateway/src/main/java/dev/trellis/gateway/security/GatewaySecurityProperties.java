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
package dev.trellis.gateway.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;

/**
 * Configuration properties for the gateway's access rules.
 *
 * @author Trellis
 */
@ConfigurationProperties("trellis.gateway.security")
public class GatewaySecurityProperties {

	/**
	 * Scope each request under /api/** needs, first matching rule first. A request under
	 * /api/** that no rule matches is denied.
	 */
	private List<Rule> rules = new ArrayList<>();

	/**
	 * Path patterns on which the gateway forwards requests without checking their token,
	 * leaving that to the service alone. For measuring what the gateway's check costs;
	 * empty in every deployment.
	 */
	private List<String> uncheckedPaths = new ArrayList<>();

	private final Login login = new Login();

	/**
	 * Connect timeout of the request fetching the auth server's signing keys.
	 */
	private Duration jwkSetConnectTimeout = Duration.ofSeconds(2);

	/**
	 * Read timeout of the request fetching the auth server's signing keys.
	 */
	private Duration jwkSetReadTimeout = Duration.ofSeconds(5);

	public List<Rule> getRules() {
		return this.rules;
	}

	public void setRules(List<Rule> rules) {
		this.rules = rules;
	}

	public List<String> getUncheckedPaths() {
		return this.uncheckedPaths;
	}

	public void setUncheckedPaths(List<String> uncheckedPaths) {
		this.uncheckedPaths = uncheckedPaths;
	}

	public Login getLogin() {
		return this.login;
	}

	public Duration getJwkSetConnectTimeout() {
		return this.jwkSetConnectTimeout;
	}

	public void setJwkSetConnectTimeout(Duration jwkSetConnectTimeout) {
		this.jwkSetConnectTimeout = jwkSetConnectTimeout;
	}

	public Duration getJwkSetReadTimeout() {
		return this.jwkSetReadTimeout;
	}

	public void setJwkSetReadTimeout(Duration jwkSetReadTimeout) {
		this.jwkSetReadTimeout = jwkSetReadTimeout;
	}

	/**
	 * Browser login.
	 */
	public static class Login {

		/**
		 * Client registration (spring.security.oauth2.client.registration.*) browsers
		 * sign in with.
		 */
		private String registrationId = "trellis";

		public String getRegistrationId() {
			return this.registrationId;
		}

		public void setRegistrationId(String registrationId) {
			this.registrationId = registrationId;
		}

	}

	/**
	 * Scope a path needs for some or all methods.
	 */
	public static class Rule {

		/**
		 * Path pattern, such as /api/catalog/**.
		 */
		private @Nullable String path;

		/**
		 * Methods the rule applies to. Empty for every method.
		 */
		private List<HttpMethod> methods = new ArrayList<>();

		/**
		 * Scopes of which the access token must grant at least one, such as catalog.read.
		 */
		private List<String> scopes = new ArrayList<>();

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public List<HttpMethod> getMethods() {
			return this.methods;
		}

		public void setMethods(List<HttpMethod> methods) {
			this.methods = methods;
		}

		public List<String> getScopes() {
			return this.scopes;
		}

		public void setScopes(List<String> scopes) {
			this.scopes = scopes;
		}

	}

}
