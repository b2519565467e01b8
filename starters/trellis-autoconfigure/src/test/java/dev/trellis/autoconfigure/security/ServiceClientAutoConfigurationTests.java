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

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServiceClientAutoConfiguration}.
 *
 * @author Trellis
 */
class ServiceClientAutoConfigurationTests {

	private AuthServerStub authServer;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startAuthServer() throws IOException {
		this.authServer = new AuthServerStub();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(OAuth2ClientAutoConfiguration.class, ServiceClientAutoConfiguration.class))
			.withUserConfiguration(RestClientConfiguration.class)
			.withPropertyValues("trellis.security.client.registration-id=order-service",
					"spring.security.oauth2.client.registration.order-service.provider=trellis",
					"spring.security.oauth2.client.registration.order-service.client-id=order-service",
					"spring.security.oauth2.client.registration.order-service.client-secret=test-secret",
					"spring.security.oauth2.client.registration.order-service.authorization-grant-type=client_credentials",
					"spring.security.oauth2.client.registration.order-service.scope=catalog.read",
					"spring.security.oauth2.client.provider.trellis.token-uri=" + this.authServer.url()
							+ "/oauth2/token");
	}

	@AfterEach
	void stopAuthServer() {
		this.authServer.close();
	}

	@Test
	void interceptorAndManagerAreConfigured() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(OAuth2ClientHttpRequestInterceptor.class);
			assertThat(context).hasBean("trellisAuthorizedClientManager");
			assertThat(context).hasSingleBean(OAuth2AuthorizedClientManager.class);
		});
	}

	@Test
	void loadBalancedRestClientSendsTheServiceToken() {
		this.contextRunner.run((context) -> assertThat(echo(context, "loadBalanced")).isEqualTo("Bearer token-1"));
	}

	@Test
	void oneTokenServesManyCalls() {
		this.contextRunner.run((context) -> {
			for (int i = 0; i < 5; i++) {
				assertThat(echo(context, "loadBalanced")).isEqualTo("Bearer token-1");
			}
			assertThat(this.authServer.tokenRequests()).isOne();
		});
	}

	@Test
	void tokenIsReplacedWithinClockSkewOfItsExpiry() {
		this.authServer.tokenLifetime(Duration.ofSeconds(20));
		this.contextRunner.run((context) -> {
			assertThat(echo(context, "loadBalanced")).isEqualTo("Bearer token-1");
			assertThat(echo(context, "loadBalanced")).isEqualTo("Bearer token-2");
			assertThat(this.authServer.tokenRequests()).isEqualTo(2);
		});
	}

	@Test
	void tokenIsReplacedAfterItExpires() {
		this.authServer.tokenLifetime(Duration.ofSeconds(1));
		this.contextRunner.withPropertyValues("trellis.security.client.clock-skew=0s").run((context) -> {
			assertThat(echo(context, "loadBalanced")).isEqualTo("Bearer token-1");
			assertThat(echo(context, "loadBalanced")).isEqualTo("Bearer token-1");
			Thread.sleep(1100);
			assertThat(echo(context, "loadBalanced")).isEqualTo("Bearer token-2");
		});
	}

	@Test
	void plainRestClientSendsNoToken() {
		this.contextRunner.run((context) -> {
			assertThat(echo(context, "plain")).isEqualTo("null");
			assertThat(this.authServer.tokenRequests()).isZero();
		});
	}

	@Test
	void failsWhenTheRegistrationIsMissing() {
		this.contextRunner.withPropertyValues("trellis.security.client.registration-id=inventory-service")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("spring.security.oauth2.client.registration.inventory-service"));
	}

	@Test
	void nothingIsConfiguredWithoutRegistrationId() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(OAuth2ClientAutoConfiguration.class, ServiceClientAutoConfiguration.class))
			.withUserConfiguration(RestClientConfiguration.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(OAuth2ClientHttpRequestInterceptor.class);
				assertThat(echo(context, "loadBalanced")).isEqualTo("null");
			});
	}

	@Test
	void nothingIsConfiguredWhenDisabled() {
		this.contextRunner.withPropertyValues("trellis.security.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OAuth2ClientHttpRequestInterceptor.class));
	}

	@Test
	void nothingIsConfiguredWithoutSpringSecurityOAuth2Client() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(OAuth2ClientHttpRequestInterceptor.class))
			.run((context) -> assertThat(context).doesNotHaveBean("trellisServiceTokenInterceptor"));
	}

	@Test
	void nothingIsConfiguredWithoutSpringCloudLoadBalancer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(LoadBalanced.class))
			.run((context) -> assertThat(context).doesNotHaveBean("trellisServiceTokenInterceptor"));
	}

	private String echo(ApplicationContext context, String builder) {
		RestClient client = context.getBean(builder, RestClient.Builder.class).build();
		return client.get().uri(this.authServer.url() + "/echo").retrieve().body(String.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class RestClientConfiguration {

		@Bean
		@LoadBalanced
		RestClient.Builder loadBalanced() {
			return RestClient.builder();
		}

		@Bean
		RestClient.Builder plain() {
			return RestClient.builder();
		}

	}

}
