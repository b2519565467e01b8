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
package dev.trellis.autoconfigure.client;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoadBalancedRestClientAutoConfiguration}.
 *
 * @author Trellis
 */
class LoadBalancedRestClientAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(LoadBalancedRestClientAutoConfiguration.class, RestClientAutoConfiguration.class));

	@Test
	void plainBuilderIsPrimarySoOtherClientsNeverGetTheLoadBalancedOne() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBeansOfType(RestClient.Builder.class)).containsOnlyKeys("restClientBuilder",
					"loadBalancedRestClientBuilder");
			assertThat(context.getBeanFactory().getBeanDefinition("restClientBuilder").isPrimary()).isTrue();
			assertThat(context.getBean(RestClient.Builder.class))
				.isNotSameAs(context.getBean("loadBalancedRestClientBuilder"));
		});
	}

	@Test
	void loadBalancedBuilderCarriesTheQualifier() {
		this.contextRunner.run((context) -> assertThat(
				context.getBeanFactory().findAnnotationOnBean("loadBalancedRestClientBuilder", LoadBalanced.class))
			.isNotNull());
	}

	@Test
	void serviceClientsCreateAClientOfAnHttpServiceInterface() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(ServiceClients.class).create("catalog-service", ProductClient.class))
			.isInstanceOf(ProductClient.class));
	}

	@Test
	void backsOffWhenTheApplicationDeclaresABuilder() {
		this.contextRunner.withUserConfiguration(OwnBuilderConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(ServiceClients.class);
			assertThat(context.getBeansOfType(RestClient.Builder.class)).containsOnlyKeys("ownBuilder");
		});
	}

	@Test
	void reactiveApplicationsGetNothing() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LoadBalancedRestClientAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ServiceClients.class));
	}

	interface ProductClient {

		@GetExchange("/products")
		String products();

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBuilderConfiguration {

		@Bean
		RestClient.Builder ownBuilder() {
			return RestClient.builder();
		}

	}

}
