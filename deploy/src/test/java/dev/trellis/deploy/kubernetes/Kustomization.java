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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trellis.deploy.DeployFiles;

/**
 * One {@code kustomization.yaml} as far as the tests read it: the manifests it lists, its
 * patches and the ConfigMaps it generates.
 *
 * @param directory the folder of the kustomization
 * @param resources the resources it lists: manifest files or other kustomization folders
 * @param patches its patches
 * @param generatedConfigMaps the names of the ConfigMaps its configMapGenerator makes
 * @param generatorFiles the files its generators read
 * @param generatorLiterals the literals of its generators, by ConfigMap name
 * @param replacedConfigMaps the ConfigMaps of a base it generates anew ({@code behavior:
 * replace}) rather than adds to
 * @author Trellis authors
 */
record Kustomization(Path directory, List<Path> resources, List<Patch> patches, List<String> generatedConfigMaps,
		List<Path> generatorFiles, Map<String, Map<String, String>> generatorLiterals,
		List<String> replacedConfigMaps) {

	static final String FILE_NAME = "kustomization.yaml";

	static Kustomization load(Path directory) {
		Map<String, Object> yaml = KubernetesFiles.yamlMap(directory.resolve(FILE_NAME));
		List<Path> resources = KubernetesFiles.strings(yaml.get("resources"))
			.stream()
			.map((resource) -> directory.resolve(resource).normalize())
			.toList();
		List<Patch> patches = new ArrayList<>();
		for (Map<String, Object> patch : KubernetesFiles.maps(yaml.get("patches"))) {
			Object target = patch.get("target");
			patches.add(new Patch(directory.resolve((String) patch.get("path")).normalize(),
					(target != null) ? KubernetesFiles.map(target) : null));
		}
		List<String> generated = new ArrayList<>();
		List<Path> files = new ArrayList<>();
		Map<String, Map<String, String>> literals = new LinkedHashMap<>();
		List<String> replaced = new ArrayList<>();
		for (Map<String, Object> generator : KubernetesFiles.maps(yaml.get("configMapGenerator"))) {
			String name = (String) generator.get("name");
			generated.add(name);
			if ("replace".equals(generator.get("behavior"))) {
				replaced.add(name);
			}
			KubernetesFiles.strings(generator.get("files"))
				.forEach((file) -> files.add(directory.resolve(file.substring(file.indexOf('=') + 1)).normalize()));
			Map<String, String> values = new LinkedHashMap<>();
			for (String literal : KubernetesFiles.strings(generator.get("literals"))) {
				int equals = literal.indexOf('=');
				values.put(literal.substring(0, equals), literal.substring(equals + 1));
			}
			literals.put(name, values);
		}
		return new Kustomization(directory, resources, patches, generated, files, literals, replaced);
	}

	/**
	 * The kustomizations this one builds on (resources that are folders).
	 * @return the kustomizations
	 */
	List<Kustomization> bases() {
		return this.resources.stream().filter(Files::isDirectory).map(Kustomization::load).toList();
	}

	/**
	 * The manifest files it lists itself.
	 * @return the files
	 */
	List<Path> manifestFiles() {
		return this.resources.stream().filter((resource) -> !Files.isDirectory(resource)).toList();
	}

	/**
	 * A patch of a kustomization.
	 *
	 * @param file the patch file
	 * @param target the objects it applies to, or {@code null} for a strategic merge
	 * patch naming its object itself
	 */
	record Patch(Path file, Map<String, Object> target) {

		boolean isJsonPatch() {
			return DeployFiles.yamlDocuments(this.file).stream().anyMatch(List.class::isInstance);
		}

	}

}
