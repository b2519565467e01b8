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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.trellis.deploy.AppConfiguration;
import dev.trellis.deploy.kubernetes.KubernetesFiles.Manifest;
import dev.trellis.launcher.ComponentSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the apps' startup, liveness and readiness probes: they ask the health groups
 * each app really exposes (from its configuration in the {@code kubernetes} profile), on
 * the port it really listens on.
 *
 * @author Trellis authors
 */
class ProbesTests {

	private final List<ComponentSpec> apps = Workloads.apps();

	private final Kustomization base = Kustomization.load(KubernetesFiles.BASE);

	private final List<Manifest> manifests = KubernetesFiles.resources(this.base);

	@Test
	void everyAppHasHttpStartupLivenessAndReadinessProbes() {
		for (ComponentSpec app : this.apps) {
			Container container = container(app);
			assertThat(probes(container)).as(app.name())
				.hasSize(3)
				.allSatisfy((probe) -> assertThat(probe.getHttpGet()).isNotNull());
		}
	}

	@Test
	void probesAskForHealthGroupsTheAppExposes() {
		for (ComponentSpec app : this.apps) {
			List<String> exposed = exposedHealthGroupPaths(configuration(app));
			assertThat(probes(container(app))).as(app.name() + " probes, exposed: " + exposed)
				.allSatisfy((probe) -> assertThat(exposed).contains(probe.getHttpGet().getPath()));
		}
	}

	@Test
	void livenessAndStartupAskTheLivenessGroupAndReadinessTheReadinessGroup() {
		for (ComponentSpec app : this.apps) {
			String base = healthPath(configuration(app));
			Container container = container(app);
			assertThat(container.getLivenessProbe().getHttpGet().getPath()).as(app.name())
				.isEqualTo(base + "/liveness");
			assertThat(container.getStartupProbe().getHttpGet().getPath()).as(app.name()).isEqualTo(base + "/liveness");
			assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(app.name())
				.isEqualTo(base + "/readiness");
		}
	}

	@Test
	void livenessOfEveryAppLeavesItsDependenciesOut() {
		// A database or broker outage must take pods out of rotation (readiness), never
		// restart all of them at once.
		for (ComponentSpec app : this.apps) {
			configuration(app).get("management.endpoint.health.group.liveness.include")
				.ifPresent((include) -> assertThat(include.split(",")).as(app.name() + " liveness group")
					.containsOnly("livenessState"));
		}
	}

	@Test
	void probesAskThePortTheAppListensOn() {
		for (ComponentSpec app : this.apps) {
			AppConfiguration configuration = configuration(app);
			int port = Integer.parseInt(configuration.get("management.server.port")
				.or(() -> configuration.get("server.port"))
				.orElseThrow(() -> new AssertionError(app.name() + " has no server.port")));
			Container container = container(app);
			assertThat(probes(container)).as(app.name())
				.allSatisfy((probe) -> assertThat(Workloads.portNumber(container, probe.getHttpGet().getPort()))
					.contains(port));
		}
	}

	@Test
	void startupGivesAppsLongerThanLivenessWouldBeforeARestart() {
		// An app waiting for the config server must not be restarted by liveness while it
		// starts: the startup probe holds liveness back until it succeeds once.
		for (ComponentSpec app : this.apps) {
			Container container = container(app);
			assertThat(patience(container.getStartupProbe())).as(app.name())
				.isGreaterThan(patience(container.getLivenessProbe()));
		}
	}

	/**
	 * The health group paths the app answers: liveness and readiness when probes are
	 * enabled, and every group it configures, under the health endpoint's path, as long
	 * as the health endpoint is exposed over HTTP.
	 */
	private static List<String> exposedHealthGroupPaths(AppConfiguration configuration) {
		String exposure = configuration.get("management.endpoints.web.exposure.include").orElse("health");
		List<String> exposed = Arrays.asList(exposure.split(","));
		if (!exposed.contains("health") && !exposed.contains("*")) {
			return List.of();
		}
		List<String> groups = new ArrayList<>(configuration.childNames("management.endpoint.health.group"));
		if (configuration.get("management.endpoint.health.probes.enabled").orElse("false").equals("true")) {
			groups.addAll(List.of("liveness", "readiness"));
		}
		String base = healthPath(configuration);
		return groups.stream().map((group) -> base + "/" + group).toList();
	}

	private static String healthPath(AppConfiguration configuration) {
		String basePath = configuration.get("management.endpoints.web.base-path").orElse("/actuator");
		String health = configuration.get("management.endpoints.web.path-mapping.health").orElse("health");
		return basePath + "/" + health;
	}

	private AppConfiguration configuration(ComponentSpec app) {
		Container container = container(app);
		return AppConfiguration.of(app, Workloads.PROFILES)
			.withEnvironment(Workloads.literalEnvironment(container, this.base));
	}

	private Container container(ComponentSpec app) {
		return Workloads.appContainer(Workloads.deployment(this.manifests, app));
	}

	private static List<Probe> probes(Container container) {
		List<Probe> probes = new ArrayList<>();
		for (Probe probe : new Probe[] { container.getStartupProbe(), container.getLivenessProbe(),
				container.getReadinessProbe() }) {
			if (probe != null) {
				probes.add(probe);
			}
		}
		return probes;
	}

	private static int patience(Probe probe) {
		int period = (probe.getPeriodSeconds() != null) ? probe.getPeriodSeconds() : 10;
		int failures = (probe.getFailureThreshold() != null) ? probe.getFailureThreshold() : 3;
		return period * failures;
	}

}
