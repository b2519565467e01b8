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

import jakarta.servlet.DispatcherType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that makes a servlet Trellis service an OAuth2 resource server:
 * every request needs a JWT from the platform's auth server, endpoints check its scopes
 * with {@code @PreAuthorize}, and actuator endpoints other than health and info need the
 * operator credential. Errors are RFC 9457 problems.
 * <p>
 * The filter chains back off when the application defines its own
 * {@link SecurityFilterChain}. The {@link JwtDecoder} is Spring Boot's, from
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} and {@code issuer-uri}:
 * with a JWK set URI Boot checks the issuer without calling the issuer's discovery
 * endpoint, and fetches the keys on the first request, so a service starts while the auth
 * server is down.
 *
 * @author Trellis
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, BearerTokenAuthenticationFilter.class,
		JwtDecoder.class })
@ConditionalOnBooleanProperty(name = "trellis.security.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TrellisSecurityProperties.class)
public final class ServiceSecurityAutoConfiguration {

	/**
	 * Order of the filter chain for actuator endpoints.
	 */
	public static final int MANAGEMENT_ORDER = 10;

	/**
	 * Order of the filter chain for every other request.
	 */
	public static final int SERVICE_ORDER = 20;

	static final String BEARER_DETAIL = "A valid bearer token from the platform's auth server is required.";

	static final String SCOPE_DETAIL = "The token does not grant the scope this request needs.";

	private static final Log logger = LogFactory.getLog(ServiceSecurityAutoConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer")
	static class JwkSetCacheConfiguration {

		/**
		 * Keeps the auth server's signing keys until a token names a key that is not
		 * among them. The decoder's default cache forgets them after five minutes, so
		 * that an instance would refuse every token, already issued ones included, once
		 * the auth server had been down that long. A rotated key is still picked up: a
		 * token signed with an unknown key id makes the decoder fetch the key set again.
		 * @return the customizer of Spring Boot's decoder
		 */
		@Bean
		JwkSetUriJwtDecoderBuilderCustomizer trellisJwkSetCacheCustomizer() {
			return (builder) -> builder.cache(new ConcurrentMapCache("trellis-jwk-set"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableMethodSecurity
	static class MethodSecurityConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	static class SecurityFilterChainConfiguration {

		@Bean
		@Order(SERVICE_ORDER)
		SecurityFilterChain trellisSecurityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder)
				throws Exception {
			JwtDecoder decoder = jwtDecoder.getIfUnique();
			if (decoder == null) {
				throw new IllegalStateException("A Trellis service needs a JwtDecoder to check bearer tokens: set "
						+ "spring.security.oauth2.resourceserver.jwt.jwk-set-uri (config-repo/application.yml does), "
						+ "define a JwtDecoder bean (tests: @AutoConfigureTestTokens), or set "
						+ "trellis.security.enabled=false");
			}
			ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(
					new BearerTokenAuthenticationEntryPoint(), BEARER_DETAIL);
			ProblemAccessDeniedHandler accessDeniedHandler = new ProblemAccessDeniedHandler(
					new BearerTokenAccessDeniedHandler(), SCOPE_DETAIL);
			// @formatter:off
			http
				.authorizeHttpRequests((requests) -> requests
					// errors of requests that got this far render as problems
					.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
					.anyRequest().authenticated())
				.oauth2ResourceServer((resourceServer) -> resourceServer
					.jwt((jwt) -> jwt.decoder(decoder))
					.authenticationEntryPoint(entryPoint)
					.accessDeniedHandler(accessDeniedHandler)
					.withObjectPostProcessor(unauthorizedOnAnyAuthenticationFailure(entryPoint)))
				.exceptionHandling((exceptions) -> exceptions
					.authenticationEntryPoint(entryPoint)
					.accessDeniedHandler(accessDeniedHandler));
			// @formatter:on
			return ManagementSecurity.stateless(http).build();
		}

		/**
		 * A token that cannot be checked (its key is unknown and the auth server's JWK
		 * set cannot be fetched) is answered with a 401, not the 500 Spring Security
		 * gives an {@link AuthenticationServiceException}: never a server error for a bad
		 * token.
		 */
		private static ObjectPostProcessor<BearerTokenAuthenticationFilter> unauthorizedOnAnyAuthenticationFailure(
				ProblemAuthenticationEntryPoint entryPoint) {
			return new ObjectPostProcessor<>() {

				@Override
				public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler((request, response, exception) -> {
						if (exception instanceof AuthenticationServiceException) {
							logger.warn("Bearer token could not be checked: " + exception.getMessage());
						}
						entryPoint.commence(request, response, exception);
					});
					return filter;
				}

			};
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
		static class ManagementSecurityFilterChainConfiguration {

			@Bean
			@Order(MANAGEMENT_ORDER)
			SecurityFilterChain trellisManagementSecurityFilterChain(HttpSecurity http,
					TrellisSecurityProperties properties) throws Exception {
				return ManagementSecurity.filterChain(http, properties.getOps());
			}

		}

	}

}
