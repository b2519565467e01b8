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

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trellis.deploy.DeployFiles;
import dev.trellis.deploy.Yamls;

/**
 * The project's files around {@code docker-compose.yml}, read as Compose reads them.
 * Tests run in the deploy module's directory.
 *
 * @author Trellis authors
 */
final class ProjectFiles {

	static final Path ROOT = Path.of("..");

	static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");

	static final Path DOCKERFILE = ROOT.resolve("Dockerfile");

	static final Path ENV_EXAMPLE = ROOT.resolve(".env.example");

	static final Path GITIGNORE = ROOT.resolve(".gitignore");

	static final Path POSTGRES_INIT = ROOT.resolve("deploy/docker/postgres/init-databases.sh");

	private ProjectFiles() {
	}

	static Map<String, Object> yaml(Path path) {
		List<Object> documents = DeployFiles.yamlDocuments(path);
		if (documents.size() != 1) {
			throw new AssertionError(path + " has " + documents.size() + " documents, expected one");
		}
		return Yamls.map(documents.get(0), path.toString());
	}

	/**
	 * The {@code NAME=value} lines of an env file, in order; comments and blank lines
	 * left out.
	 * @param path the file
	 * @return the values by name
	 */
	static Map<String, String> envFile(Path path) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : DeployFiles.read(path).lines().toList()) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int equals = trimmed.indexOf('=');
			if (equals < 1) {
				throw new AssertionError(path + ": not NAME=value: " + line);
			}
			values.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
		}
		return values;
	}

}
