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

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QuarantineServiceInstanceListSupplier}.
 *
 * @author Trellis
 */
class QuarantineServiceInstanceListSupplierTests {

	private final ServiceInstance one = new DefaultServiceInstance("one", "catalog-service", "localhost", 8081, false);

	private final ServiceInstance two = new DefaultServiceInstance("two", "catalog-service", "localhost", 8082, false);

	private final InstanceQuarantine quarantine = new InstanceQuarantine(Duration.ofSeconds(30));

	private final QuarantineServiceInstanceListSupplier supplier = new QuarantineServiceInstanceListSupplier(
			ServiceInstanceListSuppliers.from("catalog-service", this.one, this.two), this.quarantine);

	@Test
	void suppliesAllInstancesWhenNoneIsQuarantined() {
		assertThat(this.supplier.get().blockFirst()).containsExactly(this.one, this.two);
	}

	@Test
	void leavesOutQuarantinedInstances() {
		this.quarantine.quarantine(this.one);
		assertThat(this.supplier.get().blockFirst()).containsExactly(this.two);
	}

	@Test
	void leavesOutQuarantinedInstancesForLoadBalancerRequests() {
		this.quarantine.quarantine(this.two);
		assertThat(this.supplier.get(new DefaultRequest<>()).blockFirst()).containsExactly(this.one);
	}

	@Test
	void suppliesAllInstancesWhenAllAreQuarantined() {
		this.quarantine.quarantine(this.one);
		this.quarantine.quarantine(this.two);
		assertThat(this.supplier.get().blockFirst()).containsExactly(this.one, this.two);
	}

	@Test
	void checksQuarantineOnEverySubscription() {
		Flux<List<ServiceInstance>> instances = this.supplier.get();
		assertThat(instances.blockFirst()).containsExactly(this.one, this.two);
		this.quarantine.quarantine(this.one);
		assertThat(instances.blockFirst()).containsExactly(this.two);
	}

	@Test
	void serviceIdIsTheDelegatesServiceId() {
		assertThat(this.supplier.getServiceId()).isEqualTo("catalog-service");
	}

}
