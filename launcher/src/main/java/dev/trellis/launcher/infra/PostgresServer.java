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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs an embedded PostgreSQL server (zonky's binaries, PostgreSQL 14) for the platform:
 * keeps its data directory across runs, creates the databases that are missing, prints
 * the ready line and stops the server when its JVM shuts down.
 * <p>
 * Usage: {@code PostgresServer --port 15432 --data
 *
<dir>
 *  --work
 *
<dir>
 *  --databases a,b}; {@code --work} is where the binaries are unpacked. User
 * {@code postgres}, trust authentication on the loopback address.
 *
 * @author Trellis authors
 */
public final class PostgresServer {

	private PostgresServer() {
	}

	/**
	 * Starts the server and blocks until the JVM shuts down.
	 * @param args the arguments
	 * @throws Exception when the server cannot start
	 */
	public static void main(String[] args) throws Exception {
		WrapperArguments arguments = WrapperArguments.parse(args, Set.of("port", "data", "work", "databases"));
		int port = arguments.port();
		Path data = arguments.path("data");
		Path work = arguments.path("work");
		List<String> databases = Arrays.stream(arguments.get("databases", "").split(","))
			.map(String::trim)
			.filter((name) -> !name.isEmpty())
			.toList();
		Files.createDirectories(data);
		Files.createDirectories(work);
		// the postmaster of a wrapper that was killed still holds the data directory
		Wrappers.stopStaleServer(data.resolve("postmaster.pid"), true, data.toString());
		// zonky also cleans up old data directories under its working directory
		System.setProperty("ot.epg.working-dir", work.toString());
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(work.toFile())
			.setPGStartupWait(Duration.ofSeconds(60))
			.setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
			.setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "postgres-stop"));
		createDatabases(postgres, databases);
		long serverPid = Wrappers.readPid(data.resolve("postmaster.pid")).orElse(-1L);
		Wrappers.printReady("postgres", port, serverPid);
		Wrappers.awaitShutdown();
	}

	static void createDatabases(EmbeddedPostgres postgres, List<String> databases) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			for (String database : databases) {
				if (!database.matches("[a-z_][a-z0-9_]*")) {
					throw new IllegalArgumentException("Invalid database name '" + database + "'");
				}
				try (PreparedStatement exists = connection
					.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
					exists.setString(1, database);
					try (ResultSet result = exists.executeQuery()) {
						if (result.next()) {
							continue;
						}
					}
				}
				try (Statement create = connection.createStatement()) {
					create.execute("CREATE DATABASE " + database);
					System.out.println("Created database " + database);
				}
			}
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			System.err.println("Cannot stop PostgreSQL: " + ex.getMessage());
		}
	}

}
