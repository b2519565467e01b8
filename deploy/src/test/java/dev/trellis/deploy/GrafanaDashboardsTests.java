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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Grafana dashboards in {@code grafana/dashboards/}.
 *
 * @author Trellis authors
 */
class GrafanaDashboardsTests {

	/** Variables Grafana defines itself. */
	private static final Set<String> BUILT_IN_VARIABLES = Set.of("__rate_interval", "__interval", "__interval_ms",
			"__range", "__range_s", "__range_ms");

	private final List<Dashboard> dashboards = DeployFiles.dashboards();

	@Test
	void theFourDashboardsOfTheObservabilityIssueAreThere() {
		assertThat(this.dashboards).extracting(Dashboard::name)
			.contains("platform-overview.json", "service-red.json", "resilience.json", "messaging.json");
	}

	@Test
	void everyDashboardHasAUniqueUidNamedAfterItsFile() {
		for (Dashboard dashboard : this.dashboards) {
			assertThat(dashboard.uid()).as(dashboard.name())
				.isEqualTo("trellis-" + dashboard.name().replace(".json", ""))
				// Grafana refuses longer uids.
				.hasSizeLessThanOrEqualTo(40);
		}
		assertThat(this.dashboards).extracting(Dashboard::uid).doesNotHaveDuplicates();
		assertThat(this.dashboards).extracting(Dashboard::title)
			.doesNotHaveDuplicates()
			.allSatisfy((title) -> assertThat(title).startsWith("Trellis / "));
	}

	@Test
	void everyDashboardUsesASchemaVersionOfGrafana11OrLater() {
		for (Dashboard dashboard : this.dashboards) {
			assertThat(dashboard.json().get("schemaVersion")).as(dashboard.name())
				.isInstanceOf(Integer.class)
				.satisfies((version) -> assertThat((Integer) version).isGreaterThanOrEqualTo(39));
			assertThat(dashboard.json()).as(dashboard.name()).containsKeys("templating", "panels", "time");
		}
	}

	@Test
	void everyPanelQueriesTheProvisionedDatasource() {
		for (Dashboard dashboard : this.dashboards) {
			assertThat(dashboard.queryPanels()).as(dashboard.name()).isNotEmpty();
			for (Map<String, Object> panel : dashboard.queryPanels()) {
				String where = dashboard.name() + " panel '" + panel.get("title") + "'";
				assertThat(panel.get("title")).as(where).isInstanceOf(String.class);
				assertProvisionedDatasource(panel.get("datasource"), where);
				List<Object> targets = Yamls.listOrEmpty(panel, "targets", where);
				assertThat(targets).as(where + " targets").isNotEmpty();
				Set<Object> refIds = new HashSet<>();
				for (Object target : targets) {
					Map<String, Object> map = Yamls.map(target, where + " target");
					assertThat(map.get("expr")).as(where + " expr")
						.isInstanceOfSatisfying(String.class, (expr) -> assertThat(expr).isNotBlank());
					assertThat(refIds.add(map.get("refId"))).as(where + " unique refId " + map.get("refId")).isTrue();
					if (map.containsKey("datasource")) {
						assertProvisionedDatasource(map.get("datasource"), where + " target");
					}
				}
			}
		}
	}

	@Test
	void everyQueryVariableQueriesTheProvisionedDatasource() {
		for (Dashboard dashboard : this.dashboards) {
			for (Map<String, Object> variable : dashboard.variables()) {
				if ("query".equals(variable.get("type"))) {
					assertProvisionedDatasource(variable.get("datasource"),
							dashboard.name() + " variable " + variable.get("name"));
				}
			}
		}
	}

	@Test
	void panelsHaveUniqueIdsAndShareTheGridWithoutOverlapping() {
		for (Dashboard dashboard : this.dashboards) {
			Set<Object> ids = new HashSet<>();
			List<int[]> placed = new ArrayList<>();
			for (Map<String, Object> panel : dashboard.panels()) {
				String where = dashboard.name() + " panel '" + panel.get("title") + "'";
				assertThat(ids.add(panel.get("id"))).as(where + " unique id " + panel.get("id")).isTrue();
				Map<String, Object> grid = Yamls.map(panel, "gridPos", where);
				int x = (Integer) grid.get("x");
				int y = (Integer) grid.get("y");
				int w = (Integer) grid.get("w");
				int h = (Integer) grid.get("h");
				assertThat(x).as(where + " x").isNotNegative();
				assertThat(y).as(where + " y").isNotNegative();
				assertThat(w).as(where + " w").isPositive();
				assertThat(h).as(where + " h").isPositive();
				assertThat(x + w).as(where + " right edge").isLessThanOrEqualTo(24);
				for (int[] other : placed) {
					boolean overlaps = x < other[0] + other[2] && other[0] < x + w && y < other[1] + other[3]
							&& other[1] < y + h;
					assertThat(overlaps).as(where + " overlaps another panel").isFalse();
				}
				placed.add(new int[] { x, y, w, h });
			}
		}
	}

	@Test
	void everyMetricAQueryReadsIsAKnownMetric() {
		Set<String> known = KnownMetrics.all();
		List<String> unknown = new ArrayList<>();
		for (Dashboard dashboard : this.dashboards) {
			for (Dashboard.Query query : dashboard.queries()) {
				for (String name : PromQl.metricNames(query.expr())) {
					if (!known.contains(name)) {
						unknown.add(query.where() + ": " + name);
					}
				}
			}
		}
		assertThat(unknown).as("metrics not in KnownMetrics (a typo, or a metric to add there)").isEmpty();
	}

	@Test
	void everyKnownMetricIsReadByADashboard() {
		Set<String> unused = new LinkedHashSet<>(KnownMetrics.all());
		for (Dashboard dashboard : this.dashboards) {
			dashboard.queries().forEach((query) -> unused.removeAll(PromQl.metricNames(query.expr())));
		}
		assertThat(unused).as("KnownMetrics lists what the dashboards read, nothing else").isEmpty();
	}

	@Test
	void everyQueryIsWellFormed() {
		List<String> problems = new ArrayList<>();
		for (Dashboard dashboard : this.dashboards) {
			for (Dashboard.Query query : dashboard.queries()) {
				if (query.expr().isEmpty() && query.where().contains(" variable ")) {
					continue;
				}
				PromQl.problems(query.expr()).forEach((problem) -> problems.add(query.where() + ": " + problem));
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyVariableAQueryUsesIsDefinedBeforeIt() {
		List<String> undefined = new ArrayList<>();
		for (Dashboard dashboard : this.dashboards) {
			Set<String> defined = new HashSet<>(BUILT_IN_VARIABLES);
			// A variable may use the ones above it (chained variables).
			for (Map<String, Object> variable : dashboard.variables()) {
				if ("query".equals(variable.get("type"))) {
					for (String used : PromQl.variables(Dashboard.variableQuery(variable))) {
						if (!defined.contains(used)) {
							undefined.add(dashboard.name() + " variable " + variable.get("name") + ": $" + used);
						}
					}
				}
				defined.add((String) variable.get("name"));
			}
			for (Dashboard.Query query : dashboard.queries()) {
				for (String used : PromQl.variables(query.expr())) {
					if (!defined.contains(used)) {
						undefined.add(query.where() + ": $" + used);
					}
				}
			}
		}
		assertThat(undefined).isEmpty();
	}

	private static void assertProvisionedDatasource(Object datasource, String where) {
		Map<String, Object> map = Yamls.map(datasource, where + " datasource");
		assertThat(map).as(where + " datasource")
			.containsEntry("type", "prometheus")
			.containsEntry("uid", DeployFiles.DATASOURCE_UID);
	}

}
