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
package dev.trellis.launcher;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Topology}.
 *
 * @author Trellis authors
 */
class TopologyTests {

	@Test
	void standardTopologyStartsInfrastructureAndConfigServerFirst() {
		List<List<String>> waves = Topology.standard()
			.waves()
			.stream()
			.map((wave) -> wave.stream().map(ComponentSpec::name).toList())
			.toList();
		assertThat(waves).containsExactly(
				List.of("postgres", "redis", "kafka", "zipkin", "config-server"), List.of("discovery", "auth-server",
						"gateway", "catalog-service", "inventory-service", "notification-service"),
				List.of("order-service"));
	}

	@Test
	void applicationsAreTheSpringBootAppsWithoutTheInfrastructure() {
		assertThat(Topology.standard().applications()).extracting(ComponentSpec::name)
			.containsExactly("config-server", "discovery", "auth-server", "gateway", "catalog-service",
					"inventory-service", "notification-service", "order-service");
	}

	@Test
	void zipkinIsInfrastructureThatNoApplicationWaitsFor() {
		Topology topology = Topology.standard();
		ComponentSpec zipkin = topology.component("zipkin");
		assertThat(zipkin.kind()).isEqualTo(ComponentSpec.Kind.INFRASTRUCTURE);
		assertThat(zipkin.defaultPort()).isEqualTo(9411);
		assertThat(zipkin.arguments()).containsSubsequence("--jar", "${root}/launcher/target/infra/zipkin-server.jar");
		assertThat(topology.components())
			.allSatisfy((component) -> assertThat(component.dependsOn()).doesNotContain("zipkin"));
	}

	@Test
	void orderServiceStartsAfterTheServicesItCallsAndStopsBeforeThem() {
		Topology topology = Topology.standard();
		assertThat(topology.component("order-service").dependsOn()).contains("catalog-service", "inventory-service");
		assertThat(topology.stopOrder("order-service")).isGreaterThan(topology.stopOrder("catalog-service"))
			.isGreaterThan(topology.stopOrder("inventory-service"));
	}

	@Test
	void everyServiceIsRoutedByTheGateway() {
		Topology topology = Topology.standard();
		assertThat(topology.component("inventory-service").gatewayRoute()).startsWith("/api/inventory/");
		assertThat(topology.component("order-service").gatewayRoute()).startsWith("/api/orders");
		assertThat(topology.component("notification-service").gatewayRoute()).startsWith("/api/notifications");
	}

	@Test
	void standardTopologyMatchesThePlatformContract() {
		Topology topology = Topology.standard();
		assertThat(topology.component("gateway").dependsOn()).containsExactly("config-server", "redis");
		assertThat(topology.component("catalog-service").jar())
			.isEqualTo("sample-services/catalog-service/target/catalog-service.jar");
		assertThat(topology.component("catalog-service").defaultPort()).isEqualTo(8081);
		assertThat(topology.component("catalog-service").gatewayRoute()).isEqualTo("/api/catalog/products?size=1");
		assertThat(topology.component("auth-server").defaultPort()).isEqualTo(9000);
		assertThat(topology.component("auth-server").dependsOn()).containsExactly("config-server");
		assertThat(topology.component("postgres").defaultPort()).isEqualTo(15432);
		assertThat(topology.component("postgres").arguments()).contains("catalog,inventory,orders,notifications");
		assertThat(topology.component("redis").isScalable()).isFalse();
		assertThat(topology.component("gateway").isScalable()).isTrue();
	}

	@Test
	void kafkaIsInfrastructureThatNoServiceWaitsFor() {
		Topology topology = Topology.standard();
		ComponentSpec kafka = topology.component("kafka");
		assertThat(kafka.kind()).isEqualTo(ComponentSpec.Kind.INFRASTRUCTURE);
		assertThat(kafka.defaultPort()).isEqualTo(19092);
		assertThat(kafka.scheme()).isEqualTo("kafka");
		assertThat(kafka.arguments()).containsSubsequence("--controller-port", "19093")
			.containsSubsequence("--data", "${home}/data/kafka");
		assertThat(kafka.jvmOptions()).containsExactly("-Xmx384m");
		assertThat(topology.components()).noneMatch((component) -> component.dependsOn().contains("kafka"));
	}

	@Test
	void kafkaStopsAfterTheApplications() {
		Topology topology = Topology.standard();
		assertThat(topology.stopOrder("kafka")).isZero();
		assertThat(topology.stopOrder("order-service")).isGreaterThan(topology.stopOrder("kafka"));
		assertThat(topology.stopOrder("notification-service")).isGreaterThan(topology.stopOrder("kafka"));
	}

	@Test
	void depthFollowsTheLongestDependencyChain() {
		Topology topology = Topology.builder()
			.add(app("a", 1))
			.add(app("b", 2, "a"))
			.add(app("c", 3, "b", "a"))
			.add(app("d", 4))
			.build();
		assertThat(topology.depth("a")).isZero();
		assertThat(topology.depth("b")).isEqualTo(1);
		assertThat(topology.depth("c")).isEqualTo(2);
		assertThat(topology.depth("d")).isZero();
		assertThat(topology.withDependencies(List.of("c"))).containsExactly("a", "b", "c");
	}

	@Test
	void theRegistryIsStoppedAfterTheApplicationsThatUseIt() {
		Topology topology = Topology.standard();
		assertThat(topology.depth("discovery")).isEqualTo(topology.depth("gateway"));
		assertThat(topology.stopOrder("gateway")).isGreaterThan(topology.stopOrder("discovery"));
		assertThat(topology.stopOrder("catalog-service")).isGreaterThan(topology.stopOrder("discovery"));
		assertThat(topology.stopOrder("discovery")).isGreaterThan(topology.stopOrder("config-server"));
		assertThat(topology.stopOrder("postgres")).isZero();
	}

	@Test
	void cyclesAreRejected() {
		Topology.Builder builder = Topology.builder().add(app("a", 1, "c")).add(app("b", 2, "a")).add(app("c", 3, "b"));
		assertThatIllegalArgumentException().isThrownBy(builder::build)
			.withMessage("Dependency cycle: a -> c -> b -> a");
	}

	@Test
	void unknownDependenciesAndSharedPortsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Topology.builder().add(app("a", 1, "x")).build())
			.withMessage("a depends on unknown component 'x'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Topology.builder().add(app("a", 1)).add(app("b", 1)).build())
			.withMessage("b and a both use port 1");
	}

	@Test
	void unknownComponentsAreReportedWithTheKnownNames() {
		assertThatExceptionOfType(PlatformException.class).isThrownBy(() -> Topology.standard().component("nope"))
			.withMessage("Unknown component 'nope'; known: postgres, redis, kafka, zipkin, config-server, discovery, "
					+ "auth-server, gateway, catalog-service, inventory-service, notification-service, order-service");
	}

	private static ComponentSpec app(String name, int port, String... dependsOn) {
		return ComponentSpec.application(name, port, name + ".jar", dependsOn);
	}

}
