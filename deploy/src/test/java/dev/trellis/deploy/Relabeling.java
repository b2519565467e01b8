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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus's target relabeling, for the actions the scrape configuration uses, so that
 * a test can feed it a target as service discovery would and see what is scraped under
 * which labels. An action it does not know fails the test rather than being skipped.
 *
 * @author Trellis authors
 */
final class Relabeling {

	private Relabeling() {
	}

	/**
	 * Applies relabel configurations to a target's labels.
	 * @param configs the {@code relabel_configs} of a job
	 * @param labels the labels of a discovered target
	 * @return the labels after relabeling, or empty when the target is dropped
	 */
	static Optional<Map<String, String>> apply(List<Object> configs, Map<String, String> labels) {
		Map<String, String> result = new LinkedHashMap<>(labels);
		for (Object entry : configs) {
			Map<String, Object> config = Yamls.map(entry, "relabel config");
			String action = (String) config.getOrDefault("action", "replace");
			String value = sourceValue(config, result);
			// Prometheus anchors every relabeling regex at both ends.
			Matcher matcher = Pattern.compile("^(?:" + config.getOrDefault("regex", "(.*)") + ")$").matcher(value);
			switch (action) {
				case "keep" -> {
					if (!matcher.matches()) {
						return Optional.empty();
					}
				}
				case "drop" -> {
					if (matcher.matches()) {
						return Optional.empty();
					}
				}
				case "replace" -> {
					if (matcher.matches()) {
						String replacement = String.valueOf(config.getOrDefault("replacement", "$1"))
							.replaceAll("\\$\\{(\\d+)}", "\\$$1");
						set(result, targetLabel(config), matcher.replaceFirst(replacement));
					}
				}
				case "lowercase" -> set(result, targetLabel(config), value.toLowerCase(Locale.ROOT));
				case "uppercase" -> set(result, targetLabel(config), value.toUpperCase(Locale.ROOT));
				default -> throw new AssertionError("Relabel action '" + action + "' is not simulated by this test");
			}
		}
		return Optional.of(result);
	}

	private static String sourceValue(Map<String, Object> config, Map<String, String> labels) {
		List<Object> sources = Yamls.listOrEmpty(config, "source_labels", "relabel config");
		String separator = String.valueOf(config.getOrDefault("separator", ";"));
		return String.join(separator,
				sources.stream().map((source) -> labels.getOrDefault(String.valueOf(source), "")).toList());
	}

	private static String targetLabel(Map<String, Object> config) {
		return Yamls.string(config, "target_label", "relabel config");
	}

	private static void set(Map<String, String> labels, String name, String value) {
		if (value.isEmpty()) {
			labels.remove(name);
		}
		else {
			labels.put(name, value);
		}
	}

}
