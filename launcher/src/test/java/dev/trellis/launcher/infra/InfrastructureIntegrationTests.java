/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.launcher.infra;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.ConfigMode;
import dev.trellis.launcher.Platform;
import dev.trellis.launcher.TestPorts;
import dev.trellis.launcher.Topology;
import dev.trellis.launcher.process.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@link PostgresServer} and {@link RedisServer} run by a
 * {@link Platform}.
 *
 * @author Trellis authors
 */
class InfrastructureIntegrationTests {

	@TempDir
	Path root;

	@Test
	void postgresAndRedisServeSurviveAKillAndStopWithThePlatform() throws Exception {
		Topology standard = Topology.standard();
		Topology topology = Topology.builder()
			.add(standard.component("postgres").withDefaultPort(TestPorts.next()))
			.add(standard.component("redis").withDefaultPort(TestPorts.next()))
			.build();
		long serverPid;
		int postgresPort;
		int redisPort;
		try (Platform platform = Platform.builder(this.root)
			.topology(topology)
			.config(ConfigMode.NATIVE)
			.stopTimeout(Duration.ofSeconds(20))
			.build()) {
			platform.start();
			AppProcess postgres = platform.process("postgres");
			postgresPort = postgres.port();
			redisPort = platform.process("redis").port();
			assertThat(postgres.url()).hasToString("postgresql://localhost:" + postgresPort);
			assertThat(databases(postgresPort)).containsAll(Topology.DATABASES);
			assertThat(ping(redisPort)).isEqualTo("+PONG");
			assertThat(this.root.resolve(".trellis/data/postgres/PG_VERSION")).exists();
			assertThat(postgres.log()).anySatisfy((line) -> assertThat(line).startsWith("TRELLIS-READY postgres"));
			serverPid = serverPid(postgres);
			assertThat(ProcessHandle.of(serverPid)).isPresent();

			postgres.kill();
			assertThat(ProcessHandle.of(serverPid).filter(ProcessHandle::isAlive)).as("postmaster killed").isEmpty();
			assertThat(Ports.accepts(postgresPort, Duration.ofMillis(500))).isFalse();
			platform.restart(postgres);
			assertThat(databases(postgresPort)).containsAll(Topology.DATABASES);
			serverPid = serverPid(postgres);
		}
		assertThat(ProcessHandle.of(serverPid).filter(ProcessHandle::isAlive)).as("postmaster stopped").isEmpty();
		assertThat(Ports.accepts(postgresPort, Duration.ofMillis(500))).isFalse();
		assertThat(Ports.accepts(redisPort, Duration.ofMillis(500))).isFalse();
	}

	private static long serverPid(AppProcess postgres) {
		return Long.parseLong(postgres.log()
			.stream()
			.filter((line) -> line.startsWith("TRELLIS-READY"))
			.findFirst()
			.orElseThrow()
			.replaceAll(".*server-pid=", ""));
	}

	private static List<String> databases(int port) throws Exception {
		List<String> names = new ArrayList<>();
		try (Connection connection = DriverManager
			.getConnection("jdbc:postgresql://localhost:" + port + "/catalog?user=postgres");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT datname FROM pg_database")) {
			while (result.next()) {
				names.add(result.getString(1));
			}
		}
		return names;
	}

	private static String ping(int port) throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder reply = new StringBuilder();
			int next;
			while ((next = in.read()) != -1 && next != '\r') {
				reply.append((char) next);
			}
			return reply.toString();
		}
	}

}
