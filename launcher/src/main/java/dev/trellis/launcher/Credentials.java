/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Credentials of the config server and the Eureka server for a local platform. Generated
 * on first use and kept in {@code .trellis/credentials.properties} (readable by the owner
 * only), so that no development secret is committed.
 *
 * @param configServerUser user of the config server
 * @param configServerPassword password of the config server
 * @param eurekaUser user of the Eureka server
 * @param eurekaPassword password of the Eureka server
 * @author Trellis authors
 */
public record Credentials(String configServerUser, String configServerPassword, String eurekaUser,
		String eurekaPassword) {

	/** Environment variable of the config server user. */
	public static final String CONFIG_SERVER_USER = "CONFIG_SERVER_USER";

	/** Environment variable of the config server password. */
	public static final String CONFIG_SERVER_PASSWORD = "CONFIG_SERVER_PASSWORD";

	/** Environment variable of the Eureka user. */
	public static final String EUREKA_USER = "EUREKA_USER";

	/** Environment variable of the Eureka password. */
	public static final String EUREKA_PASSWORD = "EUREKA_PASSWORD";

	/**
	 * Returns the credentials as the environment variables the applications read.
	 * @return the variables, in a stable order
	 */
	public Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put(CONFIG_SERVER_USER, this.configServerUser);
		environment.put(CONFIG_SERVER_PASSWORD, this.configServerPassword);
		environment.put(EUREKA_USER, this.eurekaUser);
		environment.put(EUREKA_PASSWORD, this.eurekaPassword);
		return environment;
	}

	@Override
	public String toString() {
		return "Credentials[configServerUser=" + this.configServerUser + ", eurekaUser=" + this.eurekaUser
				+ ", passwords hidden]";
	}

}
