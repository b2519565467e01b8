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

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.trellis.deploy.DeployFiles;
import dev.trellis.deploy.kubernetes.KubernetesFiles.Manifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Secrets and ConfigMaps the manifests read: none is committed with values,
 * and the README tells the user to create every one the manifests name, with every key
 * they read, unless kustomize generates it.
 *
 * @author Trellis authors
 */
class SecretsTests {

	private static final Pattern CREATE_SECRET = Pattern.compile("create secret generic ([a-z0-9.-]+)(.*)");

	private static final Pattern CREATE_CONFIG_MAP = Pattern.compile("create configmap ([a-z0-9.-]+)");

	private static final Pattern KEY = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9._-]+)=");

	// Variables whose name says they hold a credential.
	private static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY|CREDENTIALS).*");

	private final List<Manifest> manifests = KubernetesFiles.allManifests();

	@Test
	void noManifestIsASecretWithValues() {
		assertThat(KubernetesFiles.objects(this.manifests, Secret.class)).allSatisfy((secret) -> {
			assertThat(secret.getData()).as(secret.getMetadata().getName()).isNullOrEmpty();
			assertThat(secret.getStringData()).as(secret.getMetadata().getName()).isNullOrEmpty();
		});
	}

	@Test
	void noCredentialIsWrittenInAManifest() {
		for (Container container : containers()) {
			assertThat(container.getEnv()).as(container.getName())
				.filteredOn((variable) -> CREDENTIAL.matcher(variable.getName()).matches())
				.allSatisfy((variable) -> assertThat(variable.getValue()).as(variable.getName()).isNull());
		}
	}

	@Test
	void theReadmeCreatesEverySecretTheManifestsReadWithItsKeys() {
		Map<String, Set<String>> created = createdSecrets();
		Map<String, Set<String>> read = readSecrets();
		assertThat(read).as("Secrets the manifests read").isNotEmpty();
		read.forEach((secret, keys) -> {
			assertThat(created).as("Secrets the README creates").containsKey(secret);
			assertThat(created.get(secret)).as("keys of " + secret + " the README creates").containsAll(keys);
		});
	}

	@Test
	void everyConfigMapTheManifestsReadIsGeneratedOrCreatedByTheReadme() {
		Set<String> available = new LinkedHashSet<>();
		KubernetesFiles.kustomizations()
			.forEach((kustomization) -> available.addAll(kustomization.generatedConfigMaps()));
		Matcher matcher = CREATE_CONFIG_MAP.matcher(commands());
		while (matcher.find()) {
			available.add(matcher.group(1));
		}
		Set<String> read = new LinkedHashSet<>();
		for (PodSpec pod : pods()) {
			for (Container container : pod.getContainers()) {
				container.getEnvFrom()
					.stream()
					.filter((source) -> source.getConfigMapRef() != null)
					.forEach((source) -> read.add(source.getConfigMapRef().getName()));
				container.getEnv()
					.stream()
					.filter((variable) -> variable.getValueFrom() != null
							&& variable.getValueFrom().getConfigMapKeyRef() != null)
					.forEach((variable) -> read.add(variable.getValueFrom().getConfigMapKeyRef().getName()));
			}
			pod.getVolumes()
				.stream()
				.filter((volume) -> volume.getConfigMap() != null)
				.forEach((volume) -> read.add(volume.getConfigMap().getName()));
		}
		assertThat(available).as("ConfigMaps generated or created").containsAll(read);
	}

	private Map<String, Set<String>> readSecrets() {
		Map<String, Set<String>> read = new LinkedHashMap<>();
		for (PodSpec pod : pods()) {
			for (Container container : pod.getContainers()) {
				for (EnvVar variable : container.getEnv()) {
					if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
						read.computeIfAbsent(variable.getValueFrom().getSecretKeyRef().getName(),
								(name) -> new LinkedHashSet<>())
							.add(variable.getValueFrom().getSecretKeyRef().getKey());
					}
				}
				for (EnvFromSource source : container.getEnvFrom()) {
					if (source.getSecretRef() != null) {
						read.computeIfAbsent(source.getSecretRef().getName(), (name) -> new LinkedHashSet<>());
					}
				}
			}
			for (Volume volume : pod.getVolumes()) {
				if (volume.getSecret() != null) {
					read.computeIfAbsent(volume.getSecret().getSecretName(), (name) -> new LinkedHashSet<>());
				}
			}
		}
		return read;
	}

	private static Map<String, Set<String>> createdSecrets() {
		Map<String, Set<String>> created = new LinkedHashMap<>();
		for (String command : commands().split("\n")) {
			Matcher secret = CREATE_SECRET.matcher(command);
			if (secret.find()) {
				Set<String> keys = created.computeIfAbsent(secret.group(1), (name) -> new LinkedHashSet<>());
				Matcher key = KEY.matcher(secret.group(2));
				while (key.find()) {
					keys.add(key.group(1));
				}
			}
		}
		return created;
	}

	/**
	 * The README's shell commands, one per line: continuation lines joined.
	 */
	private static String commands() {
		return DeployFiles.read(KubernetesFiles.README).replaceAll("\\\\\\s*\\n\\s*", " ");
	}

	private List<PodSpec> pods() {
		// Patches included: a patch may add a variable or a volume.
		return Workloads.podSpecs(this.manifests);
	}

	private List<Container> containers() {
		return pods().stream().flatMap((pod) -> pod.getContainers().stream()).toList();
	}

}
