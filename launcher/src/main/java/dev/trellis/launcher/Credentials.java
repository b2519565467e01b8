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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Credentials of a local platform: the users and passwords of the config server and the
 * Eureka server, and the secrets of the authorization server's clients. Generated on
 * first use and kept in {@code .trellis/credentials.properties} (readable by the owner
 * only), so that no development secret is committed. Each is handed to the applications
 * as the environment variable of its name.
 *
 * @param values every credential by its environment variable name, in a stable order
 * @author Trellis authors
 */
public record Credentials(Map<String, String> values) {

	/** Environment variable of the config server user. */
	public static final String CONFIG_SERVER_USER = "CONFIG_SERVER_USER";

	/** Environment variable of the config server password. */
	public static final String CONFIG_SERVER_PASSWORD = "CONFIG_SERVER_PASSWORD";

	/** Environment variable of the config server's administrator (encrypt, decrypt). */
	public static final String CONFIG_SERVER_ADMIN_USER = "CONFIG_SERVER_ADMIN_USER";

	/** Environment variable of the config server administrator's password. */
	public static final String CONFIG_SERVER_ADMIN_PASSWORD = "CONFIG_SERVER_ADMIN_PASSWORD";

	/** Environment variable of the Eureka user. */
	public static final String EUREKA_USER = "EUREKA_USER";

	/** Environment variable of the Eureka password. */
	public static final String EUREKA_PASSWORD = "EUREKA_PASSWORD";

	/** Environment variable of the operations user (actuator beyond health and info). */
	public static final String OPS_USER = "OPS_USER";

	/** Environment variable of the operations user's password. */
	public static final String OPS_PASSWORD = "OPS_PASSWORD";

	/** Environment variable of the {@code trellis-cli} client's secret. */
	public static final String TRELLIS_CLI_CLIENT_SECRET = "TRELLIS_CLI_CLIENT_SECRET";

	/** Environment variable of the {@code trellis-web} client's secret. */
	public static final String TRELLIS_WEB_CLIENT_SECRET = "TRELLIS_WEB_CLIENT_SECRET";

	/** Environment variable of the {@code order-service} client's secret. */
	public static final String ORDER_SERVICE_CLIENT_SECRET = "ORDER_SERVICE_CLIENT_SECRET";

	/** Variables holding a user name rather than a secret. */
	static final Map<String, String> USERS = Map.of(CONFIG_SERVER_USER, "trellis", CONFIG_SERVER_ADMIN_USER, "admin",
			EUREKA_USER, "trellis", OPS_USER, "ops");

	/** Every credential, in the order they are stored and exported. */
	static final List<String> NAMES = List.of(CONFIG_SERVER_USER, CONFIG_SERVER_PASSWORD, CONFIG_SERVER_ADMIN_USER,
			CONFIG_SERVER_ADMIN_PASSWORD, EUREKA_USER, EUREKA_PASSWORD, OPS_USER, OPS_PASSWORD,
			TRELLIS_CLI_CLIENT_SECRET, TRELLIS_WEB_CLIENT_SECRET, ORDER_SERVICE_CLIENT_SECRET);

	/**
	 * Credentials every application gets: it reads configuration, registers, and lets
	 * operations read its actuator.
	 */
	static final List<String> SHARED = List.of(CONFIG_SERVER_USER, CONFIG_SERVER_PASSWORD, EUREKA_USER, EUREKA_PASSWORD,
			OPS_USER, OPS_PASSWORD);

	/**
	 * Credentials only some applications get, by application name: the auth server checks
	 * every client secret, the gateway logs browsers in as {@code trellis-web},
	 * order-service calls others as itself.
	 */
	static final Map<String, List<String>> OWN = Map.of("config-server",
			List.of(CONFIG_SERVER_ADMIN_USER, CONFIG_SERVER_ADMIN_PASSWORD), "auth-server",
			List.of(TRELLIS_CLI_CLIENT_SECRET, TRELLIS_WEB_CLIENT_SECRET, ORDER_SERVICE_CLIENT_SECRET), "gateway",
			List.of(TRELLIS_WEB_CLIENT_SECRET), "order-service", List.of(ORDER_SERVICE_CLIENT_SECRET));

	/**
	 * Creates credentials.
	 * @param values every credential by its environment variable name
	 */
	public Credentials {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/**
	 * Returns a credential.
	 * @param name its environment variable name
	 * @return the value
	 * @throws IllegalArgumentException when there is no such credential
	 */
	public String get(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("No credential " + name + "; known: " + this.values.keySet());
		}
		return value;
	}

	/**
	 * Returns the config server user.
	 * @return the user
	 */
	public String configServerUser() {
		return get(CONFIG_SERVER_USER);
	}

	/**
	 * Returns the config server password.
	 * @return the password
	 */
	public String configServerPassword() {
		return get(CONFIG_SERVER_PASSWORD);
	}

	/**
	 * Returns the Eureka user.
	 * @return the user
	 */
	public String eurekaUser() {
		return get(EUREKA_USER);
	}

	/**
	 * Returns the Eureka password.
	 * @return the password
	 */
	public String eurekaPassword() {
		return get(EUREKA_PASSWORD);
	}

	/**
	 * Returns the credentials as the environment variables the applications read.
	 * @return the variables, in a stable order
	 */
	public Map<String, String> environment() {
		return this.values;
	}

	/**
	 * Returns the credentials one application gets as environment variables: those every
	 * application needs and its own, not the secrets of others.
	 * @param application the application name
	 * @return the variables, in a stable order
	 */
	public Map<String, String> environmentFor(String application) {
		Map<String, String> result = new LinkedHashMap<>();
		SHARED.forEach((name) -> result.put(name, get(name)));
		OWN.getOrDefault(application, List.of()).forEach((name) -> result.put(name, get(name)));
		return result;
	}

	@Override
	public String toString() {
		return "Credentials" + this.values.keySet() + " (values hidden)";
	}

}
