/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.configserver;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Security of the config server: configuration is served to clients with credentials,
 * encrypting and decrypting values needs the administrator, the other actuator endpoints
 * (the Prometheus scrape) the operator, as in every Trellis app; health and info are
 * anonymous.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfigServerUsersProperties.class)
class SecurityConfiguration {

	static final String CLIENT = "CLIENT";

	static final String ADMIN = "ADMIN";

	static final String OPS = "OPS";

	@Bean
	SecurityFilterChain configServerSecurityFilterChain(HttpSecurity http) throws Exception {
		ProblemSecurityHandler problems = new ProblemSecurityHandler();
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health", "info"))
			.permitAll()
			// The operator reads metrics and nothing else: no configuration, no decrypted
			// secret; the clients read configuration and no metrics.
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.hasRole(OPS)
			// Spring Cloud Config's EncryptionController: /encrypt, /decrypt and /key
			.requestMatchers("/encrypt/**", "/decrypt/**", "/key/**")
			.hasRole(ADMIN)
			.anyRequest()
			.hasAnyRole(CLIENT, ADMIN));
		http.httpBasic((basic) -> basic.authenticationEntryPoint(problems));
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		// Clients are services sending basic credentials on every request: no sessions,
		// and so no CSRF tokens to check.
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager configServerUsers(ConfigServerUsersProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		ConfigServerUsersProperties.Credential client = properties.getClient();
		Assert.state(StringUtils.hasText(client.getName()) && StringUtils.hasText(client.getPassword()),
				"The config server needs a client user and password (CONFIG_SERVER_USER, CONFIG_SERVER_PASSWORD)");
		users.add(user(client, CLIENT));
		ConfigServerUsersProperties.Credential admin = properties.getAdmin();
		// No password, no administrator: /encrypt and /decrypt are then closed to all.
		if (StringUtils.hasText(admin.getName()) && StringUtils.hasText(admin.getPassword())) {
			Assert.state(!admin.getName().equals(client.getName()),
					"The config server's admin user (CONFIG_SERVER_ADMIN_USER) must differ from its client user");
			users.add(user(admin, ADMIN));
		}
		ConfigServerUsersProperties.Credential ops = properties.getOps();
		// No password, no operator: the metrics are then closed to all.
		if (StringUtils.hasText(ops.getName()) && StringUtils.hasText(ops.getPassword())) {
			Assert.state(!ops.getName().equals(client.getName()) && !ops.getName().equals(admin.getName()),
					"The config server's operator (OPS_USER) must differ from its client and admin users");
			users.add(user(ops, OPS));
		}
		return new InMemoryUserDetailsManager(users);
	}

	private static UserDetails user(ConfigServerUsersProperties.Credential credential, String role) {
		// The passwords come from the environment and stay in memory: {noop}, as Spring
		// Boot stores spring.security.user.password, and the password is taken literally
		// even when it starts with "{".
		return User.withUsername(credential.getName())
			.password("{noop}" + credential.getPassword())
			.roles(role)
			.build();
	}

}
