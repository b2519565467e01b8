/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.discovery;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security of the registry: the Eureka API and dashboard need credentials, only health
 * and info are anonymous.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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
