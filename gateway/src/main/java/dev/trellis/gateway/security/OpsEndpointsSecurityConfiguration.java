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

import java.util.UUID;

import dev.trellis.gateway.error.ProblemDetailWriter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.util.StringUtils;

/**
 * Security of the gateway's own actuator endpoints other than health and info (metrics,
 * prometheus, the gateway's routes): the operator credential over HTTP basic
 * ({@code trellis.security.ops.username} / {@code .password}, from {@code OPS_USER} and
 * {@code OPS_PASSWORD}), as on every service, so that a Prometheus server can scrape the
 * gateway. Anyone else gets a 401 problem; without a password nobody gets in. Only
 * endpoints that are exposed match; every other {@code /actuator/**} path stays refused
 * by {@link SecurityConfiguration}.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
class OpsEndpointsSecurityConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain opsEndpointsSecurityWebFilterChain(ServerHttpSecurity http,
			ProblemDetailWriter problemDetailWriter, @Value("${trellis.security.ops.username:ops}") String username,
			@Value("${trellis.security.ops.password:}") String password) {
		ServerAuthenticationEntryPoint entryPoint = (exchange, exception) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"trellis-ops\"");
			return problemDetailWriter.write(exchange, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"This endpoint needs the operator credential."));
		};
		ServerAccessDeniedHandler accessDenied = (exchange, denied) -> problemDetailWriter.write(exchange,
				ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "This endpoint is for operators only."));
		// @formatter:off
		return http
			.securityMatcher(EndpointRequest.toAnyEndpoint().excluding("health", "info"))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.httpBasic((basic) -> basic.authenticationManager(opsAuthenticationManager(username, password))
				.authenticationEntryPoint(entryPoint))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().hasRole("OPS"))
			.build();
		// @formatter:on
	}

	private static ReactiveAuthenticationManager opsAuthenticationManager(String username, String password) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		MapReactiveUserDetailsService users;
		if (StringUtils.hasText(password)) {
			// Hashed here, so that the encoder compares it in constant time.
			String encoded = password.startsWith("{") ? password : encoder.encode(password);
			UserDetails operator = User.withUsername(username).password(encoded).roles("OPS").build();
			users = new MapReactiveUserDetailsService(operator);
		}
		else {
			// No password, no operator: every request is answered 401.
			users = new MapReactiveUserDetailsService(User.withUsername(username)
				.password("{noop}" + UUID.randomUUID())
				.roles("NONE")
				.disabled(true)
				.build());
		}
		UserDetailsRepositoryReactiveAuthenticationManager manager = new UserDetailsRepositoryReactiveAuthenticationManager(
				users);
		manager.setPasswordEncoder(encoder);
		return manager;
	}

}
