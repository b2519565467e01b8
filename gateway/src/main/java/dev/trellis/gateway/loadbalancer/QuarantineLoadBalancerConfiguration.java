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
package dev.trellis.gateway.loadbalancer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Load balancer configuration for every service the gateway routes to: instances from the
 * registry, cached, minus those in quarantine.
 * <p>
 * Not a {@code @Configuration}: Spring Cloud LoadBalancer applies it in a child context
 * per service, and it must stay out of the gateway's own component scan.
 *
 * @author Trellis
 */
public class QuarantineLoadBalancerConfiguration {

	@Bean
	ServiceInstanceListSupplier quarantineServiceInstanceListSupplier(ConfigurableApplicationContext context,
			ObjectProvider<InstanceQuarantine> quarantine) {
		ServiceInstanceListSupplierBuilder builder = ServiceInstanceListSupplier.builder()
			.withDiscoveryClient()
			.withCaching();
		InstanceQuarantine instanceQuarantine = quarantine.getIfAvailable();
		if (instanceQuarantine != null) {
			// After the cache: quarantine is checked on every pick, not once per cache
			// period.
			builder = builder
				.with((ctx, delegate) -> new QuarantineServiceInstanceListSupplier(delegate, instanceQuarantine));
		}
		return builder.build(context);
	}

}
