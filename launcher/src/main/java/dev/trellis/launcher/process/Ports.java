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
package dev.trellis.launcher.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Port checks: whether a port is free before Trellis starts something on it, free ports
 * for extra instances, and whether something accepts connections.
 *
 * @author Trellis authors
 */
public final class Ports {

	private Ports() {
	}

	/**
	 * Checks that a port can be bound on every address and on the loopback address.
	 * @param port the port
	 * @return empty when free, otherwise the reason
	 */
	public static Optional<String> checkFree(int port) {
		for (InetAddress address : new InetAddress[] { null, InetAddress.getLoopbackAddress() }) {
			try (ServerSocket socket = new ServerSocket()) {
				socket.setReuseAddress(true);
				socket.bind(new InetSocketAddress(address, port));
			}
			catch (IOException ex) {
				String where = (address != null) ? address.getHostAddress() : "0.0.0.0";
				return Optional.of(where + ":" + port + ": " + ex.getMessage());
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether a port can be bound.
	 * @param port the port
	 * @return whether it is free
	 */
	public static boolean isFree(int port) {
		return checkFree(port).isEmpty();
	}

	/**
	 * Picks a free port: one the system hands out for the loopback address, that is also
	 * free on every address and is not one of the reserved ports.
	 * @param reserved ports that are planned for something else
	 * @return a free port
	 */
	public static int freePort(Set<Integer> reserved) {
		for (int attempt = 0; attempt < 50; attempt++) {
			int port;
			try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
				port = socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot find a free port", ex);
			}
			if (!reserved.contains(port) && isFree(port)) {
				return port;
			}
		}
		throw new IllegalStateException("Cannot find a free port");
	}

	/**
	 * Whether something accepts TCP connections on the loopback address.
	 * @param port the port
	 * @param timeout the connect timeout
	 * @return whether a connection succeeded
	 */
	public static boolean accepts(int port, Duration timeout) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
