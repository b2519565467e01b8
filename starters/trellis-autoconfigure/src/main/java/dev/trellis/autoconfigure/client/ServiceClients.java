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

import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Creates clients of other services from HTTP service interfaces ({@code @HttpExchange}),
 * by the services' names in discovery: every call picks an instance through the
 * client-side load balancer and, with the service starter's client registration, carries
 * this service's own access token. <pre class="code">
 * &#64;Bean
 * CatalogClient catalogClient(ServiceClients clients) {
 *     return clients.create("catalog-service", CatalogClient.class);
 * }
 * </pre>
 *
 * @author Trellis
 */
public class ServiceClients {

	private final RestClient.Builder loadBalancedBuilder;

	/**
	 * Creates the factory.
	 * @param loadBalancedBuilder the load-balanced builder the clients are built from
	 * (cloned for each client)
	 */
	public ServiceClients(RestClient.Builder loadBalancedBuilder) {
		this.loadBalancedBuilder = loadBalancedBuilder;
	}

	/**
	 * Creates a client of a service.
	 * @param <T> the client type
	 * @param serviceId the service's name in discovery, such as {@code catalog-service}
	 * @param type the HTTP service interface
	 * @return the client
	 */
	public <T> T create(String serviceId, Class<T> type) {
		RestClient restClient = this.loadBalancedBuilder.clone().baseUrl("http://" + serviceId).build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient)).build().createClient(type);
	}

}
