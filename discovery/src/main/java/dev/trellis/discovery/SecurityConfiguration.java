/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.discovery;

import dev.trellis.autoconfigure.security.ManagementSecurity;
import dev.trellis.autoconfigure.security.TrellisSecurityProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security of the registry: the Eureka API and dashboard need the registry's credential,
 * the other actuator endpoints (metrics, the Prometheus scrape) the operator's, as in
 * every Trellis app; only health and info are anonymous.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrellisSecurityProperties.class)
class SecurityConfiguration {

	/**
	 * The actuator endpoints, first: the operator credential ({@code OPS_USER},
	 * {@code OPS_PASSWORD}, through the platform defaults of trellis-autoconfigure), not
	 * the registry's, which clients use to register.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain managementSecurityFilterChain(HttpSecurity http, TrellisSecurityProperties properties)
			throws Exception {
		return ManagementSecurity.filterChain(http, properties.getOps());
	}

	@Bean
	SecurityFilterChain discoverySecurityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health", "info"))
			.permitAll()
			.anyRequest()
			.authenticated());
		http.httpBasic(Customizer.withDefaults());
		// Eureka clients are machines sending basic credentials, not browsers with
		// sessions.
		http.csrf((csrf) -> csrf.ignoringRequestMatchers("/eureka/**"));
		return http.build();
	}

}
