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

package dev.trellis.test.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SharedEmbeddedPostgres}.
 *
 * @author Trellis
 */
class SharedEmbeddedPostgresTests {

	@Test
	void createdDatabasesAreDistinct() throws SQLException {
		String first = SharedEmbeddedPostgres.createDatabase();
		String second = SharedEmbeddedPostgres.createDatabase();
		assertThat(first).isNotEqualTo(second);
		assertThat(currentDatabase(first)).isNotEqualTo(currentDatabase(second));
	}

	@Test
	void createdDatabasesAreUsableAndIsolated() throws SQLException {
		String first = SharedEmbeddedPostgres.createDatabase();
		String second = SharedEmbeddedPostgres.createDatabase();
		try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE products (sku VARCHAR(20) PRIMARY KEY)");
			statement.execute("INSERT INTO products VALUES ('TRL-1')");
			assertThat(count(statement, "SELECT COUNT(*) FROM products")).isOne();
		}
		try (Connection connection = connect(second); Statement statement = connection.createStatement()) {
			assertThat(count(statement, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'products'"))
				.isZero();
		}
	}

	@Test
	void databasesShareOneServer() throws SQLException {
		String first = SharedEmbeddedPostgres.createDatabase();
		String second = SharedEmbeddedPostgres.createDatabase();
		assertThat(serverPort(first)).isEqualTo(serverPort(second));
	}

	private static String currentDatabase(String url) throws SQLException {
		try (Connection connection = connect(url);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_database()")) {
			result.next();
			return result.getString(1);
		}
	}

	private static int serverPort(String url) throws SQLException {
		try (Connection connection = connect(url);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT inet_server_port()")) {
			result.next();
			return result.getInt(1);
		}
	}

	private static long count(Statement statement, String query) throws SQLException {
		try (ResultSet result = statement.executeQuery(query)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, "postgres", "");
	}

}
