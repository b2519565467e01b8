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
package dev.trellis.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.trellis.launcher.ComponentSpec;
import dev.trellis.launcher.Platform;

import org.springframework.util.PropertyPlaceholderHelper;

/**
 * The configuration an app of the platform runs with under its profiles, flattened to
 * property names, as the files that give it layer up (lowest precedence first): the app's
 * own {@code application.yml}, then for a config client what the config server serves
 * from {@code config-repo/} ({@code application.yml}, {@code <app>.yml}, and per profile
 * {@code application-<profile>.yml}, {@code <app>-<profile>.yml}); in every file the
 * documents without {@code spring.config.activate.on-profile} or active under one of the
 * profiles. A container's environment can be laid on top.
 *
 * @author Trellis authors
 */
public final class AppConfiguration {

	static final Path PROJECT = Path.of("..");

	static final Path CONFIG_REPO = PROJECT.resolve("config-repo");

	/**
	 * What trellis-autoconfigure adds to every config client before its configuration is
	 * loaded, with the environment variables it reads.
	 */
	static final Path PLATFORM_DEFAULTS = PROJECT.resolve(
			"starters/trellis-autoconfigure/src/main/java/dev/trellis/autoconfigure/env/PlatformDefaultsEnvironmentPostProcessor.java");

	/** Variables Spring Boot itself binds, besides placeholders. */
	private static final Set<String> BOOT_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE");

	private static final Pattern PLACEHOLDER_OR_CONSTANT = Pattern
		.compile("\\$\\{([A-Z][A-Z0-9_]*)|\"([A-Z][A-Z0-9]*_[A-Z0-9_]+)\"");

	private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper("${", "}", ":", null,
			true);

	private final ComponentSpec app;

	private final Map<String, String> properties;

	private final Map<String, String> environment;

	private AppConfiguration(ComponentSpec app, Map<String, String> properties, Map<String, String> environment) {
		this.app = app;
		this.properties = properties;
		this.environment = environment;
	}

	/**
	 * The configuration of an app under the given profiles, from its files only.
	 * @param app the app of the launcher's topology
	 * @param profiles its active profiles
	 * @return the configuration
	 */
	public static AppConfiguration of(ComponentSpec app, List<String> profiles) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (Path file : files(app, profiles)) {
			for (Object document : DeployFiles.yamlDocuments(file)) {
				Map<String, String> flat = new LinkedHashMap<>();
				flatten("", document, flat);
				String onProfile = flat.get("spring.config.activate.on-profile");
				if (onProfile == null || profiles.contains(onProfile)) {
					properties.putAll(flat);
				}
			}
		}
		return new AppConfiguration(app, properties, Map.of());
	}

	private static List<Path> files(ComponentSpec app, List<String> profiles) {
		List<Path> files = new ArrayList<>();
		files.add(moduleOf(app).resolve("src/main/resources/application.yml"));
		if (isConfigClient(app)) {
			files.add(CONFIG_REPO.resolve("application.yml"));
			files.add(CONFIG_REPO.resolve(app.name() + ".yml"));
			for (String profile : profiles) {
				files.add(CONFIG_REPO.resolve("application-" + profile + ".yml"));
				files.add(CONFIG_REPO.resolve(app.name() + "-" + profile + ".yml"));
			}
		}
		return files.stream().filter(Files::exists).toList();
	}

	/**
	 * Whether an app imports its configuration from the config server: every app but the
	 * config server itself.
	 * @param app the app
	 * @return whether it reads {@code config-repo/}
	 */
	public static boolean isConfigClient(ComponentSpec app) {
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
	 * Returns this configuration with a container's environment on top: each variable
	 * stands for the property it names under Spring Boot's rules (upper case, dots as
	 * underscores, dashes removed), and placeholders resolve to it.
	 * @param environment the container's variables
	 * @return the configuration the app runs with
	 */
	public AppConfiguration withEnvironment(Map<String, String> environment) {
		Map<String, String> properties = new LinkedHashMap<>(this.properties);
		environment.forEach((name, value) -> {
			String property = name.toLowerCase(Locale.ROOT).replace('_', '.');
			properties.keySet().removeIf((key) -> canonical(key).equals(property));
			properties.put(property, value);
		});
		return new AppConfiguration(this.app, properties, Map.copyOf(environment));
	}

	public String app() {
		return this.app.name();
	}

	/**
	 * Returns the value of a property as written, placeholders left in.
	 * @param name the property name, as in the files
	 * @return the value, or {@code null}
	 */
	public String property(String name) {
		return this.properties.get(name);
	}

	/**
	 * Returns a property, placeholders resolved from the environment laid on top or else
	 * to their defaults.
	 * @param name the property name in its canonical form (kebab-case)
	 * @return the value
	 */
	public Optional<String> get(String name) {
		for (Map.Entry<String, String> entry : this.properties.entrySet()) {
			if (canonical(entry.getKey()).equals(canonical(name)) && entry.getValue() != null) {
				return Optional.of(PLACEHOLDERS.replacePlaceholders(entry.getValue(), this.environment::get));
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
	public List<String> childNames(String prefix) {
		String start = canonical(prefix) + ".";
		return this.properties.keySet()
			.stream()
			.map(AppConfiguration::canonical)
			.filter((key) -> key.startsWith(start))
			.map((key) -> key.substring(start.length()).split("\\.")[0])
			.distinct()
			.toList();
	}

	/**
	 * Environment variables the app reads: in placeholders of its configuration, in
	 * trellis-autoconfigure's defaults (config clients), and the ones Boot binds itself.
	 * @return the variable names
	 */
	public Set<String> variablesRead() {
		Set<String> names = new LinkedHashSet<>(BOOT_VARIABLES);
		if (isConfigClient(this.app)) {
			names.addAll(platformDefaultsVariables());
		}
		names.addAll(placeholderVariables(false));
		return names;
	}

	/**
	 * Environment variables without which the app's configuration does not resolve:
	 * placeholders without a default in an effective value.
	 * @return the variable names
	 */
	public Set<String> variablesRequired() {
		return placeholderVariables(true);
	}

	private Set<String> placeholderVariables(boolean requiredOnly) {
		Set<String> names = new LinkedHashSet<>();
		this.properties.values()
			.stream()
			.flatMap((value) -> Placeholders.of(value).stream())
			.filter((placeholder) -> placeholder.isEnvironmentVariable() && (!requiredOnly || placeholder.isRequired()))
			.forEach((placeholder) -> names.add(placeholder.name()));
		return names;
	}

	private static Set<String> platformDefaultsVariables() {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER_OR_CONSTANT.matcher(DeployFiles.read(PLATFORM_DEFAULTS));
		while (matcher.find()) {
			names.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
		}
		return names;
	}

	private static String canonical(String name) {
		return name.replace("-", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * Flattens a document to property names: maps by dotted names, a list of scalars to
	 * one comma-separated value (as Boot binds it), a list of maps item by item
	 * ({@code name[0].key}).
	 */
	private static void flatten(String prefix, Object node, Map<String, String> flat) {
		if (node instanceof Map<?, ?> map) {
			map.forEach(
					(key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, flat));
		}
		else if (node instanceof List<?> list && list.stream().anyMatch(Map.class::isInstance)) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), flat);
			}
		}
		else if (node instanceof List<?> list) {
			flat.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
		}
		else if (node != null) {
			flat.put(prefix, String.valueOf(node));
		}
	}

}
