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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the two {@link RestClient.Builder RestClient builders} a service
 * that calls others needs, and of {@link ServiceClients}:
 * <ul>
 * <li>a {@link LoadBalanced load-balanced} builder, whose URLs name services in discovery
 * ({@code http://catalog-service}); Spring Cloud's load balancer picks an instance per
 * call (and retries on the next one, where configured) and the service starter adds this
 * service's own token;</li>
 * <li>the plain builder, {@link Primary primary}, for every other client (the Eureka
 * client, the token client): Boot's own builder backs off as soon as any builder bean
 * exists, and without this one they would get the load-balanced builder and take a host
 * name for a service name.</li>
 * </ul>
 * Both are configured as Boot configures its builder ({@code spring.http.clients.*}
 * timeouts and factory, the JSON converters). An application that declares a
 * {@link RestClient.Builder} of its own gets none of this.
 *
 * @author Trellis
 */
@AutoConfiguration(before = RestClientAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(value = { RestClient.class, RestClientBuilderConfigurer.class, HttpServiceProxyFactory.class },
		name = "org.springframework.cloud.loadbalancer.blocking.client.BlockingLoadBalancerClient")
@ConditionalOnMissingBean(RestClient.Builder.class)
public final class LoadBalancedRestClientAutoConfiguration {

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

	@Bean
	ServiceClients serviceClients(@LoadBalanced RestClient.Builder loadBalancedRestClientBuilder) {
		return new ServiceClients(loadBalancedRestClientBuilder);
	}

	private static RestClient.Builder configured(ObjectProvider<RestClientBuilderConfigurer> configurer) {
		RestClient.Builder builder = RestClient.builder();
		RestClientBuilderConfigurer restClientBuilderConfigurer = configurer.getIfAvailable();
		return (restClientBuilderConfigurer != null) ? restClientBuilderConfigurer.configure(builder) : builder;
	}

}
