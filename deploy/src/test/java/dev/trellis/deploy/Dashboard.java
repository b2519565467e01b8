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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Grafana dashboard file as parsed JSON, with its panels (rows' nested panels included)
 * and the queries of its panels and template variables.
 *
 * @param file the file
 * @param json the parsed document
 * @author Trellis authors
 */
record Dashboard(Path file, Map<String, Object> json) {

	String name() {
		return this.file.getFileName().toString();
	}

	String uid() {
		return Yamls.string(this.json, "uid", name());
	}

	String title() {
		return Yamls.string(this.json, "title", name());
	}

	/**
	 * Returns every panel, rows included, and the panels of collapsed rows.
	 * @return the panels
	 */
	List<Map<String, Object>> panels() {
		List<Map<String, Object>> panels = new ArrayList<>();
		for (Object panel : Yamls.list(this.json, "panels", name())) {
			Map<String, Object> map = Yamls.map(panel, name() + " panel");
			panels.add(map);
			for (Object nested : Yamls.listOrEmpty(map, "panels", name())) {
				panels.add(Yamls.map(nested, name() + " row panel"));
			}
		}
		return panels;
	}

	List<Map<String, Object>> queryPanels() {
		return panels().stream().filter((panel) -> !"row".equals(panel.get("type"))).toList();
	}

	List<Map<String, Object>> variables() {
		Map<String, Object> templating = Yamls.map(this.json, "templating", name());
		return Yamls.list(templating, "list", name() + ".templating")
			.stream()
			.map((variable) -> Yamls.map(variable, name() + " variable"))
			.toList();
	}

	/**
	 * Returns every PromQL expression of the dashboard: the targets of its panels and the
	 * selectors of its query variables, each with where it comes from.
	 * @return the queries
	 */
	List<Query> queries() {
		List<Query> queries = new ArrayList<>();
		for (Map<String, Object> panel : queryPanels()) {
			for (Object target : Yamls.listOrEmpty(panel, "targets", name())) {
				Map<String, Object> map = Yamls.map(target, name() + " target");
				if (map.get("expr") instanceof String expr) {
					queries.add(new Query(name() + " panel '" + panel.get("title") + "'", expr));
				}
			}
		}
		for (Map<String, Object> variable : variables()) {
			if ("query".equals(variable.get("type"))) {
				queries.add(new Query(name() + " variable '" + variable.get("name") + "'",
						PromQl.labelValuesSelector(variableQuery(variable))));
			}
		}
		return queries;
	}

	static String variableQuery(Map<String, Object> variable) {
		Object query = variable.get("query");
		if (query instanceof Map<?, ?> map && map.get("query") instanceof String text) {
			return text;
		}
		if (query instanceof String text) {
			return text;
		}
		throw new AssertionError("Variable " + variable.get("name") + " has no query: " + query);
	}

	/**
	 * A PromQL expression of a dashboard.
	 *
	 * @param where the dashboard and panel or variable
	 * @param expr the expression
	 */
	record Query(String where, String expr) {

	}

}
