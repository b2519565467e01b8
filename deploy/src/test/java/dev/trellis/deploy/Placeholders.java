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
import java.util.List;

/**
 * The {@code ${NAME}} and {@code ${NAME:default}} placeholders of a configuration value,
 * as Spring resolves them (nested ones in defaults included), and of Compose's
 * interpolation ({@code ${NAME:-default}}, {@code ${NAME:?message}}; {@code $$} is a
 * literal dollar).
 *
 * @author Trellis authors
 */
public final class Placeholders {

	private Placeholders() {
	}

	/**
	 * Returns the placeholders of a value, outermost first.
	 * @param value the value
	 * @return the placeholders
	 */
	public static List<Placeholder> of(String value) {
		List<Placeholder> result = new ArrayList<>();
		collect(value, true, result);
		return result;
	}

	private static void collect(String value, boolean outermost, List<Placeholder> result) {
		int index = 0;
		while ((index = value.indexOf("${", index)) >= 0) {
			if (index > 0 && value.charAt(index - 1) == '$') {
				// Compose's $${NAME}: a literal, left to the container's shell.
				index += 2;
				continue;
			}
			int end = closing(value, index + 2);
			String body = value.substring(index + 2, end);
			int colon = body.indexOf(':');
			String name = (colon < 0) ? body : body.substring(0, colon);
			String fallback = (colon < 0) ? null : body.substring(colon + 1);
			result.add(new Placeholder(name, fallback, outermost));
			if (fallback != null) {
				collect(fallback, false, result);
			}
			index = end + 1;
		}
	}

	private static int closing(String value, int from) {
		int depth = 1;
		for (int i = from; i < value.length(); i++) {
			if (value.startsWith("${", i)) {
				depth++;
				i++;
			}
			else if (value.charAt(i) == '}' && --depth == 0) {
				return i;
			}
		}
		throw new AssertionError("Unclosed placeholder in " + value);
	}

	/**
	 * One placeholder.
	 *
	 * @param name what it reads: an environment variable when in upper case
	 * @param fallback what follows the colon, or {@code null} when there is none (for
	 * Compose: {@code -default} or {@code ?message})
	 * @param outermost whether it is not nested in another one's default
	 */
	public record Placeholder(String name, String fallback, boolean outermost) {

		public boolean isEnvironmentVariable() {
			return this.name.matches("[A-Z][A-Z0-9_]*");
		}

		/**
		 * Whether Spring fails without the variable: an outermost placeholder without a
		 * default.
		 * @return whether it is required
		 */
		public boolean isRequired() {
			return this.outermost && this.fallback == null;
		}

	}

}
