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

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.trellis.launcher.infra.KafkaServer;
import dev.trellis.launcher.infra.PostgresServer;
import dev.trellis.launcher.infra.RedisServer;
import dev.trellis.launcher.infra.ZipkinServer;

/**
 * The components of the platform and how they depend on each other: the one table to
 * change when a service or a piece of infrastructure is added.
 *
 * @author Trellis authors
 */
public final class Topology {

	/** Databases created in the embedded PostgreSQL: one per service. */
	public static final List<String> DATABASES = List.of("catalog", "inventory", "orders", "notifications");

	private final Map<String, ComponentSpec> components;

	private final Map<String, Integer> depths;

	private final Map<String, Integer> stopOrders;

	private Topology(Map<String, ComponentSpec> components) {
		this.components = components;
		this.depths = depths(components, false);
		this.stopOrders = depths(components, true);
	}

	/**
	 * The platform as {@code ./trellis up} runs it.
	 * @return the standard topology
	 */
	public static Topology standard() {
		// @formatter:off
		return builder()
			.add(ComponentSpec.infrastructure("postgres", 15432, "postgresql", PostgresServer.class.getName(),
					List.of("--port", "${port}", "--data", "${home}/data/postgres",
							"--work", "${home}/cache/postgres", "--databases", String.join(",", DATABASES))))
			.add(ComponentSpec.infrastructure("redis", 16379, "redis", RedisServer.class.getName(),
					List.of("--port", "${port}", "--data", "${home}/data/redis", "--work", "${home}/cache/redis")))
			// Services start and serve without the broker (their outbox waits for it), so
			// none depends on it; it still starts in the first wave and stops after them.
			.add(ComponentSpec.infrastructure(Platform.KAFKA, 19092, "kafka", KafkaServer.class.getName(),
					List.of("--port", "${port}", "--controller-port", "19093", "--data", "${home}/data/kafka"))
				.withJvmOptions("-Xmx384m"))
			// Applications send spans to it when it runs (ZIPKIN_BASE_URL) and drop them
			// quietly while it is away, so none depends on it either.
			.add(ComponentSpec.infrastructure(Platform.ZIPKIN, 9411, "http", ZipkinServer.class.getName(),
					List.of("--port", "${port}", "--jar", "${root}/launcher/target/infra/zipkin-server.jar",
							"--data", "${home}/data/zipkin")))
			.add(ComponentSpec.application("config-server", 8888, "config-server/target/config-server.jar"))
			.add(ComponentSpec.application("discovery", 8761, "discovery/target/discovery.jar", "config-server"))
			.add(ComponentSpec.application("auth-server", 9000, "auth-server/target/auth-server.jar", "config-server")
				.withUses("discovery"))
			.add(ComponentSpec.application("gateway", 8080, "gateway/target/gateway.jar", "config-server", "redis")
				.withUses("discovery"))
			.add(ComponentSpec.application("catalog-service", 8081,
					"sample-services/catalog-service/target/catalog-service.jar", "config-server", "postgres")
				.withUses("discovery")
				.withGatewayRoute("/api/catalog/products?size=1"))
			.add(ComponentSpec.application("inventory-service", 8082,
					"sample-services/inventory-service/target/inventory-service.jar", "config-server", "postgres")
				.withUses("discovery")
				.withGatewayRoute("/api/inventory/stock/TRL-MUG-001"))
			.add(ComponentSpec.application("notification-service", 8084,
					"sample-services/notification-service/target/notification-service.jar", "config-server", "postgres")
				.withUses("discovery")
				.withGatewayRoute("/api/notifications?orderId=00000000-0000-0000-0000-000000000000"))
			// Started after the services it calls, so that its first orders find them;
			// stopped before them, so that it never calls a service that is gone.
			.add(ComponentSpec.application("order-service", 8083,
					"sample-services/order-service/target/order-service.jar", "config-server", "postgres",
					"catalog-service", "inventory-service")
				.withUses("discovery", "auth-server")
				.withGatewayRoute("/api/orders?size=1"))
			.build();
		// @formatter:on
	}

	/**
	 * Starts an empty topology (fake applications in tests, a subset of the platform).
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the components in the order they were declared.
	 * @return the components
	 */
	public List<ComponentSpec> components() {
		return List.copyOf(this.components.values());
	}

	/**
	 * Returns the applications (the Spring Boot apps, not the infrastructure) in the
	 * order they were declared: what an image, a compose service or a Deployment exists
	 * for.
	 * @return the applications
	 */
	public List<ComponentSpec> applications() {
		return this.components.values()
			.stream()
			.filter((component) -> component.kind() == ComponentSpec.Kind.APPLICATION)
			.toList();
	}

	/**
	 * Returns the component names in the order they were declared.
	 * @return the names
	 */
	public List<String> names() {
		return List.copyOf(this.components.keySet());
	}

	/**
	 * Finds a component.
	 * @param name the name
	 * @return the component, or empty
	 */
	public Optional<ComponentSpec> find(String name) {
		return Optional.ofNullable(this.components.get(name));
	}

	/**
	 * Returns a component.
	 * @param name the name
	 * @return the component
	 * @throws PlatformException when there is no such component
	 */
	public ComponentSpec component(String name) {
		return find(name).orElseThrow(() -> new PlatformException(
				"Unknown component '" + name + "'; known: " + String.join(", ", this.components.keySet())));
	}

	/**
	 * Returns the depth of a component in the dependency graph: 0 without dependencies,
	 * else one more than its deepest dependency. Processes are stopped deepest first.
	 * @param name the component name
	 * @return the depth
	 */
	public int depth(String name) {
		Integer depth = this.depths.get(name);
		if (depth == null) {
			throw new PlatformException("Unknown component '" + name + "'");
		}
		return depth;
	}

	/**
	 * Returns when a component is stopped: processes with a higher value are stopped
	 * first. Like {@link #depth} but counting the components it
	 * {@link ComponentSpec#uses() uses} as dependencies, so that the registry outlives
	 * its clients.
	 * @param name the component name
	 * @return the stop order
	 */
	public int stopOrder(String name) {
		Integer order = this.stopOrders.get(name);
		if (order == null) {
			throw new PlatformException("Unknown component '" + name + "'");
		}
		return order;
	}

	/**
	 * Groups the components by depth: every component of a wave depends only on
	 * components of earlier waves. (Startup follows the graph itself: a component starts
	 * as soon as its own dependencies are healthy.)
	 * @return the waves
	 */
	public List<List<ComponentSpec>> waves() {
		List<List<ComponentSpec>> waves = new ArrayList<>();
		for (ComponentSpec component : this.components.values()) {
			int depth = this.depths.get(component.name());
			while (waves.size() <= depth) {
				waves.add(new ArrayList<>());
			}
			waves.get(depth).add(component);
		}
		return waves.stream().map(List::copyOf).toList();
	}

	/**
	 * Returns the given components together with everything they depend on, in declared
	 * order.
	 * @param names the component names
	 * @return the names of the closure
	 */
	public Set<String> withDependencies(Collection<String> names) {
		Set<String> result = new HashSet<>();
		List<String> pending = new ArrayList<>(names);
		while (!pending.isEmpty()) {
			String name = pending.remove(pending.size() - 1);
			if (result.add(name)) {
				pending.addAll(component(name).dependsOn());
			}
		}
		Set<String> ordered = new LinkedHashSet<>();
		this.components.keySet().stream().filter(result::contains).forEach(ordered::add);
		return ordered;
	}

	private static Map<String, Integer> depths(Map<String, ComponentSpec> components, boolean withUses) {
		Map<String, Integer> depths = new HashMap<>();
		for (String name : components.keySet()) {
			depth(name, components, withUses, depths, new LinkedHashSet<>());
		}
		return depths;
	}

	private static int depth(String name, Map<String, ComponentSpec> components, boolean withUses,
			Map<String, Integer> depths, LinkedHashSet<String> path) {
		Integer known = depths.get(name);
		if (known != null) {
			return known;
		}
		if (!path.add(name)) {
			List<String> cycle = new ArrayList<>(path);
			cycle = cycle.subList(cycle.indexOf(name), cycle.size());
			throw new IllegalArgumentException("Dependency cycle: " + String.join(" -> ", cycle) + " -> " + name);
		}
		int depth = 0;
		ComponentSpec component = components.get(name);
		List<String> dependencies = new ArrayList<>(component.dependsOn());
		if (withUses) {
			dependencies.addAll(component.uses());
		}
		for (String dependency : dependencies) {
			if (!components.containsKey(dependency)) {
				throw new IllegalArgumentException(
						name + (component.dependsOn().contains(dependency) ? " depends on" : " uses")
								+ " unknown component '" + dependency + "'");
			}
			depth = Math.max(depth, depth(dependency, components, withUses, depths, path) + 1);
		}
		path.remove(name);
		depths.put(name, depth);
		return depth;
	}

	/**
	 * Builds a {@link Topology}.
	 */
	public static final class Builder {

		private final Map<String, ComponentSpec> components = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Adds a component, or replaces the one with the same name.
		 * @param component the component
		 * @return this builder
		 */
		public Builder add(ComponentSpec component) {
			this.components.put(component.name(), component);
			return this;
		}

		/**
		 * Adds all components of a topology.
		 * @param topology the topology
		 * @return this builder
		 */
		public Builder addAll(Topology topology) {
			topology.components().forEach(this::add);
			return this;
		}

		/**
		 * Builds the topology.
		 * @return the topology
		 * @throws IllegalArgumentException for an unknown dependency, a cycle or two
		 * components on one port
		 */
		public Topology build() {
			Map<Integer, String> ports = new HashMap<>();
			for (ComponentSpec component : this.components.values()) {
				String other = ports.putIfAbsent(component.defaultPort(), component.name());
				if (other != null) {
					throw new IllegalArgumentException(
							component.name() + " and " + other + " both use port " + component.defaultPort());
				}
			}
			return new Topology(new LinkedHashMap<>(this.components));
		}

	}

}
