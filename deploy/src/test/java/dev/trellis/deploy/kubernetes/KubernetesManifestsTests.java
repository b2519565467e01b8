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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.trellis.deploy.DeployFiles;
import dev.trellis.deploy.kubernetes.KubernetesFiles.Manifest;
import dev.trellis.deploy.kubernetes.Kustomization.Patch;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Kubernetes manifests under {@code kubernetes/} and the kustomizations
 * that list them: they are objects of the Kubernetes API as it is, and kustomize finds
 * every file it is told about.
 *
 * @author Trellis authors
 */
class KubernetesManifestsTests {

	private static final List<String> JSON_PATCH_OPERATIONS = List.of("add", "remove", "replace", "move", "copy",
			"test");

	private final List<Kustomization> kustomizations = KubernetesFiles.kustomizations();

	@Test
	void theBaseAndTheLocalOverlayAreKustomizations() {
		assertThat(this.kustomizations).extracting(Kustomization::directory)
			.contains(KubernetesFiles.BASE, KubernetesFiles.LOCAL);
	}

	@Test
	void theLocalOverlayBuildsOnTheBase() {
		Kustomization local = Kustomization.load(KubernetesFiles.LOCAL);
		assertThat(local.bases()).extracting(Kustomization::directory).containsExactly(KubernetesFiles.BASE);
	}

	@Test
	void everyFileAKustomizationNamesExists() {
		for (Kustomization kustomization : this.kustomizations) {
			assertThat(named(kustomization)).as("files named by " + kustomization.directory())
				.allSatisfy((file) -> assertThat(file).exists());
		}
	}

	@Test
	void everyFileBesideAKustomizationIsPartOfIt() throws Exception {
		for (Kustomization kustomization : this.kustomizations) {
			List<Path> named = named(kustomization);
			try (Stream<Path> files = Files.list(kustomization.directory())) {
				List<Path> unused = files.filter(Files::isRegularFile)
					.filter((file) -> !file.getFileName().toString().equals(Kustomization.FILE_NAME))
					.filter((file) -> !file.getFileName().toString().equals("README.md"))
					.map(Path::normalize)
					.filter((file) -> !named.contains(file))
					.toList();
				assertThat(unused).as("files in " + kustomization.directory() + " that its kustomization leaves out")
					.isEmpty();
			}
		}
	}

	@Test
	void everyManifestIsAnObjectOfTheKubernetesModel() {
		List<Manifest> manifests = KubernetesFiles.allManifests();
		assertThat(manifests).isNotEmpty();
		// An apiVersion or kind the model does not know ends up generic: a typo such as
		// "apps/v1beta" or "Deploymnet" would be refused by the API server.
		assertThat(manifests).allSatisfy((manifest) -> assertThat(manifest.object()).as(manifest.toString())
			.isNotInstanceOf(GenericKubernetesResource.class));
	}

	@Test
	void noManifestHasAFieldTheKubernetesModelDoesNotKnow() {
		for (Manifest manifest : KubernetesFiles.allManifests()) {
			// A misspelt or misplaced field (readinessprobe, a probe under the pod
			// instead of the container) is ignored or refused by the API server.
			assertThat(KubernetesFiles.unknownFields(manifest.object())).as(manifest.toString()).isEmpty();
		}
	}

	@Test
	void strategicMergePatchesNameAnObjectOfWhatTheyPatch() {
		for (Kustomization kustomization : this.kustomizations) {
			List<HasMetadata> resources = KubernetesFiles.resources(kustomization)
				.stream()
				.map(Manifest::object)
				.toList();
			for (Patch patch : kustomization.patches()) {
				if (patch.isJsonPatch() || patch.target() != null) {
					continue;
				}
				for (Manifest manifest : KubernetesFiles.parse(patch.file())) {
					assertThat(resources).as(manifest + " patches an object of " + kustomization.directory())
						.anySatisfy((resource) -> {
							assertThat(resource.getKind()).isEqualTo(manifest.object().getKind());
							assertThat(resource.getMetadata().getName())
								.isEqualTo(manifest.object().getMetadata().getName());
						});
				}
			}
		}
	}

	@Test
	void jsonPatchesReplaceFieldsEveryObjectTheyTargetHas() {
		for (Kustomization kustomization : this.kustomizations) {
			List<Manifest> resources = KubernetesFiles.resources(kustomization);
			for (Patch patch : kustomization.patches()) {
				if (!patch.isJsonPatch()) {
					continue;
				}
				List<HasMetadata> targets = targets(resources, patch.target());
				assertThat(targets).as("objects targeted by " + patch.file()).isNotEmpty();
				for (Object document : DeployFiles.yamlDocuments(patch.file())) {
					for (Map<String, Object> operation : KubernetesFiles.maps(document)) {
						assertThat(JSON_PATCH_OPERATIONS).contains((String) operation.get("op"));
						if (operation.get("op").equals("replace") || operation.get("op").equals("remove")) {
							String path = (String) operation.get("path");
							assertThat(targets).as(patch.file() + ": " + path)
								.allSatisfy((target) -> assertThat(JsonPointer.find(target, path))
									.as(target.getKind() + " " + target.getMetadata().getName() + " has " + path)
									.isPresent());
						}
					}
				}
			}
		}
	}

	private List<HasMetadata> targets(List<Manifest> resources, Map<String, Object> target) {
		List<HasMetadata> targets = new ArrayList<>();
		for (Manifest manifest : resources) {
			HasMetadata object = manifest.object();
			if (target.containsKey("kind") && !target.get("kind").equals(object.getKind())) {
				continue;
			}
			if (target.containsKey("name") && !target.get("name").equals(object.getMetadata().getName())) {
				continue;
			}
			if (target.containsKey("labelSelector") && !matches((String) target.get("labelSelector"), object)) {
				continue;
			}
			targets.add(object);
		}
		return targets;
	}

	private boolean matches(String equalitySelector, HasMetadata object) {
		Map<String, String> labels = object.getMetadata().getLabels();
		for (String requirement : equalitySelector.split(",")) {
			String[] keyAndValue = requirement.split("=", 2);
			if (!keyAndValue[1].trim().equals(labels.get(keyAndValue[0].trim()))) {
				return false;
			}
		}
		return true;
	}

	private static List<Path> named(Kustomization kustomization) {
		List<Path> named = new ArrayList<>(kustomization.resources());
		kustomization.patches().forEach((patch) -> named.add(patch.file()));
		named.addAll(kustomization.generatorFiles());
		return named;
	}

}
