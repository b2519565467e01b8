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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for calls to other services with this service's own identity: when
 * {@code trellis.security.client.registration-id} names a client credentials registration
 * ({@code spring.security.oauth2.client.registration.<id>}), every {@link LoadBalanced
 * load-balanced} {@link RestClient.Builder} sends that client's access token.
 * <p>
 * The token is fetched on the first call, shared by all calls and threads, and replaced
 * {@code trellis.security.client.clock-skew} before it expires. A registration id without
 * its registration stops the application at startup.
 *
 * @author Trellis
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@ConditionalOnClass({ OAuth2ClientHttpRequestInterceptor.class, RestClient.class, LoadBalanced.class })
@ConditionalOnBooleanProperty(name = "trellis.security.enabled", matchIfMissing = true)
@ConditionalOnProperty("trellis.security.client.registration-id")
@EnableConfigurationProperties(TrellisSecurityProperties.class)
public final class ServiceClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "trellisAuthorizedClientManager")
	OAuth2AuthorizedClientManager trellisAuthorizedClientManager(TrellisSecurityProperties properties,
			ObjectProvider<ClientRegistrationRepository> registrations,
			ObjectProvider<OAuth2AuthorizedClientService> authorizedClients) {
		String registrationId = registrationId(properties);
		ClientRegistrationRepository repository = registrations.getIfAvailable();
		if (repository == null || repository.findByRegistrationId(registrationId) == null) {
			throw new IllegalStateException("trellis.security.client.registration-id is '" + registrationId
					+ "' but spring.security.oauth2.client.registration." + registrationId + " is not configured");
		}
		OAuth2AuthorizedClientService service = authorizedClients.getObject();
		OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials(
					(clientCredentials) -> clientCredentials.clockSkew(properties.getClient().getClockSkew()))
			.build();
		// Not Spring Security's default manager: that one needs an HTTP request to
		// work in, and a service also calls others from schedulers and listeners.
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				repository, service);
		manager.setAuthorizedClientProvider(provider);
		return manager;
	}

	@Bean
	@ConditionalOnMissingBean(name = "trellisServiceTokenInterceptor")
	OAuth2ClientHttpRequestInterceptor trellisServiceTokenInterceptor(TrellisSecurityProperties properties,
			ObjectProvider<OAuth2AuthorizedClientManager> managers,
			ObjectProvider<OAuth2AuthorizedClientService> authorizedClients) {
		String registrationId = registrationId(properties);
		OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(managers.getObject());
		interceptor.setClientRegistrationIdResolver((request) -> registrationId);
		// The service calls with its own identity, whoever called it: one token for all
		// calls, not one per signed-in caller.
		Authentication service = new AnonymousAuthenticationToken(registrationId, registrationId,
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		interceptor.setPrincipalResolver((request) -> service);
		// A 401 from the called service drops the cached token: the next call gets a new
		// one.
		interceptor.setAuthorizationFailureHandler(
				OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients.getObject()));
		return interceptor;
	}

	@Bean
	static LoadBalancedRestClientTokenPostProcessor trellisLoadBalancedRestClientTokenPostProcessor(
			ObjectProvider<OAuth2ClientHttpRequestInterceptor> interceptor) {
		return new LoadBalancedRestClientTokenPostProcessor(interceptor);
	}

	private static String registrationId(TrellisSecurityProperties properties) {
		String registrationId = properties.getClient().getRegistrationId();
		if (registrationId == null || registrationId.isBlank()) {
			throw new IllegalStateException("trellis.security.client.registration-id must not be blank");
		}
		return registrationId;
	}

}
