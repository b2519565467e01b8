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

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * The security of the actuator endpoints in every Trellis app: health and info for
 * anyone, every other exposed endpoint (metrics, the Prometheus scrape) for the operator
 * only (HTTP basic, the {@code trellis.security.ops} credential), problem JSON for anyone
 * else. Services get it from {@link ServiceSecurityAutoConfiguration}; apps with a
 * security configuration of their own (the auth server, the registry) declare it with
 * {@link #filterChain}, at an order before their own chains. It needs nothing of OAuth2,
 * so apps that are no resource server can use it.
 *
 * @author Trellis
 */
public final class ManagementSecurity {

	private ManagementSecurity() {
	}

	/**
	 * Build the filter chain of the actuator endpoints.
	 * @param http the security builder
	 * @param ops the operator credential
	 * @return the filter chain
	 * @throws Exception if the chain cannot be built
	 */
	public static SecurityFilterChain filterChain(HttpSecurity http, TrellisSecurityProperties.Ops ops)
			throws Exception {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(
				(request, response, exception) -> response.setHeader("WWW-Authenticate", "Basic realm=\"trellis-ops\""),
				"This endpoint needs the operator credential.");
		ProblemAccessDeniedHandler accessDeniedHandler = new ProblemAccessDeniedHandler(
				(request, response, exception) -> {
				}, "This endpoint is for operators only.");
		// @formatter:off
		http
			.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(EndpointRequest.to("health", "info")).permitAll()
				.anyRequest().hasRole("OPS"))
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.authenticationManager(opsAuthenticationManager(ops))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDeniedHandler));
		// @formatter:on
		return stateless(http).build();
	}

	private static AuthenticationManager opsAuthenticationManager(TrellisSecurityProperties.Ops ops) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		String password = ops.getPassword();
		// No password, no operator: the endpoints answer 401 to everyone.
		if (StringUtils.hasText(password)) {
			// A password from the environment is hashed here, so that it is compared by
			// the encoder, in constant time, not as plain text.
			String encoded = password.startsWith("{") ? password : encoder.encode(password);
			UserDetails operator = User.withUsername(ops.getUsername()).password(encoded).roles("OPS").build();
			users.createUser(operator);
		}
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		return new ProviderManager(provider);
	}

	static HttpSecurity stateless(HttpSecurity http) throws Exception {
		// Every request carries its credential: no session, no CSRF token to protect it,
		// no saved request to return to after a login page.
		return http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache((cache) -> cache.disable())
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable);
	}

}
