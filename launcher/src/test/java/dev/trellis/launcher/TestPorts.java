/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.launcher;

import java.util.HashSet;
import java.util.Set;

import dev.trellis.launcher.process.Ports;

/**
 * Free ports for tests, never the platform's default ports.
 *
 * @author Trellis authors
 */
public final class TestPorts {

	private static final Set<Integer> USED = new HashSet<>(
			Topology.standard().components().stream().map(ComponentSpec::defaultPort).toList());

	private TestPorts() {
	}

	/**
	 * Returns a free port not handed out before in this JVM.
	 * @return the port
	 */
	public static synchronized int next() {
		int port = Ports.freePort(USED);
		USED.add(port);
		return port;
	}

}
