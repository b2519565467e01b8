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

import java.util.List;
import java.util.Map;

import dev.trellis.deploy.AppConfiguration;
import dev.trellis.deploy.kubernetes.KubernetesFiles.Manifest;
import dev.trellis.launcher.ComponentSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the apps' workloads in {@code kubernetes/base}: every app of the launcher's
 * topology runs as a Deployment of its image on its port, behind a Service, with a
 * PodDisruptionBudget, all three selecting its pods and no others.
 *
 * @author Trellis authors
 */
class AppWorkloadsTests {

	private final List<ComponentSpec> apps = Workloads.apps();

	private final Kustomization base = Kustomization.load(KubernetesFiles.BASE);

	private final List<Manifest> manifests = KubernetesFiles.resources(this.base);

	// Every pod the local overlay runs, infrastructure included: a selector must pick
	// its own app's pods from all of them.
	private final Map<String, PodTemplateSpec> allPods = Workloads
		.podTemplates(KubernetesFiles.resources(Kustomization.load(KubernetesFiles.LOCAL)));

	@Test
	void theTopologyHasTheAppsOfThePlatform() {
		// Guards the tests below against an empty or unexpected list.
		assertThat(this.apps).extracting(ComponentSpec::name)
			.contains("discovery", "config-server", "auth-server", "gateway", "catalog-service", "inventory-service",
					"order-service", "notification-service");
	}

	@Test
	void everyAppHasADeploymentAServiceAndAPodDisruptionBudget() {
		for (ComponentSpec app : this.apps) {
			assertThat(KubernetesFiles.objects(this.manifests, Deployment.class)).as(app.name())
				.anySatisfy((deployment) -> assertThat(deployment.getMetadata().getName()).isEqualTo(app.name()));
			assertThat(KubernetesFiles.objects(this.manifests, Service.class)).as(app.name())
				.anySatisfy((service) -> assertThat(service.getMetadata().getName()).isEqualTo(app.name()));
			assertThat(KubernetesFiles.objects(this.manifests, PodDisruptionBudget.class)).as(app.name())
				.anySatisfy((budget) -> assertThat(budget.getMetadata().getName()).isEqualTo(app.name()));
		}
	}

	@Test
	void deploymentsSelectThePodsOfTheirOwnTemplateOnly() {
		for (ComponentSpec app : this.apps) {
			Map<String, String> selector = Workloads.deployment(this.manifests, app)
				.getSpec()
				.getSelector()
				.getMatchLabels();
			assertThat(podsSelectedBy(selector)).as("pods selected by Deployment " + app.name())
				.containsExactly(app.name());
		}
	}

	@Test
	void servicesSelectThePodsOfTheirAppOnly() {
		for (ComponentSpec app : this.apps) {
			Service service = KubernetesFiles.named(this.manifests, Service.class, app.name());
			assertThat(podsSelectedBy(service.getSpec().getSelector())).as("pods selected by Service " + app.name())
				.containsExactly(app.name());
		}
	}

	@Test
	void podDisruptionBudgetsSelectThePodsOfTheirAppOnly() {
		for (ComponentSpec app : this.apps) {
			PodDisruptionBudget budget = KubernetesFiles.named(this.manifests, PodDisruptionBudget.class, app.name());
			assertThat(podsSelectedBy(budget.getSpec().getSelector().getMatchLabels()))
				.as("pods selected by PodDisruptionBudget " + app.name())
				.containsExactly(app.name());
		}
	}

	@Test
	void podDisruptionBudgetsNeverBlockADrainOfOneReplica() {
		// minAvailable 1 with a single replica (the local overlay, discovery,
		// auth-server)
		// would make every node drain wait forever.
		for (PodDisruptionBudget budget : KubernetesFiles.objects(this.manifests, PodDisruptionBudget.class)) {
			assertThat(budget.getSpec().getMinAvailable()).as(budget.getMetadata().getName()).isNull();
			assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).as(budget.getMetadata().getName())
				.isPositive();
		}
	}

	@Test
	void everyAppRunsTheImageOfItsName() {
		for (ComponentSpec app : this.apps) {
			Container container = Workloads.appContainer(Workloads.deployment(this.manifests, app));
			assertThat(container.getImage()).isEqualTo("trellis/" + app.name() + ":dev");
		}
	}

	@Test
	void everyAppListensOnItsPortOfTheTopology() {
		for (ComponentSpec app : this.apps) {
			Container container = Workloads.appContainer(Workloads.deployment(this.manifests, app));
			assertThat(container.getPorts()).as(app.name())
				.singleElement()
				.satisfies((port) -> assertThat(port.getContainerPort()).isEqualTo(app.defaultPort()));
			String serverPort = AppConfiguration.of(app, Workloads.PROFILES).get("server.port").orElseThrow();
			assertThat(Integer.valueOf(serverPort)).as(app.name() + " server.port").isEqualTo(app.defaultPort());
		}
	}

	@Test
	void servicesForwardTheTopologyPortToTheAppsPort() {
		// Apps reach each other at the ports they use everywhere else
		// (http://config-server:8888, http://auth-server:9000).
		for (ComponentSpec app : this.apps) {
			Container container = Workloads.appContainer(Workloads.deployment(this.manifests, app));
			ServicePort port = KubernetesFiles.named(this.manifests, Service.class, app.name())
				.getSpec()
				.getPorts()
				.get(0);
			assertThat(port.getPort()).as(app.name()).isEqualTo(app.defaultPort());
			assertThat(Workloads.portNumber(container, port.getTargetPort())).as(app.name())
				.contains(app.defaultPort());
		}
	}

	@Test
	void everyAppRunsTheKubernetesProfile() {
		for (ComponentSpec app : this.apps) {
			Container container = Workloads.appContainer(Workloads.deployment(this.manifests, app));
			String profiles = Workloads.literalEnvironment(container, this.base).get("SPRING_PROFILES_ACTIVE");
			assertThat(profiles).as(app.name() + " SPRING_PROFILES_ACTIVE").isNotNull();
			assertThat(profiles.split(",")).as(app.name()).contains(Workloads.PROFILE);
		}
	}

	@Test
	void podsGetNoServiceLinks() {
		// Kubernetes would set REDIS_PORT=tcp://10.0.0.5:6379 for the redis Service,
		// which
		// the gateway reads as its Redis port, and KAFKA_* variables the Kafka image
		// turns into broker settings.
		assertThat(this.allPods)
			.allSatisfy((name, pod) -> assertThat(pod.getSpec().getEnableServiceLinks()).as(name).isFalse());
	}

	@Test
	void appsRunAsNonRootWithoutPrivilegesOnAReadOnlyRootFileSystem() {
		for (ComponentSpec app : this.apps) {
			PodSpec pod = Workloads.deployment(this.manifests, app).getSpec().getTemplate().getSpec();
			PodSecurityContext podSecurity = pod.getSecurityContext();
			assertThat(podSecurity.getRunAsNonRoot()).as(app.name()).isTrue();
			assertThat(podSecurity.getRunAsUser()).as(app.name()).isPositive();
			SecurityContext security = Workloads.appContainer(Workloads.deployment(this.manifests, app))
				.getSecurityContext();
			assertThat(security.getReadOnlyRootFilesystem()).as(app.name()).isTrue();
			assertThat(security.getAllowPrivilegeEscalation()).as(app.name()).isFalse();
			assertThat(security.getCapabilities().getDrop()).as(app.name()).containsExactly("ALL");
		}
	}

	@Test
	void appsWriteTheirTemporaryFilesToAnEmptyDir() {
		// Tomcat's work directory, the JVM's perf data, the config server's git clone.
		for (ComponentSpec app : this.apps) {
			Deployment deployment = Workloads.deployment(this.manifests, app);
			String volume = Workloads.appContainer(deployment)
				.getVolumeMounts()
				.stream()
				.filter((mount) -> mount.getMountPath().equals("/tmp"))
				.findFirst()
				.orElseThrow(() -> new AssertionError(app.name() + " mounts nothing on /tmp"))
				.getName();
			assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes()).as(app.name())
				.filteredOn((candidate) -> candidate.getName().equals(volume))
				.singleElement()
				.extracting(Volume::getEmptyDir)
				.isNotNull();
		}
	}

	@Test
	void everyContainerRequestsAndLimitsCpuAndMemory() {
		for (Kustomization kustomization : List.of(this.base, Kustomization.load(KubernetesFiles.LOCAL))) {
			Workloads.podTemplates(KubernetesFiles.resources(kustomization))
				.forEach((name, pod) -> assertThat(pod.getSpec().getContainers()).allSatisfy((container) -> {
					assertThat(container.getResources().getRequests()).as(name + " requests")
						.containsKeys("cpu", "memory");
					assertThat(container.getResources().getLimits()).as(name + " limits").containsKeys("cpu", "memory");
					assertThat(bytes(container.getResources().getRequests().get("memory")))
						.as(name + " memory request within its limit")
						.isLessThanOrEqualTo(bytes(container.getResources().getLimits().get("memory")));
				}));
		}
	}

	@Test
	void appsAreGuaranteedTheMemoryTheirLimitAllows() {
		// A JVM does not hand memory back when the node runs short: a pod using more than
		// it requested is the first to be evicted.
		for (ComponentSpec app : this.apps) {
			Container container = Workloads.appContainer(Workloads.deployment(this.manifests, app));
			assertThat(container.getResources().getRequests().get("memory")).as(app.name())
				.isEqualTo(container.getResources().getLimits().get("memory"));
		}
	}

	private List<String> podsSelectedBy(Map<String, String> selector) {
		assertThat(selector).as("selector").isNotEmpty();
		return this.allPods.entrySet()
			.stream()
			.filter((pod) -> pod.getValue().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
			.map(Map.Entry::getKey)
			.toList();
	}

	private static long bytes(Quantity quantity) {
		return Quantity.getAmountInBytes(quantity).longValueExact();
	}

}
