/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.Credentials;
import dev.trellis.launcher.Platform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launched platform: every app healthy and registered in Eureka under its name.
 *
 * @author Trellis
 */
@PlatformTest
@Order(1)
class PlatformRegistrationIT {

	@Test
	void everyProcessIsHealthy(Platform platform) {
		assertThat(platform.processes()).isNotEmpty().allSatisfy((process) -> {
			assertThat(process.isAlive()).as(process.displayName() + " alive").isTrue();
			assertThat(process.isHealthy()).as(process.displayName() + " healthy").isTrue();
		});
	}

	@Test
	void everyAppIsRegisteredInEurekaUnderItsName(Platform platform, PlatformHttp http) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			HttpResponse<String> apps = eurekaApps(platform, http);
			assertThat(apps.statusCode()).isEqualTo(200);
			List<String> names = JsonPath.read(apps.body(), "$.applications.application[*].name");
			assertThat(names).containsExactlyInAnyOrder("CONFIG-SERVER", "AUTH-SERVER", "GATEWAY", "CATALOG-SERVICE",
					"INVENTORY-SERVICE", "ORDER-SERVICE", "NOTIFICATION-SERVICE");
		});
	}

	@Test
	void everyCatalogInstanceIsRegisteredUp(Platform platform, PlatformHttp http) {
		List<AppProcess> catalogs = platform.instances("catalog-service");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			String apps = eurekaApps(platform, http).body();
			List<Integer> ports = JsonPath.read(apps,
					"$.applications.application[?(@.name == 'CATALOG-SERVICE')].instance[?(@.status == 'UP')].port.$");
			assertThat(ports).containsExactlyInAnyOrderElementsOf(catalogs.stream().map(AppProcess::port).toList());
		});
	}

	@Test
	void registryRefusesAnonymousClients(Platform platform, PlatformHttp http) {
		HttpResponse<String> response = http.get(platform.url("discovery").resolve("/eureka/apps"), null, null);
		assertThat(response.statusCode()).isEqualTo(401);
	}

	private static HttpResponse<String> eurekaApps(Platform platform, PlatformHttp http) {
		Credentials credentials = platform.credentials();
		return http.get(platform.url("discovery").resolve("/eureka/apps"), credentials.eurekaUser(),
				credentials.eurekaPassword());
	}

}
