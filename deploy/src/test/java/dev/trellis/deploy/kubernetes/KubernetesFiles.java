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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.trellis.deploy.DeployFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The Kubernetes files under {@code kubernetes/}, read as kubectl and kustomize read
 * them: YAML 1.1 documents (SnakeYAML, like kubectl's parser), each turned into the
 * fabric8 Kubernetes object model. Tests run in the module's directory.
 *
 * @author Trellis authors
 */
final class KubernetesFiles {

	static final Path ROOT = Path.of("kubernetes");

	static final Path BASE = ROOT.resolve("base");

	static final Path LOCAL = ROOT.resolve("overlays/local");

	static final Path README = ROOT.resolve("README.md");

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private KubernetesFiles() {
	}

	/**
	 * Every kustomization under {@link #ROOT}.
	 * @return the kustomizations
	 */
	static List<Kustomization> kustomizations() {
		try (Stream<Path> files = Files.walk(ROOT)) {
			return files.filter((file) -> file.getFileName().toString().equals(Kustomization.FILE_NAME))
				.sorted()
				.map((file) -> Kustomization.load(file.getParent()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The objects of the manifests every kustomization lists, and of its strategic merge
	 * patches (partial objects, which must still fit the object model).
	 * @return the objects with the file they come from
	 */
	static List<Manifest> allManifests() {
		List<Manifest> manifests = new ArrayList<>();
		for (Kustomization kustomization : kustomizations()) {
			kustomization.manifestFiles().forEach((file) -> manifests.addAll(parse(file)));
			kustomization.patches()
				.stream()
				.filter((patch) -> !patch.isJsonPatch())
				.forEach((patch) -> manifests.addAll(parse(patch.file())));
		}
		return manifests;
	}

	/**
	 * The complete objects of a kustomization and the ones it builds on, without patches.
	 * @param kustomization the kustomization
	 * @return the objects
	 */
	static List<Manifest> resources(Kustomization kustomization) {
		List<Manifest> manifests = new ArrayList<>();
		kustomization.bases().forEach((base) -> manifests.addAll(resources(base)));
		kustomization.manifestFiles().forEach((file) -> manifests.addAll(parse(file)));
		return manifests;
	}

	static <T extends HasMetadata> List<T> objects(List<Manifest> manifests, Class<T> type) {
		return manifests.stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
	}

	static <T extends HasMetadata> T named(List<Manifest> manifests, Class<T> type, String name) {
		List<T> found = objects(manifests, type).stream()
			.filter((object) -> name.equals(object.getMetadata().getName()))
			.toList();
		if (found.size() != 1) {
			throw new AssertionError(
					"Expected one " + type.getSimpleName() + " named " + name + " but found " + found.size());
		}
		return found.get(0);
	}

	static List<Manifest> parse(Path file) {
		List<Manifest> manifests = new ArrayList<>();
		for (Object document : DeployFiles.yamlDocuments(file)) {
			KubernetesResource object = SERIALIZATION.convertValue(document, KubernetesResource.class);
			if (!(object instanceof HasMetadata resource)) {
				throw new AssertionError(file + " holds something that is not a Kubernetes object: " + object);
			}
			manifests.add(new Manifest(file, resource));
		}
		return manifests;
	}

	/**
	 * Every field of an object of the model that the model does not know (fabric8 keeps
	 * them aside as "additional properties" instead of failing, as the API server would).
	 * @param object a parsed object
	 * @return the paths of the unknown fields
	 */
	static List<String> unknownFields(Object object) {
		List<String> unknown = new ArrayList<>();
		collectUnknownFields(object, object.getClass().getSimpleName(), unknown);
		return unknown;
	}

	private static void collectUnknownFields(Object node, String path, List<String> unknown) {
		if (node instanceof Collection<?> items) {
			int index = 0;
			for (Object item : items) {
				collectUnknownFields(item, path + "[" + index++ + "]", unknown);
			}
			return;
		}
		if (node instanceof Map<?, ?> entries) {
			entries.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown));
			return;
		}
		if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method getter : node.getClass().getMethods()) {
			if (!isModelGetter(getter)) {
				continue;
			}
			Object value = invoke(getter, node);
			if (getter.getName().equals("getAdditionalProperties")) {
				((Map<?, ?>) value).keySet().forEach((key) -> unknown.add(path + "." + key));
			}
			else {
				collectUnknownFields(value, path + "." + property(getter), unknown);
			}
		}
	}

	private static boolean isModelGetter(Method method) {
		return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
				&& method.getName().startsWith("get") && method.getDeclaringClass() != Object.class
				&& method.getDeclaringClass().getName().startsWith("io.fabric8.kubernetes.api.model");
	}

	private static String property(Method getter) {
		String name = getter.getName().substring(3);
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + getter, ex);
		}
	}

	static Map<String, Object> yamlMap(Path file) {
		List<Object> documents = DeployFiles.yamlDocuments(file);
		if (documents.size() != 1) {
			throw new AssertionError(file + " should hold one YAML document, not " + documents.size());
		}
		return map(documents.get(0));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		if (!(value instanceof Map)) {
			throw new AssertionError("Not a mapping: " + value);
		}
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> maps(Object value) {
		return (value != null) ? (List<Map<String, Object>>) value : List.of();
	}

	@SuppressWarnings("unchecked")
	static List<String> strings(Object value) {
		return (value != null) ? (List<String>) value : List.of();
	}

	/**
	 * An object of a manifest file.
	 *
	 * @param file the file
	 * @param object the object
	 */
	record Manifest(Path file, HasMetadata object) {

		@Override
		public String toString() {
			return this.object.getKind() + " " + this.object.getMetadata().getName() + " (" + this.file + ")";
		}

	}

}
