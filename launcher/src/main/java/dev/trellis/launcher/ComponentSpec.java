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

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One component of the platform: an application (a Spring Boot jar, or a main class for
 * tests) or a piece of infrastructure run by a small wrapper JVM.
 * <p>
 * Arguments may use the placeholders {@code ${port}}, {@code ${home}} (the absolute
 * {@code .trellis} directory) and {@code ${root}} (the project root). Applications also
 * get {@code --server.port=<port>}.
 *
 * @param name the name ({@code spring.application.name} for applications)
 * @param kind application or infrastructure
 * @param defaultPort the port of instance 1
 * @param dependsOn components that must be healthy before this one starts
 * @param uses components this one talks to without waiting for them at startup (it
 * retries): they are stopped after it, so that it can still deregister from the registry
 * @param jar the jar relative to the project root, or {@code null} for a main class
 * @param mainClass the main class run from the launcher's class path, or {@code null} for
 * a jar
 * @param arguments program arguments
 * @param scheme the URL scheme shown for it ({@code http}, {@code postgresql}...)
 * @param gatewayRoute a path through the gateway that reaches this application, or
 * {@code null}: the platform counts as started only once the gateway routes it
 * @param jvmOptions JVM options of this component, added after the platform's (so that
 * they win, such as a larger heap for the Kafka broker)
 * @author Trellis authors
 */
public record ComponentSpec(String name, Kind kind, int defaultPort, List<String> dependsOn, List<String> uses,
		@Nullable String jar, @Nullable String mainClass, List<String> arguments, String scheme,
		@Nullable String gatewayRoute, List<String> jvmOptions) {

	/**
	 * Validates the component.
	 * @param name the name
	 * @param kind the kind
	 * @param defaultPort the default port
	 * @param dependsOn the dependencies
	 * @param uses the components it uses
	 * @param jar the jar
	 * @param mainClass the main class
	 * @param arguments the arguments
	 * @param scheme the scheme
	 * @param gatewayRoute the path through the gateway
	 * @param jvmOptions the JVM options of this component
	 */
	public ComponentSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		if (!name.matches("[a-z][a-z0-9-]*")) {
			throw new IllegalArgumentException("Component name '" + name + "' must be lower-case kebab-case");
		}
		if (defaultPort <= 0 || defaultPort > 65535) {
			throw new IllegalArgumentException("Component " + name + " has an invalid port " + defaultPort);
		}
		if ((jar == null) == (mainClass == null)) {
			throw new IllegalArgumentException("Component " + name + " needs either a jar or a main class");
		}
		dependsOn = List.copyOf(dependsOn);
		uses = List.copyOf(uses);
		arguments = List.copyOf(arguments);
		jvmOptions = List.copyOf(jvmOptions);
	}

	/**
	 * Creates an application run from a Spring Boot jar.
	 * @param name the name
	 * @param defaultPort the port of instance 1
	 * @param jar the jar, relative to the project root
	 * @param dependsOn the components it needs
	 * @return the component
	 */
	public static ComponentSpec application(String name, int defaultPort, String jar, String... dependsOn) {
		return new ComponentSpec(name, Kind.APPLICATION, defaultPort, Arrays.asList(dependsOn), List.of(), jar, null,
				List.of(), "http", null, List.of());
	}

	/**
	 * Creates a piece of infrastructure run by a wrapper main class that prints
	 * {@value Platform#READY_MARKER} once it serves.
	 * @param name the name
	 * @param defaultPort its port
	 * @param scheme the URL scheme shown for it
	 * @param mainClass the wrapper main class
	 * @param arguments its arguments
	 * @return the component
	 */
	public static ComponentSpec infrastructure(String name, int defaultPort, String scheme, String mainClass,
			List<String> arguments) {
		return new ComponentSpec(name, Kind.INFRASTRUCTURE, defaultPort, List.of(), List.of(), null, mainClass,
				arguments, scheme, null, List.of());
	}

	/**
	 * Returns a copy run from a main class on the launcher's class path instead of a jar
	 * (fake applications in tests).
	 * @param mainClass the main class
	 * @param arguments its arguments
	 * @return the copy
	 */
	public ComponentSpec withMainClass(String mainClass, String... arguments) {
		return new ComponentSpec(this.name, this.kind, this.defaultPort, this.dependsOn, this.uses, null, mainClass,
				Arrays.asList(arguments), this.scheme, this.gatewayRoute, this.jvmOptions);
	}

	/**
	 * Returns a copy with another default port.
	 * @param port the port
	 * @return the copy
	 */
	public ComponentSpec withDefaultPort(int port) {
		return new ComponentSpec(this.name, this.kind, port, this.dependsOn, this.uses, this.jar, this.mainClass,
				this.arguments, this.scheme, this.gatewayRoute, this.jvmOptions);
	}

	/**
	 * Returns a copy with other dependencies.
	 * @param dependsOn the components it needs
	 * @return the copy
	 */
	public ComponentSpec withDependsOn(String... dependsOn) {
		return new ComponentSpec(this.name, this.kind, this.defaultPort, Arrays.asList(dependsOn), this.uses, this.jar,
				this.mainClass, this.arguments, this.scheme, this.gatewayRoute, this.jvmOptions);
	}

	/**
	 * Returns a copy that uses other components without waiting for them.
	 * @param uses the components it uses
	 * @return the copy
	 */
	public ComponentSpec withUses(String... uses) {
		return new ComponentSpec(this.name, this.kind, this.defaultPort, this.dependsOn, Arrays.asList(uses), this.jar,
				this.mainClass, this.arguments, this.scheme, this.gatewayRoute, this.jvmOptions);
	}

	/**
	 * Returns a copy that the gateway routes through the given path.
	 * @param path a path through the gateway that reaches this application
	 * @return the copy
	 */
	public ComponentSpec withGatewayRoute(String path) {
		return new ComponentSpec(this.name, this.kind, this.defaultPort, this.dependsOn, this.uses, this.jar,
				this.mainClass, this.arguments, this.scheme, path, this.jvmOptions);
	}

	/**
	 * Returns a copy with its own JVM options, added after the platform's.
	 * @param options the JVM options
	 * @return the copy
	 */
	public ComponentSpec withJvmOptions(String... options) {
		return new ComponentSpec(this.name, this.kind, this.defaultPort, this.dependsOn, this.uses, this.jar,
				this.mainClass, this.arguments, this.scheme, this.gatewayRoute, Arrays.asList(options));
	}

	/**
	 * Whether more than one instance may run (applications only).
	 * @return whether it scales
	 */
	public boolean isScalable() {
		return this.kind == Kind.APPLICATION;
	}

	/**
	 * Kinds of components.
	 */
	public enum Kind {

		/**
		 * A Spring Boot application, healthy when its readiness endpoint answers 200.
		 */
		APPLICATION,

		/**
		 * A server run by a wrapper JVM, healthy when it printed its ready line and its
		 * port accepts connections.
		 */
		INFRASTRUCTURE

	}

}
