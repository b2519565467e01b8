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
package dev.trellis.deploy.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.trellis.deploy.DeployFiles;

/**
 * The configuration an app of the platform runs with under a profile, flattened to
 * property names, and the environment variables it reads: for a config client what the
 * config server serves from {@code config-repo/} (lowest precedence first:
 * {@code application.yml}, {@code <app>.yml}, {@code application-<profile>.yml},
 * {@code <app>-<profile>.yml}) plus what trellis-autoconfigure reads before any of it;
 * for the config server its own {@code application.yml}, the documents active under its
 * profiles.
 *
 * @author Trellis authors
 */
final class AppConfiguration {

	static final String CONFIG_SERVER = "config-server";

	/** Variables Spring Boot itself binds, besides placeholders. */
	private static final Set<String> BOOT_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE");

	private static final Pattern PLACEHOLDER_OR_CONSTANT = Pattern
		.compile("\\$\\{([A-Z][A-Z0-9_]*)|\"([A-Z][A-Z0-9]*_[A-Z0-9_]+)\"");

	private final String app;

	private final Map<String, String> properties;

	private final Set<String> codeVariables;

	private AppConfiguration(String app, Map<String, String> properties, Set<String> codeVariables) {
		this.app = app;
		this.properties = properties;
		this.codeVariables = codeVariables;
	}

	/**
	 * The configuration of an app under the given profiles.
	 * @param app the app's name
	 * @param profiles its active profiles
	 * @return the configuration
	 */
	static AppConfiguration of(String app, List<String> profiles) {
		Map<String, String> properties = new LinkedHashMap<>();
		if (app.equals(CONFIG_SERVER)) {
			for (Map<String, Object> document : ProjectFiles.yamlDocuments(ProjectFiles.CONFIG_SERVER_CONFIG)) {
				Map<String, String> flat = flatten(document);
				String onProfile = flat.get("spring.config.activate.on-profile");
				if (onProfile == null || profiles.contains(onProfile)) {
					properties.putAll(flat);
				}
			}
			return new AppConfiguration(app, properties, Set.of());
		}
		List<String> files = new ArrayList<>(List.of("application.yml", app + ".yml"));
		for (String profile : profiles) {
			files.add("application-" + profile + ".yml");
			files.add(app + "-" + profile + ".yml");
		}
		for (String file : files) {
			Path path = ProjectFiles.CONFIG_REPO.resolve(file);
			if (Files.exists(path)) {
				properties.putAll(flatten(ProjectFiles.yaml(path)));
			}
		}
		return new AppConfiguration(app, properties, platformDefaultsVariables());
	}

	String app() {
		return this.app;
	}

	/**
	 * Returns the effective value of a property.
	 * @param name the property name
	 * @return the value, or {@code null}
	 */
	String property(String name) {
		return this.properties.get(name);
	}

	/**
	 * Environment variables the app reads: in placeholders of its configuration, in
	 * trellis-autoconfigure's defaults, and the ones Boot binds itself.
	 * @return the variable names
	 */
	Set<String> variablesRead() {
		Set<String> names = new LinkedHashSet<>(BOOT_VARIABLES);
		names.addAll(this.codeVariables);
		this.properties.values()
			.stream()
			.flatMap((value) -> Placeholders.of(value).stream())
			.filter(Placeholders.Placeholder::isEnvironmentVariable)
			.forEach((placeholder) -> names.add(placeholder.name()));
		return names;
	}

	/**
	 * Environment variables without which the app's configuration does not resolve:
	 * placeholders without a default in an effective value.
	 * @return the variable names
	 */
	Set<String> variablesRequired() {
		Set<String> names = new LinkedHashSet<>();
		this.properties.values()
			.stream()
			.flatMap((value) -> Placeholders.of(value).stream())
			.filter((placeholder) -> placeholder.isEnvironmentVariable() && placeholder.isRequired())
			.forEach((placeholder) -> names.add(placeholder.name()));
		return names;
	}

	private static Set<String> platformDefaultsVariables() {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER_OR_CONSTANT.matcher(DeployFiles.read(ProjectFiles.PLATFORM_DEFAULTS));
		while (matcher.find()) {
			names.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
		}
		return names;
	}

	static Map<String, String> flatten(Map<String, Object> document) {
		Map<String, String> flat = new LinkedHashMap<>();
		flatten("", document, flat);
		return flat;
	}

	private static void flatten(String prefix, Object value, Map<String, String> flat) {
		if (value instanceof Map<?, ?> map) {
			map.forEach(
					(key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, flat));
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), flat);
			}
		}
		else {
			flat.put(prefix, String.valueOf(value));
		}
	}

}
