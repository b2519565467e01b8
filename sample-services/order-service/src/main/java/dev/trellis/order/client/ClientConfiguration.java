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
package dev.trellis.order.client;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * HTTP service clients of the services the order service calls, by their name in
 * discovery. They are built on the {@link LoadBalanced load-balanced}
 * {@link RestClient.Builder}, which the service starter equips with this service's own
 * token (client credentials) and which retries idempotent requests on the next instance.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

	/**
	 * The plain builder, for every client that is not a call to another service: the
	 * Eureka client and the token client among them. Boot backs off its own builder as
	 * soon as the load-balanced one below exists, and without this one they would get the
	 * load-balanced builder and take {@code localhost} for a service name.
	 */
	@Bean
	@Primary
	@Scope("prototype")
	RestClient.Builder restClientBuilder(ObjectProvider<RestClientBuilderConfigurer> configurer) {
		return configured(configurer);
	}

	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(ObjectProvider<RestClientBuilderConfigurer> configurer) {
		return configured(configurer);
	}

	private static RestClient.Builder configured(ObjectProvider<RestClientBuilderConfigurer> configurer) {
		// Boot's configurer applies spring.http.clients.* (connect and read timeouts) and
		// the JSON message converters.
		RestClient.Builder builder = RestClient.builder();
		RestClientBuilderConfigurer restClientBuilderConfigurer = configurer.getIfAvailable();
		return (restClientBuilderConfigurer != null) ? restClientBuilderConfigurer.configure(builder) : builder;
	}

	@Bean
	CatalogClient catalogClient(@LoadBalanced RestClient.Builder builder) {
		return client(builder, "http://catalog-service", CatalogClient.class);
	}

	@Bean
	InventoryClient inventoryClient(@LoadBalanced RestClient.Builder builder) {
		return client(builder, "http://inventory-service", InventoryClient.class);
	}

	private static <T> T client(RestClient.Builder builder, String baseUrl, Class<T> type) {
		RestClient restClient = builder.clone().baseUrl(baseUrl).build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient)).build().createClient(type);
	}

}
