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
package dev.trellis.deploy.kubernetes;

import java.util.ArrayList;
import java.util.List;

import dev.trellis.deploy.kubernetes.KubernetesFiles.Manifest;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Ingresses: the gateway is the only way in from outside the cluster.
 *
 * @author Trellis authors
 */
class IngressTests {

	private static final String GATEWAY = "gateway";

	private final List<Manifest> manifests = KubernetesFiles.allManifests();

	@Test
	void theGatewayIsBehindAnIngress() {
		assertThat(backends()).isNotEmpty();
	}

	@Test
	void ingressesRouteToTheGatewayOnly() {
		assertThat(backends()).allSatisfy((backend) -> {
			assertThat(backend.getResource()).isNull();
			assertThat(backend.getService().getName()).isEqualTo(GATEWAY);
		});
	}

	@Test
	void ingressesRouteToAPortOfTheGatewaysService() {
		Service gateway = KubernetesFiles.named(KubernetesFiles.resources(Kustomization.load(KubernetesFiles.BASE)),
				Service.class, GATEWAY);
		List<ServicePort> ports = gateway.getSpec().getPorts();
		assertThat(backends()).allSatisfy((backend) -> assertThat(ports).anySatisfy((port) -> {
			if (backend.getService().getPort().getName() != null) {
				assertThat(port.getName()).isEqualTo(backend.getService().getPort().getName());
			}
			else {
				assertThat(port.getPort()).isEqualTo(backend.getService().getPort().getNumber());
			}
		}));
	}

	private List<IngressBackend> backends() {
		List<IngressBackend> backends = new ArrayList<>();
		for (Ingress ingress : KubernetesFiles.objects(this.manifests, Ingress.class)) {
			if (ingress.getSpec().getDefaultBackend() != null) {
				backends.add(ingress.getSpec().getDefaultBackend());
			}
			for (IngressRule rule : ingress.getSpec().getRules()) {
				rule.getHttp().getPaths().stream().map(HTTPIngressPath::getBackend).forEach(backends::add);
			}
		}
		return backends;
	}

}
