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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
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
 * Tests for {@code docker-compose.yml}: every app of the launcher's topology is a
 * service, built from the one image recipe, checked for health, limited in memory and
 * started after what it depends on; only the gateway is published to everyone.
 *
 * @author Trellis authors
 */
class ComposeFileTests {

	/** Published on 127.0.0.1 for local development: UIs, and the issuer's sign-in. */
	private static final Set<String> LOCAL_UIS = Set.of("auth-server", "discovery", "zipkin", "grafana");

	/** The heap the apps' resident memory was measured with (docs/deployment.md). */
	private static final long MEASURED_HEAP_MB = 256;

	private static final Pattern MEMORY = Pattern.compile("(\\d+)([kKmMgG])");

	private static final Pattern DATABASE = Pattern
		.compile("(?m)^create\\s+(\\S+)\\s+(\\S+)\\s+\"\\$\\{([A-Z0-9_]+):-}\"$");

	private final ComposeFile compose = ComposeFile.load();

	private final Topology topology = Topology.standard();

	private final List<ComponentSpec> apps = this.topology.applications();

	@Test
	void theTopologyHasTheAppsOfThePlatform() {
		// Guards the tests below against an empty or unexpected list.
		assertThat(this.apps).extracting(ComponentSpec::name)
			.contains("config-server", "discovery", "auth-server", "gateway", "catalog-service", "inventory-service",
					"order-service", "notification-service");
	}

	@Test
	void everyComponentOfTheTopologyIsAService() {
		assertThat(this.compose.services()).containsKeys(this.topology.names().toArray(String[]::new));
	}

	@Test
	void everyAppIsBuiltFromItsJarWithTheOneImageRecipe() {
		for (ComponentSpec app : this.apps) {
			Map<String, Object> service = this.compose.service(app.name());
			assertThat(service.get("image")).as(app.name()).isEqualTo("trellis/" + app.name() + ":${TRELLIS_TAG:-dev}");
			Map<String, Object> build = Yamls.map(service.get("build"), app.name() + ".build");
			assertThat(Path.of(String.valueOf(build.get("context"))).normalize()).as(app.name()).isEqualTo(Path.of(""));
			assertThat(build.getOrDefault("dockerfile", "Dockerfile")).as(app.name()).isEqualTo("Dockerfile");
			assertThat(Yamls.map(build.get("args"), app.name() + ".build.args")).as(app.name())
				.containsExactly(Map.entry("JAR", app.jar()));
		}
	}

	@Test
	void everyAppIsHealthyWhenItsReadinessSaysSo() {
		for (ComponentSpec app : this.apps) {
			Map<String, Object> healthcheck = Yamls.map(this.compose.service(app.name()).get("healthcheck"),
					app.name() + ".healthcheck");
			// deploy/docker/healthcheck <port> asks /actuator/health/readiness by
			// default.
			assertThat(healthcheck.get("test")).as(app.name())
				.isEqualTo(List.of("CMD", "healthcheck", Integer.toString(app.defaultPort())));
			assertThat(healthcheck).as(app.name()).containsKeys("interval", "timeout", "retries", "start_period");
		}
	}

	@Test
	void everyServiceHasAMemoryLimit() {
		for (String service : this.compose.services().keySet()) {
			String limit = this.compose.memoryLimit(service);
			assertThat(limit).as(service + " deploy.resources.limits.memory").isNotNull().matches(MEMORY);
		}
	}

	@Test
	void everyAppsHeapIsAtLeastTheHeapItsMemoryWasMeasuredWith() {
		// The limits come from resident memory measured with a 256 MB heap
		// (docs/deployment.md); the image gives the heap a share of the limit.
		Matcher share = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)")
			.matcher(DeployFiles.read(ProjectFiles.DOCKERFILE));
		assertThat(share.find()).as("the Dockerfile's MaxRAMPercentage").isTrue();
		int percent = Integer.parseInt(share.group(1));
		for (ComponentSpec app : this.apps) {
			assertThat(megabytes(this.compose.memoryLimit(app.name())) * percent / 100).as(app.name() + "'s heap in MB")
				.isGreaterThanOrEqualTo(MEASURED_HEAP_MB);
		}
	}

	@Test
	void everyAppStartsOnceWhatItDependsOnIsHealthy() {
		for (ComponentSpec app : this.apps) {
			Map<String, String> dependsOn = this.compose.dependsOn(app.name());
			for (String dependency : app.dependsOn()) {
				assertThat(dependsOn).as(app.name() + " depends_on").containsEntry(dependency, "service_healthy");
				assertThat(this.compose.service(dependency)).as(dependency + ", which " + app.name() + " waits for")
					.containsKey("healthcheck");
			}
		}
	}

	@Test
	void everyServiceRestartsUnlessStopped() {
		this.compose.services()
			.forEach((name, service) -> assertThat(Yamls.map(service, name)).as(name)
				.containsEntry("restart", "unless-stopped"));
	}

	@Test
	void noServiceHasAFixedContainerName() {
		// A fixed name (or a host port) would stop docker compose up --scale.
		this.compose.services()
			.forEach((name, service) -> assertThat(Yamls.map(service, name)).as(name)
				.doesNotContainKey("container_name"));
	}

	@Test
	void inventoryServiceScalesWithoutAHostPort() {
		assertThat(this.compose.ports("inventory-service")).isEmpty();
		assertThat(this.compose.service("inventory-service")).doesNotContainKey("container_name");
	}

	@Test
	void onlyTheGatewayIsPublishedToEveryoneAndLocalUisToThisMachine() {
		Map<String, List<Object>> published = new LinkedHashMap<>();
		this.compose.services().keySet().forEach((name) -> {
			List<Object> ports = this.compose.ports(name);
			if (!ports.isEmpty()) {
				published.put(name, ports);
			}
		});
		Set<String> expected = new TreeSet<>(LOCAL_UIS);
		expected.add("gateway");
		assertThat(new TreeSet<>(published.keySet())).isEqualTo(expected);
		assertThat(published.get("gateway")).containsExactly("8080:8080");
		LOCAL_UIS.forEach((name) -> assertThat(published.get(name)).as(name)
			.allSatisfy((port) -> assertThat(String.valueOf(port)).startsWith("127.0.0.1:")));
	}

	@Test
	void theConfigServerServesTheMountedConfigRepo() {
		Map<String, String> environment = this.compose.environment(Platform.CONFIG_SERVER);
		assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "native");
		String location = environment.get("TRELLIS_CONFIG_NATIVE_LOCATION");
		assertThat(location).startsWith("file:");
		String mountPoint = Path.of(location.substring("file:".length())).normalize().toString();
		List<Object> volumes = Yamls.list(this.compose.service(Platform.CONFIG_SERVER).get("volumes"),
				"config-server.volumes");
		assertThat(volumes).anySatisfy((volume) -> {
			String[] parts = String.valueOf(volume).split(":");
			assertThat(Path.of(parts[0]).normalize()).isEqualTo(Path.of("config-repo"));
			assertThat(parts[1]).isEqualTo(mountPoint);
		});
	}

	@Test
	void thePostgresInitScriptCreatesEveryDatabaseOfTheTopology() {
		Map<String, Database> databases = databases();
		assertThat(databases.keySet()).containsExactlyInAnyOrderElementsOf(Topology.DATABASES);
		Map<String, String> postgres = this.compose.environment("postgres");
		databases.values()
			.forEach((database) -> assertThat(postgres).as("postgres environment")
				.containsEntry(database.passwordVariable(),
						"${" + database.passwordVariable() + ":?set in .env, see .env.example}"));
		List<Object> volumes = Yamls.list(this.compose.service("postgres").get("volumes"), "postgres.volumes");
		assertThat(volumes).map(String::valueOf)
			.contains("./deploy/docker/postgres/init-databases.sh:/docker-entrypoint-initdb.d/init-databases.sh:ro");
	}

	@Test
	void everyServiceWithADatabaseConnectsAsTheOwnerTheInitScriptCreates() {
		Map<String, Database> databases = databases();
		for (ComponentSpec app : this.apps) {
			if (!app.dependsOn().contains("postgres")) {
				continue;
			}
			AppConfiguration configuration = AppConfiguration.of(app, List.of("docker"));
			String url = fallback(configuration.property("spring.datasource.url"));
			Matcher matcher = Pattern.compile("jdbc:postgresql://postgres:5432/(\\w+)").matcher(url);
			assertThat(matcher.matches()).as(app.name() + " connects to the compose PostgreSQL: " + url).isTrue();
			Database database = databases.get(matcher.group(1));
			assertThat(database).as(app.name() + "'s database " + matcher.group(1)).isNotNull();
			assertThat(fallback(configuration.property("spring.datasource.username"))).as(app.name())
				.isEqualTo(database.owner());
			String password = Placeholders.of(configuration.property("spring.datasource.password")).get(0).name();
			assertThat(password).as(app.name() + "'s password variable").isEqualTo(database.passwordVariable());
			assertThat(this.compose.environment(app.name())).as(app.name()).containsKey(password);
		}
	}

	private static String fallback(String value) {
		assertThat(value).isNotNull();
		List<Placeholders.Placeholder> placeholders = Placeholders.of(value);
		return placeholders.isEmpty() ? value : placeholders.get(0).fallback();
	}

	private static Map<String, Database> databases() {
		Map<String, Database> databases = new LinkedHashMap<>();
		Matcher matcher = DATABASE.matcher(DeployFiles.read(ProjectFiles.POSTGRES_INIT));
		while (matcher.find()) {
			databases.put(matcher.group(1), new Database(matcher.group(1), matcher.group(2), matcher.group(3)));
		}
		return databases;
	}

	private static long megabytes(String limit) {
		Matcher matcher = MEMORY.matcher(limit);
		assertThat(matcher.matches()).as(limit).isTrue();
		long value = Long.parseLong(matcher.group(1));
		return switch (Character.toLowerCase(matcher.group(2).charAt(0))) {
			case 'k' -> value / 1024;
			case 'g' -> value * 1024;
			default -> value;
		};
	}

	private record Database(String name, String owner, String passwordVariable) {
	}

}
