/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.e2e;

import java.time.Duration;
import java.time.Instant;

import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.Platform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance added to a running platform gets traffic soon after it reports healthy.
 *
 * @author Trellis
 */
@PlatformTest
@Order(6)
class ScaleOutIT {

	@Test
	void thirdInstanceReceivesTrafficWithinFifteenSecondsOfReportingHealthy(Platform platform, PlatformHttp http) {
		AppProcess third = platform.startInstance("catalog-service");
		try {
			Instant healthy = Instant.now();
			String suffix = ":" + third.port();
			await().atMost(Duration.ofSeconds(15))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> http.gateway("/api/catalog/products/TRL-MUG-001")
					.headers()
					.firstValue(PlatformHttp.INSTANCE_HEADER)
					.filter((instance) -> instance.endsWith(suffix))
					.isPresent());
			System.out.println("New instance served its first request through the gateway "
					+ Duration.between(healthy, Instant.now()).toMillis() + " ms after reporting healthy");
			assertThat(platform.instances("catalog-service")).hasSize(3);
		}
		finally {
			// Back to two instances: a third JVM would only slow the tests that follow on
			// two cores. It leaves the registry before it stops.
			third.stop();
		}
	}

}
