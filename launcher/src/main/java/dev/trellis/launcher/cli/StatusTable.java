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
package dev.trellis.launcher.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the table of processes printed by {@code up} and {@code status}.
 *
 * @author Trellis authors
 */
final class StatusTable {

	private static final List<String> HEADERS = List.of("APP", "INSTANCE", "URL", "PID", "HEALTH", "LOG");

	private StatusTable() {
	}

	/**
	 * Renders rows as left-aligned columns separated by two spaces, with a header line.
	 * @param rows the rows
	 * @return the table, one line per row, ending with a line separator
	 */
	static String render(List<Row> rows) {
		List<List<String>> cells = new ArrayList<>();
		cells.add(HEADERS);
		rows.forEach((row) -> cells.add(row.cells()));
		int[] widths = new int[HEADERS.size()];
		for (List<String> line : cells) {
			for (int i = 0; i < line.size(); i++) {
				widths[i] = Math.max(widths[i], line.get(i).length());
			}
		}
		StringBuilder table = new StringBuilder();
		for (List<String> line : cells) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < line.size(); i++) {
				text.append(line.get(i));
				if (i < line.size() - 1) {
					text.append(" ".repeat(widths[i] - line.get(i).length() + 2));
				}
			}
			table.append(text.toString().stripTrailing()).append(System.lineSeparator());
		}
		return table.toString();
	}

	/**
	 * One process.
	 *
	 * @param app the component name
	 * @param instance the instance number
	 * @param url the URL
	 * @param pid the pid
	 * @param health the health ({@code healthy}, {@code UNHEALTHY}, {@code FROZEN},
	 * {@code NOT RUNNING})
	 * @param log the log file
	 */
	record Row(String app, int instance, String url, long pid, String health, String log) {

		List<String> cells() {
			return List.of(this.app, Integer.toString(this.instance), this.url, Long.toString(this.pid), this.health,
					this.log);
		}

	}

}
