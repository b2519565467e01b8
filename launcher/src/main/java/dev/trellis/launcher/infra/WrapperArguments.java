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
package dev.trellis.launcher.infra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} arguments of an infrastructure wrapper.
 *
 * @author Trellis authors
 */
final class WrapperArguments {

	private final Map<String, String> values;

	private WrapperArguments(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * Parses arguments.
	 * @param arguments the arguments
	 * @param known the accepted names (without dashes)
	 * @return the parsed arguments
	 * @throws IllegalArgumentException for an unknown name or a missing value
	 */
	static WrapperArguments parse(String[] arguments, Set<String> known) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < arguments.length; i++) {
			String argument = arguments[i];
			if (!argument.startsWith("--") || !known.contains(argument.substring(2))) {
				throw new IllegalArgumentException(
						"Unknown argument '" + argument + "'; expected --" + String.join(", --", known));
			}
			if (i + 1 >= arguments.length) {
				throw new IllegalArgumentException("Missing value for " + argument);
			}
			values.put(argument.substring(2), arguments[++i]);
		}
		return new WrapperArguments(values);
	}

	String required(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("Missing --" + name);
		}
		return value;
	}

	String get(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	int port() {
		return Integer.parseInt(required("port"));
	}

	Path path(String name) {
		return Path.of(required(name)).toAbsolutePath();
	}

}
