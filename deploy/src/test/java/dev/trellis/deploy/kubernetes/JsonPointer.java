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

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Finds the field a JSON pointer (RFC 6901) names in an object, as kustomize's JSON
 * patches address them.
 *
 * @author Trellis authors
 */
final class JsonPointer {

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private JsonPointer() {
	}

	static Optional<Object> find(HasMetadata object, String pointer) {
		Object node = SERIALIZATION.convertValue(object, Map.class);
		for (String token : pointer.substring(1).split("/")) {
			String key = token.replace("~1", "/").replace("~0", "~");
			if (node instanceof Map<?, ?> map && map.containsKey(key)) {
				node = map.get(key);
			}
			else if (node instanceof List<?> list && key.matches("\\d+") && Integer.parseInt(key) < list.size()) {
				node = list.get(Integer.parseInt(key));
			}
			else {
				return Optional.empty();
			}
		}
		return Optional.ofNullable(node);
	}

}
