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
package dev.trellis.deploy.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trellis.deploy.DeployFiles;
import dev.trellis.deploy.Yamls;

/**
 * {@code docker-compose.yml}, parsed, with typed access to its services.
 *
 * @author Trellis authors
 */
final class ComposeFile {

	private final Map<String, Object> file;

	private ComposeFile(Map<String, Object> file) {
		this.file = file;
	}

	static ComposeFile load() {
		return new ComposeFile(ProjectFiles.yaml(ProjectFiles.COMPOSE_FILE));
	}

	String text() {
		return DeployFiles.read(ProjectFiles.COMPOSE_FILE);
	}

	Map<String, Object> services() {
		return Yamls.map(this.file.get("services"), "services");
	}

	Map<String, Object> service(String name) {
		Object service = services().get(name);
		if (service == null) {
			throw new AssertionError("docker-compose.yml has no service " + name + "; it has " + services().keySet());
		}
		return Yamls.map(service, "services." + name);
	}

	Map<String, Object> section(String name) {
		Object section = this.file.get(name);
		return (section != null) ? Yamls.map(section, name) : Map.of();
	}

	/**
	 * The environment of a service, in either of Compose's forms (a mapping or a list of
	 * {@code NAME=value}).
	 * @param service the service name
	 * @return the variables by name, values as written (before interpolation)
	 */
	Map<String, String> environment(String service) {
		Object environment = service(service).get("environment");
		Map<String, String> result = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> map) {
			map.forEach(
					(name, value) -> result.put(String.valueOf(name), (value != null) ? String.valueOf(value) : ""));
		}
		else if (environment instanceof List<?> list) {
			for (Object entry : list) {
				String text = String.valueOf(entry);
				int equals = text.indexOf('=');
				result.put((equals < 0) ? text : text.substring(0, equals),
						(equals < 0) ? "" : text.substring(equals + 1));
			}
		}
		return result;
	}

	/**
	 * What a service waits for before it starts, with the condition.
	 * @param service the service name
	 * @return conditions by service ({@code service_started} for the list form)
	 */
	Map<String, String> dependsOn(String service) {
		Object dependsOn = service(service).get("depends_on");
		Map<String, String> result = new LinkedHashMap<>();
		if (dependsOn instanceof List<?> list) {
			list.forEach((name) -> result.put(String.valueOf(name), "service_started"));
		}
		else if (dependsOn instanceof Map<?, ?> map) {
			map.forEach((name, settings) -> result.put(String.valueOf(name),
					String.valueOf(Yamls.map(settings, service + ".depends_on." + name).get("condition"))));
		}
		return result;
	}

	/**
	 * The memory limit of a service ({@code deploy.resources.limits.memory}).
	 * @param service the service name
	 * @return the limit as written, or {@code null}
	 */
	String memoryLimit(String service) {
		Object deploy = service(service).get("deploy");
		if (deploy == null) {
			return null;
		}
		Object resources = Yamls.map(deploy, service + ".deploy").get("resources");
		if (resources == null) {
			return null;
		}
		Object limits = Yamls.map(resources, service + ".deploy.resources").get("limits");
		return (limits != null) ? (String) Yamls.map(limits, service + ".deploy.resources.limits").get("memory") : null;
	}

	List<Object> ports(String service) {
		Object ports = service(service).get("ports");
		return (ports != null) ? Yamls.list(ports, service + ".ports") : List.of();
	}

}
