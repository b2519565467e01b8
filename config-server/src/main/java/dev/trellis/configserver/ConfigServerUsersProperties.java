/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.configserver;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the users of the config server: the client that reads
 * configuration and the administrator who may encrypt and decrypt values.
 *
 * @author Trellis
 */
@ConfigurationProperties("trellis.config-server.users")
public class ConfigServerUsersProperties {

	/**
	 * Credential of the services reading configuration.
	 */
	private final Credential client = new Credential();

	/**
	 * Credential for the encrypt and decrypt endpoints. Without a password there is no
	 * administrator.
	 */
	private final Credential admin = new Credential();

	/**
	 * Credential of the operator, for the actuator endpoints other than health and info
	 * (the Prometheus scrape). Without a password there is no operator.
	 */
	private final Credential ops = new Credential();

	public Credential getClient() {
		return this.client;
	}

	public Credential getAdmin() {
		return this.admin;
	}

	public Credential getOps() {
		return this.ops;
	}

	/**
	 * A user name and password.
	 */
	public static class Credential {

		/**
		 * User name.
		 */
		private @Nullable String name;

		/**
		 * Password.
		 */
		private @Nullable String password;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

}
