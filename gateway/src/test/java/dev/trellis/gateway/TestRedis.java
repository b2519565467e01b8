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

package dev.trellis.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * A real redis-server on a free loopback port for the rate limiter, one per test JVM.
 *
 * @author Trellis
 */
final class TestRedis {

	private static int port;

	private TestRedis() {
	}

	static synchronized int port() {
		if (port == 0) {
			int free = freePort();
			try {
				RedisServer server = RedisServer.newRedisServer().port(free).setting("bind 127.0.0.1").build();
				server.start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						server.stop();
					}
					catch (IOException ex) {
						// exiting anyway
					}
				}));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			port = free;
		}
		return port;
	}

	/**
	 * A port nothing listens on.
	 * @return the port
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
