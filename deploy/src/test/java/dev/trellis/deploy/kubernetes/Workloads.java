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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.trellis.deploy.kubernetes.KubernetesFiles.Manifest;
import dev.trellis.launcher.ComponentSpec;
import dev.trellis.launcher.Topology;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * The platform's apps and the workloads that run them: the launcher's topology, each
 * app's Deployment and container, and what its container's environment holds.
 *
 * @author Trellis authors
 */
final class Workloads {

	/** The Spring profile the apps run with in the cluster. */
	static final String PROFILE = "kubernetes";

	/** The active profiles the apps' configuration is read under. */
	static final List<String> PROFILES = List.of(PROFILE);

	private Workloads() {
	}

	/**
	 * The apps of the launcher's topology (infrastructure left out).
	 * @return the apps
	 */
	static List<ComponentSpec> apps() {
		return Topology.standard().applications();
	}

	/**
	 * The pod templates of every Deployment and StatefulSet.
	 * @param manifests the objects
	 * @return the templates by workload name
	 */
	static Map<String, PodTemplateSpec> podTemplates(List<Manifest> manifests) {
		Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
		KubernetesFiles.objects(manifests, Deployment.class)
			.forEach((deployment) -> templates.put(deployment.getMetadata().getName(),
					deployment.getSpec().getTemplate()));
		KubernetesFiles.objects(manifests, StatefulSet.class)
			.forEach((set) -> templates.put(set.getMetadata().getName(), set.getSpec().getTemplate()));
		return templates;
	}

	/**
	 * The pod of every Deployment and StatefulSet, one per object (a patch and the object
	 * it patches are two).
	 * @param manifests the objects
	 * @return the pod specs
	 */
	static List<PodSpec> podSpecs(List<Manifest> manifests) {
		List<PodSpec> pods = new ArrayList<>();
		KubernetesFiles.objects(manifests, Deployment.class)
			.forEach((deployment) -> pods.add(deployment.getSpec().getTemplate().getSpec()));
		KubernetesFiles.objects(manifests, StatefulSet.class)
			.forEach((set) -> pods.add(set.getSpec().getTemplate().getSpec()));
		return pods;
	}

	static Deployment deployment(List<Manifest> manifests, ComponentSpec app) {
		return KubernetesFiles.named(manifests, Deployment.class, app.name());
	}

	/**
	 * The container of an app's Deployment: the one named after the app.
	 * @param deployment the app's Deployment
	 * @return the container
	 */
	static Container appContainer(Deployment deployment) {
		String name = deployment.getMetadata().getName();
		return deployment.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.stream()
			.filter((container) -> name.equals(container.getName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Deployment " + name + " has no container named " + name));
	}

	/**
	 * Resolves a probe's or Service's port (a number or a container port's name).
	 * @param container the container
	 * @param port the port
	 * @return the port number, or empty when no container port has that name
	 */
	static Optional<Integer> portNumber(Container container, IntOrString port) {
		if (port.getIntVal() != null) {
			return Optional.of(port.getIntVal());
		}
		return container.getPorts()
			.stream()
			.filter((candidate) -> port.getStrVal().equals(candidate.getName()))
			.map(ContainerPort::getContainerPort)
			.findFirst();
	}

	/**
	 * The variables of a container that have a value in the repository: its own literal
	 * values and those of the ConfigMaps it takes whole that a kustomization generates.
	 * Variables from Secrets are left out. Its own entries win, as in Kubernetes.
	 * @param container the container
	 * @param kustomization the kustomization whose generated ConfigMaps apply
	 * @return the variables
	 */
	static Map<String, String> literalEnvironment(Container container, Kustomization kustomization) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (EnvFromSource source : container.getEnvFrom()) {
			if (source.getConfigMapRef() != null) {
				environment.putAll(generatedLiterals(kustomization, source.getConfigMapRef().getName()));
			}
		}
		for (EnvVar variable : container.getEnv()) {
			if (variable.getValue() != null) {
				environment.put(variable.getName(), variable.getValue());
			}
		}
		return environment;
	}

	private static Map<String, String> generatedLiterals(Kustomization kustomization, String configMap) {
		Map<String, String> literals = new LinkedHashMap<>();
		List<Kustomization> chain = new ArrayList<>();
		collectChain(kustomization, chain);
		// The bases first, so that an overlay's generator (behavior replace or merge)
		// wins.
		for (Kustomization each : chain) {
			Map<String, String> values = each.generatorLiterals().get(configMap);
			if (each.replacedConfigMaps().contains(configMap)) {
				literals.clear();
			}
			if (values != null) {
				literals.putAll(values);
			}
		}
		return literals;
	}

	private static void collectChain(Kustomization kustomization, List<Kustomization> chain) {
		kustomization.bases().forEach((base) -> collectChain(base, chain));
		chain.add(kustomization);
	}

}
