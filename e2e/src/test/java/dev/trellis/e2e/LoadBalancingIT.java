/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.e2e;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import dev.trellis.launcher.Platform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests through the gateway are spread over every catalog instance.
 *
 * @author Trellis
 */
@PlatformTest
@Order(4)
class LoadBalancingIT {

	@Test
	void getsThroughTheGatewayReachBothCatalogInstances(Platform platform, PlatformHttp http) {
		Set<String> instances = new HashSet<>();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (int i = 0; i < 10; i++) {
				http.gateway("/api/catalog/products/TRL-MUG-001")
					.headers()
					.firstValue(PlatformHttp.INSTANCE_HEADER)
					.ifPresent(instances::add);
			}
			assertThat(instances).hasSize(2);
		});
		assertThat(instances).allSatisfy((instance) -> assertThat(instance).contains("catalog-service"));
		assertThat(platform.instances("catalog-service")).hasSize(2);
	}

}
