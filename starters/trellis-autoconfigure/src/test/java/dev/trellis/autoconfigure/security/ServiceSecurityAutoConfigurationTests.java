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

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServiceSecurityAutoConfiguration}.
 *
 * @author Trellis
 */
class ServiceSecurityAutoConfigurationTests {

	private static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:1/oauth2/jwks";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ServiceSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
						ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class))
		.withPropertyValues(JWK_SET_URI);

	@Test
	void serviceAndManagementFilterChainsAreConfigured() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean("trellisSecurityFilterChain");
			assertThat(context).hasBean("trellisManagementSecurityFilterChain");
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(2);
		});
	}

	@Test
	void jwtDecoderIsBootsFromTheJwkSetUri() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(JwtDecoder.class));
	}

	@Test
	void signingKeysStayCachedWhileTheAuthServerIsDown() throws Exception {
		AuthServerStub authServer = new AuthServerStub();
		try {
			this.contextRunner
				.withPropertyValues(
						"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + authServer.url() + "/oauth2/jwks",
						"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + AuthServerStub.ISSUER)
				.run((context) -> {
					assertThat(context).hasBean("trellisJwkSetCacheCustomizer");
					JwtDecoder decoder = context.getBean(JwtDecoder.class);
					assertThat(decoder.decode(AuthServerStub.token("catalog.read")).getClaimAsStringList("scope"))
						.containsExactly("catalog.read");
					authServer.close();
					assertThat(decoder.decode(AuthServerStub.token("catalog.read")).getClaimAsStringList("scope"))
						.containsExactly("catalog.read");
				});
		}
		finally {
			authServer.close();
		}
	}

	@Test
	void startsWhileTheAuthServerIsDown() {
		this.contextRunner.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1")
			.run((context) -> assertThat(context).hasNotFailed().hasBean("trellisSecurityFilterChain"));
	}

	@Test
	void methodSecurityIsEnabled() {
		this.contextRunner.run((context) -> assertThat(context).hasBean("preAuthorizeAuthorizationMethodInterceptor"));
	}

	@Test
	void failsWithoutJwtDecoder() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ServiceSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
							ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"));
	}

	@Test
	void filterChainsBackOffWhenApplicationDefinesItsOwn() {
		this.contextRunner.withUserConfiguration(CustomFilterChainConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(SecurityFilterChain.class).hasBean("customFilterChain");
			assertThat(context).doesNotHaveBean("trellisSecurityFilterChain");
			assertThat(context).doesNotHaveBean("trellisManagementSecurityFilterChain");
		});
	}

	@Test
	void filterChainsAreNotConfiguredWhenDisabled() {
		this.contextRunner.withPropertyValues("trellis.security.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean("trellisSecurityFilterChain");
			assertThat(context).doesNotHaveBean("trellisManagementSecurityFilterChain");
		});
	}

	@Test
	void filterChainsAreNotConfiguredWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
			.run((context) -> assertThat(context).doesNotHaveBean("trellisSecurityFilterChain"));
	}

	@Test
	void filterChainsAreNotConfiguredWithoutResourceServer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(BearerTokenAuthenticationFilter.class))
			.run((context) -> assertThat(context).doesNotHaveBean("trellisSecurityFilterChain"));
	}

	@Test
	void managementFilterChainIsNotConfiguredWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate."))
			.run((context) -> {
				assertThat(context).hasBean("trellisSecurityFilterChain");
				assertThat(context).doesNotHaveBean("trellisManagementSecurityFilterChain");
			});
	}

	@Test
	void filterChainsAreNotConfiguredForNonWebApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ServiceSecurityAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean("trellisSecurityFilterChain"));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomFilterChainConfiguration {

		@Bean
		SecurityFilterChain customFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

}
