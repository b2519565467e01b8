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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.trellis.deploy.AppConfiguration;
import dev.trellis.deploy.DeployFiles;
import dev.trellis.deploy.Placeholders;
import dev.trellis.deploy.Yamls;
import dev.trellis.launcher.ComponentSpec;
import dev.trellis.launcher.Platform;
import dev.trellis.launcher.Topology;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the environment {@code docker-compose.yml} gives the apps: every variable is
 * one the app's configuration ({@code config-repo/} with the docker profile) reads, every
 * variable it requires is given, every secret is a reference to {@code .env} (never a
 * value), and {@code .env.example} names every variable compose reads, with no secret.
 *
 * @author Trellis authors
 */
class ComposeEnvironmentTests {

	/** Names of variables holding secrets. */
	private static final Pattern SECRET = Pattern.compile(".*(PASSWORD|SECRET|ENCRYPT_KEY).*");

	/** The only way a secret may appear in the compose file: a required variable. */
	private static final Pattern REQUIRED_REFERENCE = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:\\?[^}]*}");

	private final ComposeFile compose = ComposeFile.load();

	private final List<ComponentSpec> apps = Topology.standard().applications();

	@Test
	void everyAppButTheConfigServerRunsWithTheDockerProfile() {
		for (ComponentSpec app : this.apps) {
			if (!app.name().equals(Platform.CONFIG_SERVER)) {
				assertThat(this.compose.environment(app.name())).as(app.name())
					.containsEntry("SPRING_PROFILES_ACTIVE", "docker");
			}
		}
	}

	@Test
	void everyVariableGivenToAnAppIsOneItsConfigurationReads() {
		for (ComponentSpec app : this.apps) {
			Set<String> read = configuration(app).variablesRead();
			assertThat(this.compose.environment(app.name()).keySet()).as(app.name() + " reads only " + read)
				.isSubsetOf(read);
		}
	}

	@Test
	void everyVariableAnAppRequiresIsGiven() {
		for (ComponentSpec app : this.apps) {
			assertThat(this.compose.environment(app.name()).keySet()).as(app.name())
				.containsAll(configuration(app).variablesRequired());
		}
	}

	@Test
	void everyAppCanFetchItsConfigurationWithTheConfigServersCredential() {
		Map<String, String> server = this.compose.environment(Platform.CONFIG_SERVER);
		for (ComponentSpec app : this.apps) {
			if (!app.name().equals(Platform.CONFIG_SERVER)) {
				Map<String, String> environment = this.compose.environment(app.name());
				assertThat(environment).as(app.name())
					.containsEntry("CONFIG_SERVER_URL", "http://config-server:8888")
					.containsEntry("CONFIG_SERVER_USER", server.get("CONFIG_SERVER_USER"))
					.containsEntry("CONFIG_SERVER_PASSWORD", server.get("CONFIG_SERVER_PASSWORD"));
			}
		}
	}

	@Test
	void secretsAreReferencesToTheEnvironmentNeverValues() {
		List<String> written = new ArrayList<>();
		for (String service : this.compose.services().keySet()) {
			this.compose.environment(service).forEach((name, value) -> {
				if (SECRET.matcher(name).matches() && !REQUIRED_REFERENCE.matcher(value).matches()) {
					written.add(service + ": " + name + "=" + value);
				}
			});
		}
		assertThat(written).as("secrets must be ${NAME:?message}, with no default").isEmpty();
	}

	@Test
	void everyVariableComposeReadsIsInTheExampleEnvironment() {
		Set<String> names = new LinkedHashSet<>();
		scalars(this.compose.services(), names);
		this.compose.section("secrets")
			.forEach((secret, source) -> names.add(String.valueOf(Yamls.map(source, secret).get("environment"))));
		assertThat(ProjectFiles.envFile(ProjectFiles.ENV_EXAMPLE)).containsKeys(names.toArray(String[]::new));
	}

	@Test
	void theExampleEnvironmentHoldsNoSecret() {
		ProjectFiles.envFile(ProjectFiles.ENV_EXAMPLE).forEach((name, value) -> {
			if (SECRET.matcher(name).matches()) {
				assertThat(value).as(name + " in .env.example").isEmpty();
			}
		});
	}

	@Test
	void theEnvironmentFileIsNeverCommitted() {
		assertThat(DeployFiles.read(ProjectFiles.GITIGNORE).lines().map(String::strip)).contains(".env");
	}

	private static AppConfiguration configuration(ComponentSpec app) {
		// The profiles the app runs with in compose.
		String profiles = ComposeFile.load().environment(app.name()).getOrDefault("SPRING_PROFILES_ACTIVE", "");
		return AppConfiguration.of(app, Arrays.asList(profiles.split(",")));
	}

	/**
	 * Collects the variables of Compose's interpolation in every string of a tree.
	 */
	private static void scalars(Object value, Set<String> names) {
		if (value instanceof Map<?, ?> map) {
			map.values().forEach((child) -> scalars(child, names));
		}
		else if (value instanceof List<?> list) {
			list.forEach((child) -> scalars(child, names));
		}
		else if (value instanceof String text) {
			Placeholders.of(text).forEach((placeholder) -> names.add(placeholder.name()));
		}
	}

}
