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
package dev.trellis.launcher.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import redis.embedded.core.ExecutableProvider;

/**
 * Runs an embedded Redis server (the binary bundled by {@code embedded-redis}) for the
 * platform on the loopback address, without persistence, prints the ready line and stops
 * the server when its JVM shuts down.
 * <p>
 * Usage: {@code RedisServer --port 16379 --data
 *
<dir>
 *  --work
 *
<dir>
 * }; {@code --work} is where the binary is unpacked, {@code --data} holds its pid file.
 *
 * @author Trellis authors
 */
public final class RedisServer {

	private RedisServer() {
	}

	/**
	 * Starts the server and blocks until the JVM shuts down.
	 * @param args the arguments
	 * @throws Exception when the server cannot start
	 */
	public static void main(String[] args) throws Exception {
		WrapperArguments arguments = WrapperArguments.parse(args, Set.of("port", "data", "work"));
		int port = arguments.port();
		Path data = arguments.path("data");
		Path work = arguments.path("work");
		Files.createDirectories(data);
		Files.createDirectories(work);
		Path pidFile = data.resolve("redis-server.pid");
		// the server of a wrapper that was killed still holds the port
		Wrappers.stopStaleServer(pidFile, false, "redis-server", ":" + port);
		redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
			.executableProvider(ExecutableProvider.newJarResourceProvider(work.toFile()))
			.bind("127.0.0.1")
			.port(port)
			.setting("dir " + data)
			.setting("pidfile " + pidFile)
			.setting("save \"\"")
			.setting("appendonly no")
			.soutListener(System.out::println)
			.serrListener(System.err::println)
			.build();
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "redis-stop"));
		long serverPid = ProcessHandle.current()
			.children()
			.filter((child) -> child.info().command().orElse("").contains("redis-server"))
			.mapToLong(ProcessHandle::pid)
			.findFirst()
			.orElse(-1);
		Wrappers.printReady("redis", port, serverPid);
		Wrappers.awaitShutdown();
	}

	private static void stop(redis.embedded.RedisServer server) {
		try {
			server.stop();
		}
		catch (IOException ex) {
			System.err.println("Cannot stop Redis: " + ex.getMessage());
		}
	}

}
