/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.trellis.launcher.Credentials;
import dev.trellis.launcher.Platform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After everything the suite did to the platform (starts, kills, restarts, outages), no
 * log file holds a password.
 *
 * @author Trellis
 */
@PlatformTest
@Order(100)
class NoSecretInLogsIT {

	@Test
	void noLogFileContainsAPassword(Platform platform) throws IOException {
		Credentials credentials = platform.credentials();
		List<String> secrets = credentials.environment()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().endsWith("_PASSWORD") || entry.getKey().endsWith("_SECRET"))
			.map(Map.Entry::getValue)
			.toList();
		assertThat(secrets).hasSizeGreaterThanOrEqualTo(4);
		try (Stream<Path> logs = Files.list(platform.root().resolve(".trellis/logs"))) {
			assertThat(logs.filter((file) -> file.toString().endsWith(".log")).toList()).isNotEmpty()
				.allSatisfy((log) -> {
					String content = Files.readString(log);
					assertThat(secrets).as(log.getFileName().toString())
						.noneSatisfy((secret) -> assertThat(content).contains(secret));
				});
		}
	}

}
