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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files of the deploy module, read as the tools that load them would: YAML for
 * Prometheus and Grafana's provisioning, strict JSON for the dashboards. Tests run in the
 * module's directory.
 *
 * @author Trellis authors
 */
public final class DeployFiles {

	/** The uid every dashboard names its datasource by. */
	static final String DATASOURCE_UID = "trellis-prometheus";

	static final Path PROMETHEUS_CONFIG = Path.of("prometheus/prometheus.yml");

	static final Path GRAFANA_DATASOURCES = Path.of("grafana/provisioning/datasources/prometheus.yml");

	static final Path GRAFANA_DASHBOARD_PROVIDERS = Path.of("grafana/provisioning/dashboards/trellis.yml");

	static final Path DASHBOARDS = Path.of("grafana/dashboards");

	static final Path README = Path.of("README.md");

	/** The project's compose file, written by the containers issue. */
	static final Path COMPOSE_FILE = Path.of("../docker-compose.yml");

	// Duplicate keys are legal JSON to Grafana (the last wins) but always a mistake here.
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private DeployFiles() {
	}

	/**
	 * Every document of a YAML file, empty ones left out, merge keys applied.
	 * @param path the file
	 * @return the documents, in order
	 */
	public static List<Object> yamlDocuments(Path path) {
		List<Object> documents = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(read(path))) {
			if (document != null) {
				documents.add(document);
			}
		}
		return documents;
	}

	static Map<String, Object> yaml(Path path) {
		Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(path));
		return Yamls.map(document, path.toString());
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> json(Path path) {
		return JSON.readValue(read(path), Map.class);
	}

	public static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Path> dashboardFiles() {
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			return new ArrayList<>(files.filter((file) -> file.toString().endsWith(".json")).sorted().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Dashboard> dashboards() {
		return dashboardFiles().stream().map((file) -> new Dashboard(file, json(file))).toList();
	}

}
