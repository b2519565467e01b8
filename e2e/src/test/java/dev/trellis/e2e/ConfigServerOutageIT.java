/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.e2e;

import java.time.Duration;

import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.Platform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An app started while the config server is down waits for it and starts once it is back.
 *
 * @author Trellis
 */
@PlatformTest
@Order(7)
class ConfigServerOutageIT {

	@Test
	void appStartedWhileTheConfigServerIsDownStartsOnceItIsBack(Platform platform) {
		platform.stop("config-server");
		AppProcess late = platform.spawnInstance("catalog-service");
		try {
			// While the config server is away the new instance keeps retrying: alive, not
			// ready.
			await().during(Duration.ofSeconds(10))
				.atMost(Duration.ofSeconds(12))
				.until(() -> late.isAlive() && !late.isHealthy());
			platform.start("config-server");
			platform.awaitHealthy(late, Duration.ofMinutes(2));
			assertThat(late.isHealthy()).isTrue();
			assertThat(late.log()).anyMatch((line) -> line.contains("Started CatalogServiceApplication"));
		}
		finally {
			late.stop();
			// Back for the tests that follow, also when this one failed early (no-op
			// when it runs).
			platform.start("config-server");
		}
	}

}
