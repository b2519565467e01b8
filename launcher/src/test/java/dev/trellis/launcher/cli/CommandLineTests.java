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
package dev.trellis.launcher.cli;

import java.time.Duration;
import java.util.Map;

import dev.trellis.launcher.ConfigMode;
import dev.trellis.launcher.cli.CommandLine.Command;
import dev.trellis.launcher.cli.CommandLine.UsageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CommandLine}.
 *
 * @author Trellis authors
 */
class CommandLineTests {

	@Test
	void noArgumentsMeansHelp() {
		assertThat(parse().command()).isEqualTo(Command.HELP);
		assertThat(parse("--help").command()).isEqualTo(Command.HELP);
	}

	@Test
	void upWithEveryOption() {
		CommandLine commandLine = parse("up", "-d", "--instances", "catalog-service=2", "--instances=gateway=3",
				"--config", "native", "--timeout=60");
		assertThat(commandLine.command()).isEqualTo(Command.UP);
		assertThat(commandLine.detach()).isTrue();
		assertThat(commandLine.instances()).isEqualTo(Map.of("catalog-service", 2, "gateway", 3));
		assertThat(commandLine.config()).isEqualTo(ConfigMode.NATIVE);
		assertThat(commandLine.startTimeout()).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void tokenTakesTheScopesAsOneValue() {
		assertThat(parse("token", "--scope", "catalog.read orders.write").scope())
			.isEqualTo("catalog.read orders.write");
		assertThat(parse("token", "--scope=catalog.read").scope()).isEqualTo("catalog.read");
		assertThat(parse("token").scope()).isEmpty();
	}

	@Test
	void traceNeedsAnOrderId() {
		String id = "5f1c2a8e-2b7d-3c1e-9a4f-0d6e8b7c5a21";
		assertThat(parse("trace", id).target()).isEqualTo(id);
		assertThatExceptionOfType(CommandLine.UsageException.class).isThrownBy(() -> parse("trace"))
			.withMessageContaining("./trellis trace");
		assertThatExceptionOfType(CommandLine.UsageException.class).isThrownBy(() -> parse("trace", "order-42"))
			.withMessageContaining("the id of an order");
	}

	@Test
	void encryptNeedsTheValue() {
		assertThat(parse("encrypt", "s3cret").target()).isEqualTo("s3cret");
		assertThatExceptionOfType(CommandLine.UsageException.class).isThrownBy(() -> parse("encrypt"))
			.withMessageContaining("./trellis encrypt");
	}

	@Test
	void upDefaults() {
		CommandLine commandLine = parse("up");
		assertThat(commandLine.detach()).isFalse();
		assertThat(commandLine.instances()).isEmpty();
		assertThat(commandLine.config()).isEqualTo(ConfigMode.AUTO);
		assertThat(commandLine.startTimeout()).isNull();
	}

	@Test
	void instancesMayBeCommaSeparated() {
		assertThat(parse("up", "--instances", "catalog-service=2,gateway=0").instances())
			.isEqualTo(Map.of("catalog-service", 2, "gateway", 0));
	}

	@Test
	void logsTakesOneApplication() {
		assertThat(parse("logs", "catalog-service-2").target()).isEqualTo("catalog-service-2");
		assertError("logs needs an application name, e.g. ./trellis logs gateway", "logs");
		assertError("Unexpected argument 'b' for logs", "logs", "a", "b");
	}

	@Test
	void errorsNameTheProblem() {
		assertError("Unknown command 'start'", "start");
		assertError("Unknown option '-x' for up", "up", "-x");
		assertError("Unknown option '-d' for status", "status", "-d");
		assertError("Missing value for --config", "up", "--config");
		assertError("--config expects git, native or auto (got 'svn')", "up", "--config", "svn");
		assertError("--instances expects name=count, e.g. --instances catalog-service=2 (got 'gateway')", "up",
				"--instances", "gateway");
		assertError("--instances gateway needs a count from 0 to 20 (got 'many')", "up", "--instances", "gateway=many");
		assertError("--timeout expects a number of seconds (got '0')", "up", "--timeout", "0");
		assertError("Unexpected argument 'extra' for down", "down", "extra");
	}

	private static CommandLine parse(String... args) {
		return CommandLine.parse(args);
	}

	private static void assertError(String message, String... args) {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CommandLine.parse(args)).withMessage(message);
	}

}
