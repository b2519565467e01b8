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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.trellis.launcher.ComponentSpec;
import dev.trellis.launcher.Topology;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Prometheus configuration {@code prometheus/prometheus.yml}: every app of
 * the launcher's topology is scraped, once, with the operator credential.
 *
 * @author Trellis authors
 */
class PrometheusConfigTests {

	private static final String METRICS_PATH = "/actuator/prometheus";

	private final Map<String, Object> config = DeployFiles.yaml(DeployFiles.PROMETHEUS_CONFIG);

	private final List<ComponentSpec> apps = Topology.standard().applications();

	@Test
	void theTopologyHasTheAppsOfThePlatform() {
		// Guards the test below against an empty or unexpected list.
		assertThat(this.apps).extracting(ComponentSpec::name)
			.contains("gateway", "discovery", "config-server", "auth-server", "catalog-service", "order-service");
	}

	@Test
	void jobsHaveUniqueNames() {
		assertThat(jobs()).extracting((job) -> job.get("job_name")).doesNotHaveDuplicates().doesNotContainNull();
	}

	@Test
	void everyAppOfThePlatformIsScrapedExactlyOnce() {
		Map<String, List<String>> scrapedBy = new LinkedHashMap<>();
		for (ComponentSpec app : this.apps) {
			List<String> jobs = new ArrayList<>();
			for (Map<String, Object> job : jobs()) {
				String name = (String) job.get("job_name");
				if (staticTargetOf(job, app).isPresent()) {
					jobs.add(name + " (static)");
				}
				if (job.containsKey("eureka_sd_configs") && discovered(job, app, app.name() + ":1").isPresent()) {
					jobs.add(name + " (eureka)");
				}
			}
			scrapedBy.put(app.name(), jobs);
		}
		assertThat(scrapedBy).allSatisfy(
				(app, jobs) -> assertThat(jobs).as(app + " is scraped by exactly one job, not " + jobs).hasSize(1));
	}

	@Test
	void staticTargetsAreAppsAtTheirPortsLabelledWithTheirName() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		this.apps.forEach((app) -> ports.put(app.name(), app.defaultPort()));
		for (Map<String, Object> job : jobs()) {
			for (Object entry : Yamls.listOrEmpty(job, "static_configs", "job")) {
				Map<String, Object> group = Yamls.map(entry, "static config");
				Map<String, Object> labels = Yamls.map(group, "labels", "static config");
				for (Object target : Yamls.list(group, "targets", "static config")) {
					String[] hostAndPort = String.valueOf(target).split(":");
					assertThat(ports).as("static target " + target + " is an app of the platform")
						.containsEntry(hostAndPort[0], Integer.valueOf(hostAndPort[1]));
					assertThat(labels).as(target + " labels").containsEntry("application", hostAndPort[0]);
				}
			}
		}
	}

	@Test
	void registryTargetsAreNamedAfterTheirSpringApplicationName() {
		Map<String, Object> services = eurekaJob();
		Map<String, String> first = discovered(services, app("inventory-service"), "10.0.0.7:inventory-service:8082")
			.orElseThrow();
		Map<String, String> second = discovered(services, app("inventory-service"), "10.0.0.8:inventory-service:8082")
			.orElseThrow();
		assertThat(first).containsEntry("application", "inventory-service")
			.containsEntry("instance", "10.0.0.7:inventory-service:8082");
		// Two instances of one service stay two series.
		assertThat(second).containsEntry("instance", "10.0.0.8:inventory-service:8082");
	}

	@Test
	void theRegistryIsAskedWithItsOwnCredentialFromFiles() {
		Map<String, Object> services = eurekaJob();
		List<Object> sdConfigs = Yamls.list(services, "eureka_sd_configs", "services");
		assertThat(sdConfigs).hasSize(1);
		Map<String, Object> sd = Yamls.map(sdConfigs.get(0), "eureka_sd_config");
		assertThat(sd).containsEntry("server", "http://discovery:" + app("discovery").defaultPort() + "/eureka");
		assertCredentialFromFiles(sd, "eureka_sd_config", "eureka");
	}

	@Test
	void everyJobScrapesTheActuatorEndpointWithTheOperatorCredentialFromFiles() {
		for (Map<String, Object> job : jobs()) {
			String where = "job " + job.get("job_name");
			assertThat(job).as(where).containsEntry("metrics_path", METRICS_PATH);
			assertCredentialFromFiles(job, where, "ops");
		}
	}

	@Test
	void everyJobKeepsTheApplicationTagOfTheMeters() {
		// Without honor_labels the meters' application tag would be renamed
		// exported_application beside the target label.
		assertThat(jobs()).allSatisfy((job) -> assertThat(job).containsEntry("honor_labels", true));
	}

	@Test
	void noPasswordIsWrittenInTheConfiguration() {
		assertThat(keys(this.config)).doesNotContain("password", "username");
	}

	private void assertCredentialFromFiles(Map<String, Object> parent, String where, String secret) {
		Map<String, Object> basicAuth = Yamls.map(parent, "basic_auth", where);
		assertThat(basicAuth).as(where + " basic_auth")
			.containsOnlyKeys("username_file", "password_file")
			.containsEntry("username_file", "/run/secrets/" + secret + "_user")
			.containsEntry("password_file", "/run/secrets/" + secret + "_password");
	}

	private Optional<String> staticTargetOf(Map<String, Object> job, ComponentSpec app) {
		String address = app.name() + ":" + app.defaultPort();
		for (Object entry : Yamls.listOrEmpty(job, "static_configs", "job")) {
			Map<String, Object> group = Yamls.map(entry, "static config");
			if (Yamls.list(group, "targets", "static config").contains(address)) {
				return Optional.of(address);
			}
		}
		return Optional.empty();
	}

	/**
	 * Relabels a target as Eureka discovery would hand it over for an instance of the
	 * app.
	 */
	private Optional<Map<String, String>> discovered(Map<String, Object> job, ComponentSpec app, String instanceId) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("__address__", app.name() + ":" + app.defaultPort());
		labels.put("instance", instanceId);
		labels.put("__meta_eureka_app_name", app.name().toUpperCase(Locale.ROOT));
		labels.put("__meta_eureka_app_instance_id", instanceId);
		labels.put("__meta_eureka_app_instance_status", "UP");
		return Relabeling.apply(Yamls.listOrEmpty(job, "relabel_configs", "job"), labels);
	}

	private ComponentSpec app(String name) {
		return this.apps.stream().filter((app) -> app.name().equals(name)).findFirst().orElseThrow();
	}

	private Map<String, Object> eurekaJob() {
		List<Map<String, Object>> jobs = jobs().stream().filter((job) -> job.containsKey("eureka_sd_configs")).toList();
		assertThat(jobs).as("jobs discovering targets in Eureka").hasSize(1);
		return jobs.get(0);
	}

	private List<Map<String, Object>> jobs() {
		return Yamls.list(this.config, "scrape_configs", "prometheus.yml")
			.stream()
			.map((job) -> Yamls.map(job, "scrape config"))
			.toList();
	}

	private static List<String> keys(Object node) {
		List<String> keys = new ArrayList<>();
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				keys.add(String.valueOf(key));
				keys.addAll(keys(value));
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach((item) -> keys.addAll(keys(item)));
		}
		return keys;
	}

}
