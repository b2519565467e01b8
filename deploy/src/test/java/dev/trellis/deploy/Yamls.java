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

import java.util.List;
import java.util.Map;

/**
 * Typed access to parsed YAML and JSON trees (maps, lists and scalars), failing with the
 * path of what is missing or of the wrong type.
 *
 * @author Trellis authors
 */
public final class Yamls {

	private Yamls() {
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> map(Object value, String where) {
		if (!(value instanceof Map)) {
			throw new AssertionError(where + " is not a mapping: " + value);
		}
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	public static List<Object> list(Object value, String where) {
		if (!(value instanceof List)) {
			throw new AssertionError(where + " is not a list: " + value);
		}
		return (List<Object>) value;
	}

	public static Map<String, Object> map(Map<String, Object> parent, String key, String where) {
		return map(parent.get(key), where + "." + key);
	}

	public static List<Object> list(Map<String, Object> parent, String key, String where) {
		return list(parent.get(key), where + "." + key);
	}

	public static List<Object> listOrEmpty(Map<String, Object> parent, String key, String where) {
		return parent.containsKey(key) ? list(parent, key, where) : List.of();
	}

	public static String string(Map<String, Object> parent, String key, String where) {
		Object value = parent.get(key);
		if (!(value instanceof String text)) {
			throw new AssertionError(where + "." + key + " is not a string: " + value);
		}
		return text;
	}

}
