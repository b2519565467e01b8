/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.e2e;

import java.nio.file.Path;
import java.time.Duration;

import dev.trellis.launcher.Platform;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that launches the whole platform once for the test run (with two
 * catalog-service and two inventory-service instances) and stops it when the run ends,
 * passed or failed. Test methods and constructors receive the {@link Platform} and a
 * {@link PlatformHttp}.
 *
 * @author Trellis
 */
public final class RunningPlatform implements BeforeAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(RunningPlatform.class);

	private static volatile RuntimeException startFailure;

	@Override
	public void beforeAll(ExtensionContext context) {
		platform(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == Platform.class || type == PlatformHttp.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Platform platform = platform(context);
		if (parameter.getParameter().getType() == Platform.class) {
			return platform;
		}
		// One client for the run, so that its access token is shared.
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(PlatformHttp.class, (key) -> new PlatformHttp(platform), PlatformHttp.class);
	}

	private static Platform platform(ExtensionContext context) {
		RuntimeException failure = startFailure;
		if (failure != null) {
			// A platform that did not start once is not started again for every test
			// class: each attempt costs minutes and ends the same way.
			throw new IllegalStateException("The platform did not start: " + failure.getMessage(), failure);
		}
		// The root store closes the platform (an AutoCloseable) once every test has run.
		return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Platform.class, (key) -> start(), Platform.class);
	}

	private static Platform start() {
		Path root = Path.of(System.getProperty("trellis.root", "..")).toAbsolutePath().normalize();
		Platform platform = Platform.builder(root)
			.instances("catalog-service", 2)
			.instances("inventory-service", 2)
			.startTimeout(Duration.ofMinutes(4))
			.listener((event) -> System.out.println("[platform] " + event))
			.build();
		try {
			platform.start();
		}
		catch (RuntimeException ex) {
			startFailure = ex;
			platform.close();
			throw ex;
		}
		return platform;
	}

}
