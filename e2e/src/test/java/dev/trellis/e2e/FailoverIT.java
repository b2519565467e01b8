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

/**
 * A catalog instance killed with SIGKILL under steady traffic costs no failed request:
 * the gateway retries GETs on the other instance and stops sending to the dead one.
 *
 * @author Trellis
 */
@PlatformTest
@Order(5)
class FailoverIT {

	@Test
	void killingOneOfTwoInstancesUnderSteadyLoadFailsNoRequest(Platform platform, PlatformHttp http) throws Exception {
		AppProcess victim = platform.instances("catalog-service").get(1);
		// 20 requests a second for 20 seconds; the kill comes 5 seconds in.
		SteadyLoad load = new SteadyLoad(http, "/api/catalog/products/TRL-MUG-001", 20, Duration.ofSeconds(20));
		SteadyLoad.KillResult run = load.runKillingAndRestarting(Duration.ofSeconds(5), victim, platform);
		SteadyLoad.Result result = run.result();
		System.out.println("Failover under load: " + result);
		assertThat(run.victimKilled()).isTrue();
		assertThat(result.outcomes()).hasSize(400);
		assertThat(result.failures()).isEmpty();
		assertThat(victim.isHealthy()).isTrue();
	}

}
