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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.trellis.launcher.ComponentSpec;
import dev.trellis.launcher.Platform;

import org.springframework.util.PropertyPlaceholderHelper;

/**
 * The configuration an app runs with in the {@code kubernetes} profile, from the files
 * that give it: the app's own {@code application.yml}, then for every app but the config
 * server {@code config-repo/application.yml}, {@code config-repo/<app>.yml},
 * {@code application-kubernetes.yml} and {@code <app>-kubernetes.yml} (in increasing
 * precedence, as the config server serves them), then the container's environment.
 *
 * @author Trellis authors
 */
final class AppConfiguration {

	static final String PROFILE = "kubernetes";

	static final Path PROJECT = Path.of("..");

	static final Path CONFIG_REPO = PROJECT.resolve("config-repo");

	private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper("${", "}", ":", null,
			true);

	private final String app;

	private final Map<String, Object> properties;

	private final Map<String, String> environment;

	private AppConfiguration(String app, Map<String, Object> properties, Map<String, String> environment) {
		this.app = app;
		this.properties = properties;
		this.environment = environment;
	}

	/**
	 * The app's configuration from its files, without its container's environment.
	 * @param app the app of the launcher's topology
	 * @return the configuration
	 */
	static AppConfiguration of(ComponentSpec app) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (Path file : files(app)) {
			for (Object document : KubernetesFiles.yamlDocuments(file)) {
				Map<String, Object> flat = new LinkedHashMap<>();
				flatten("", document, flat);
				Object onProfile = flat.get("spring.config.activate.on-profile");
				if (onProfile == null || PROFILE.equals(onProfile)) {
					properties.putAll(flat);
				}
			}
		}
		return new AppConfiguration(app.name(), properties, Map.of());
	}

	/**
	 * The files the app's configuration comes from, in increasing precedence.
	 * @param app the app
	 * @return the files that exist
	 */
	static List<Path> files(ComponentSpec app) {
		List<Path> files = new ArrayList<>();
		files.add(moduleOf(app).resolve("src/main/resources/application.yml"));
		if (isConfigClient(app)) {
			files.add(CONFIG_REPO.resolve("application.yml"));
			files.add(CONFIG_REPO.resolve(app.name() + ".yml"));
			files.add(CONFIG_REPO.resolve("application-" + PROFILE + ".yml"));
			files.add(CONFIG_REPO.resolve(app.name() + "-" + PROFILE + ".yml"));
		}
		return files.stream().filter(Files::exists).toList();
	}

	static boolean isConfigClient(ComponentSpec app) {
		return !app.name().equals(Platform.CONFIG_SERVER);
	}

	private static Path moduleOf(ComponentSpec app) {
		String jar = app.jar();
		if (jar == null) {
			throw new AssertionError(app.name() + " is not run from a jar");
		}
		return PROJECT.resolve(jar.substring(0, jar.indexOf("/target/")));
	}

	/**
	 * Returns this configuration with the container's environment on top: each variable
	 * stands for the property it names under Spring Boot's rules (upper case, dots as
	 * underscores, dashes removed), and placeholders resolve to it.
	 * @param environment the container's variables
	 * @return the configuration the app runs with
	 */
	AppConfiguration withEnvironment(Map<String, String> environment) {
		Map<String, Object> properties = new LinkedHashMap<>(this.properties);
		environment.forEach((name, value) -> {
			String property = name.toLowerCase(Locale.ROOT).replace('_', '.');
			properties.keySet().removeIf((key) -> canonical(key).equals(property));
			properties.put(property, value);
		});
		return new AppConfiguration(this.app, properties, Map.copyOf(environment));
	}

	/**
	 * Returns a property, placeholders resolved from the container's environment or else
	 * to their defaults.
	 * @param name the property name in its canonical form (kebab-case)
	 * @return the value
	 */
	Optional<String> get(String name) {
		for (Map.Entry<String, Object> entry : this.properties.entrySet()) {
			if (canonical(entry.getKey()).equals(canonical(name)) && entry.getValue() != null) {
				return Optional
					.of(PLACEHOLDERS.replacePlaceholders(String.valueOf(entry.getValue()), this.environment::get));
			}
		}
		return Optional.empty();
	}

	/**
	 * Returns the names under a prefix, such as the health groups under
	 * {@code management.endpoint.health.group}.
	 * @param prefix the prefix
	 * @return the next segment of every property under it
	 */
	List<String> childNames(String prefix) {
		String start = canonical(prefix) + ".";
		return this.properties.keySet()
			.stream()
			.map(AppConfiguration::canonical)
			.filter((key) -> key.startsWith(start))
			.map((key) -> key.substring(start.length()).split("\\.")[0])
			.distinct()
			.toList();
	}

	String app() {
		return this.app;
	}

	private static String canonical(String name) {
		return name.replace("-", "").toLowerCase(Locale.ROOT);
	}

	private static void flatten(String prefix, Object node, Map<String, Object> flat) {
		if (node instanceof Map<?, ?> map) {
			map.forEach(
					(key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, flat));
		}
		else if (node instanceof List<?> list) {
			flat.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
		}
		else {
			flat.put(prefix, node);
		}
	}

}
