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

import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * {@link ServiceInstanceListSupplier} that leaves out instances in
 * {@link InstanceQuarantine quarantine}.
 *
 * @author Trellis
 */
public class QuarantineServiceInstanceListSupplier extends DelegatingServiceInstanceListSupplier {

	private final InstanceQuarantine quarantine;

	public QuarantineServiceInstanceListSupplier(ServiceInstanceListSupplier delegate, InstanceQuarantine quarantine) {
		super(delegate);
		this.quarantine = quarantine;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return getDelegate().get().map(this.quarantine::filter);
	}

}
