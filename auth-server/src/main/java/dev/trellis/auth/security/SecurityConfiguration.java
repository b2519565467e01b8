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
package dev.trellis.auth.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.trellis.autoconfigure.security.ManagementSecurity;
import dev.trellis.autoconfigure.security.TrellisSecurityProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Security of the authorization server: one filter chain for the OAuth2 and OpenID
 * Connect endpoints, one for everything else (form login for the browser flow, anonymous
 * health and info), the users from {@code trellis.auth.users}, and the audience of access
 * tokens.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ UserProperties.class, AccessTokenProperties.class })
class SecurityConfiguration {

	/**
	 * The protocol endpoints ({@code /oauth2/*}, {@code /.well-known/*},
	 * {@code /userinfo}, ...). Their errors are OAuth2 JSON, as clients expect. A browser
	 * that is not signed in is sent to the login page.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) throws Exception {
		// @formatter:off
		http
			.oauth2AuthorizationServer((server) -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.oidc(Customizer.withDefaults());
			})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			// bearer tokens for the OpenID Connect userinfo endpoint
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), htmlRequests()));
		// @formatter:on
		return http.build();
	}

	/**
	 * The exposed actuator endpoints, as in every Trellis service: health and info for
	 * anyone, the others (metrics, the Prometheus scrape) for the operator credential
	 * only. First, so that the login page never answers for them.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain managementSecurityFilterChain(HttpSecurity http, TrellisSecurityProperties properties)
			throws Exception {
		return ManagementSecurity.filterChain(http, properties.getOps());
	}

	/**
	 * Everything else: the login page, health and info for probes and the launcher; no
	 * other actuator endpoint (one that is not exposed). A browser that is not signed in
	 * goes to the login page, any other client gets a 401 problem.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http) throws Exception {
		// @formatter:off
		http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(EndpointRequest.to("health", "info")).permitAll()
				.requestMatchers(EndpointRequest.toAnyEndpoint()).denyAll()
				.requestMatchers("/error").permitAll()
				.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			// browsers go to the login page, API clients get a 401 problem
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), htmlRequests())
				.defaultAuthenticationEntryPointFor(new ProblemAuthenticationEntryPoint(), AnyRequestMatcher.INSTANCE));
		// @formatter:on
		return http.build();
	}

	/** Requests from a browser: they accept HTML explicitly, not just anything. */
	private static MediaTypeRequestMatcher htmlRequests() {
		MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return matcher;
	}

	/**
	 * Access tokens name the platform's APIs as their audience, which every resource
	 * server checks: a token issued for something else is not accepted by them.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> accessTokenAudienceCustomizer(AccessTokenProperties properties) {
		return new AccessTokenAudienceCustomizer(properties.getAudiences());
	}

	@Bean
	UserDetailsService userDetailsService(UserProperties properties) {
		List<UserDetails> users = properties.getUsers().entrySet().stream().map(this::user).toList();
		return new InMemoryUserDetailsManager(users);
	}

	private UserDetails user(Map.Entry<String, UserProperties.User> entry) {
		String password = entry.getValue().getPassword();
		if (!StringUtils.hasText(password) || !password.startsWith("{")) {
			throw new IllegalStateException("trellis.auth.users." + entry.getKey()
					+ ".password must be an encoded password with its prefix, such as {bcrypt}$2a$10$...");
		}
		return User.withUsername(entry.getKey())
			.password(password)
			.roles(entry.getValue().getRoles().toArray(String[]::new))
			.build();
	}

}
