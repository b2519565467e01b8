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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for Grafana's provisioning files in {@code grafana/provisioning/}.
 *
 * @author Trellis authors
 */
class GrafanaProvisioningTests {

	/** Where Grafana's container reads the dashboards of {@code grafana/dashboards/}. */
	static final String DASHBOARDS_MOUNT = "/var/lib/grafana/dashboards/trellis";

	@Test
	void theDatasourceIsThePrometheusTheDashboardsName() {
		Map<String, Object> datasource = onlyDatasource();
		assertThat(datasource).containsEntry("type", "prometheus")
			.containsEntry("uid", DeployFiles.DATASOURCE_UID)
			.containsEntry("url", "http://prometheus:9090");
	}

	@Test
	void theDatasourceStepIsPrometheusScrapeInterval() {
		Map<String, Object> global = Yamls.map(DeployFiles.yaml(DeployFiles.PROMETHEUS_CONFIG), "global",
				"prometheus.yml");
		Map<String, Object> jsonData = Yamls.map(onlyDatasource(), "jsonData", "datasource");
		assertThat(jsonData.get("timeInterval")).isEqualTo(global.get("scrape_interval"));
	}

	@Test
	void theDashboardProviderLoadsTheDashboardsDirectoryFromItsMount() {
		Map<String, Object> file = DeployFiles.yaml(DeployFiles.GRAFANA_DASHBOARD_PROVIDERS);
		List<Object> providers = Yamls.list(file, "providers", "trellis.yml");
		assertThat(providers).hasSize(1);
		Map<String, Object> provider = Yamls.map(providers.get(0), "provider");
		assertThat(provider).containsEntry("type", "file");
		assertThat(Yamls.map(provider, "options", "provider")).containsEntry("path", DASHBOARDS_MOUNT);
		assertThat(DeployFiles.dashboardFiles()).isNotEmpty();
	}

	@Test
	void theReadmeGivesTheMountsTheProvisioningExpects() {
		assertThat(DeployFiles.read(DeployFiles.README)).contains("./deploy/grafana/dashboards:" + DASHBOARDS_MOUNT,
				"./deploy/grafana/provisioning:/etc/grafana/provisioning",
				"./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml");
	}

	@Test
	void composeMountsTheDashboardsWhereTheProviderReadsThem() {
		assumeTrue(Files.exists(DeployFiles.COMPOSE_FILE), "no docker-compose.yml yet");
		Map<String, Object> compose = DeployFiles.yaml(DeployFiles.COMPOSE_FILE);
		boolean mounted = Yamls.map(compose, "services", "docker-compose.yml")
			.values()
			.stream()
			.map((service) -> Yamls.map(service, "service"))
			.flatMap((service) -> Yamls.listOrEmpty(service, "volumes", "service").stream())
			.anyMatch((volume) -> mounts(volume, "deploy/grafana/dashboards", DASHBOARDS_MOUNT));
		assertThat(mounted).as("a service mounts deploy/grafana/dashboards at " + DASHBOARDS_MOUNT).isTrue();
	}

	private static boolean mounts(Object volume, String source, String target) {
		if (volume instanceof String shortSyntax) {
			String[] parts = shortSyntax.split(":");
			return parts.length >= 2 && normalize(parts[0]).equals(source) && parts[1].equals(target);
		}
		if (volume instanceof Map<?, ?> longSyntax) {
			return longSyntax.get("source") instanceof String from && normalize(from).equals(source)
					&& target.equals(longSyntax.get("target"));
		}
		return false;
	}

	private static String normalize(String path) {
		return Path.of(path).normalize().toString();
	}

	private static Map<String, Object> onlyDatasource() {
		Map<String, Object> file = DeployFiles.yaml(DeployFiles.GRAFANA_DATASOURCES);
		List<Object> datasources = Yamls.list(file, "datasources", "datasources/prometheus.yml");
		assertThat(datasources).hasSize(1);
		return Yamls.map(datasources.get(0), "datasource");
	}

}
