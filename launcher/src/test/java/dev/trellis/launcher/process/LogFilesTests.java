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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogFiles}.
 *
 * @author Trellis authors
 */
class LogFilesTests {

	private static final String SPRING_FAILURE = """
			2026-01-01T10:00:00.000Z  INFO 4242 --- [config-server] [           main] d.t.c.ConfigServerApplication : Starting ConfigServerApplication
			2026-01-01T10:00:03.000Z  WARN 4242 --- [config-server] [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.context.ApplicationContextException: Failed to start bean 'webServerStartStop'
			2026-01-01T10:00:03.100Z ERROR 4242 --- [config-server] [           main] o.s.b.d.LoggingFailureAnalysisReporter   :\s

			***************************
			APPLICATION FAILED TO START
			***************************

			Description:

			Web server failed to start. Port 8888 was already in use.

			Action:

			Identify and stop the process that's listening on port 8888 or configure this application to listen on another port.

			""";

	@TempDir
	Path directory;

	@Test
	void tellingLineIsTheDescriptionOfSpringBootsFailureReport() {
		assertThat(LogFiles.tellingLine(SPRING_FAILURE.lines().toList()))
			.hasValue("Description: Web server failed to start. Port 8888 was already in use.");
	}

	@Test
	void multiLineDescriptionsAreJoined() {
		List<String> lines = List.of("APPLICATION FAILED TO START", "", "Description:", "",
				"Failed to configure a DataSource: 'url' attribute is not specified.", "",
				"Reason: Failed to determine a suitable driver class", "", "Action:");
		assertThat(LogFiles.tellingLine(lines))
			.hasValue("Description: Failed to configure a DataSource: 'url' attribute is not specified.");
	}

	@Test
	void otherwiseTheLastErrorLine() {
		List<String> lines = List.of("2026-01-01T10:00:00Z  INFO 1 --- [main] Starting",
				"2026-01-01T10:00:01Z ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed",
				"java.lang.IllegalStateException: boom", "\tat dev.trellis.Foo.bar(Foo.java:1)",
				"2026-01-01T10:00:02Z ERROR 1 --- [main] o.s.c.c.ConfigServerConfigDataLoader : Could not locate PropertySource",
				"2026-01-01T10:00:03Z  INFO 1 --- [main] Stopping");
		assertThat(LogFiles.tellingLine(lines)).hasValue(
				"2026-01-01T10:00:02Z ERROR 1 --- [main] o.s.c.c.ConfigServerConfigDataLoader : Could not locate PropertySource");
	}

	@Test
	void otherwiseTheLastCausedByOrExceptionLine() {
		List<String> lines = List.of("Exception in thread \"main\" java.lang.RuntimeException: outer",
				"Caused by: java.net.BindException: Address already in use", "\tat x.Y.z(Y.java:1)");
		assertThat(LogFiles.tellingLine(lines)).hasValue("Caused by: java.net.BindException: Address already in use");
	}

	@Test
	void otherwiseTheLastLineThatIsNotBlank() {
		assertThat(LogFiles.tellingLine(List.of("one", "two", "  ", ""))).hasValue("two");
		assertThat(LogFiles.tellingLine(List.of())).isEmpty();
	}

	@Test
	void colorsAreRemovedAndLongLinesCut() {
		String red = "\u001B[31mERROR\u001B[0m " + "x".repeat(500);
		assertThat(LogFiles.tellingLine(List.of(red))).hasValueSatisfying((line) -> {
			assertThat(line).startsWith("ERROR x").hasSize(300).endsWith("...");
		});
	}

	@Test
	void linesFromAnOffsetAndLastLines() throws Exception {
		Path log = this.directory.resolve("app.log");
		Files.writeString(log, "old run\n");
		long offset = LogFiles.size(log);
		Files.writeString(log, String.join("\n", IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).toList()),
				StandardOpenOption.APPEND);
		assertThat(LogFiles.linesFrom(log, offset)).hasSize(100).startsWith("1");
		assertThat(LogFiles.lastLines(log, 3)).containsExactly("98", "99", "100");
		assertThat(LogFiles.linesFrom(this.directory.resolve("missing.log"), 0)).isEmpty();
	}

}
