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
