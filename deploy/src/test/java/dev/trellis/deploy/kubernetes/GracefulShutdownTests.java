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
package dev.trellis.deploy.kubernetes;

import java.time.Duration;
import java.util.List;

import dev.trellis.deploy.AppConfiguration;
import dev.trellis.deploy.kubernetes.KubernetesFiles.Manifest;
import dev.trellis.launcher.ComponentSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how the apps' pods stop: a pause before SIGTERM while the pod leaves the
 * Services' endpoints, then the app's graceful shutdown (requests in flight, Eureka
 * deregistration), all within the termination grace period.
 *
 * @author Trellis authors
 */
class GracefulShutdownTests {

	/** Spring Boot's default of spring.lifecycle.timeout-per-shutdown-phase. */
	private static final Duration BOOT_DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	/** How long kube-proxy and Ingress controllers may take to drop a terminating pod. */
	private static final int ENDPOINTS_PROPAGATION_SECONDS = 5;

	private final List<ComponentSpec> apps = Workloads.apps();

	private final Kustomization base = Kustomization.load(KubernetesFiles.BASE);

	private final List<Manifest> manifests = KubernetesFiles.resources(this.base);

	@Test
	void everyAppShutsDownGracefully() {
		for (ComponentSpec app : this.apps) {
			assertThat(configuration(app).get("server.shutdown")).as(app.name() + " server.shutdown")
				.contains("graceful");
		}
	}

	@Test
	void everyAppPausesBeforeSigtermWhileItLeavesTheEndpoints() {
		for (ComponentSpec app : this.apps) {
			assertThat(preStopSeconds(app)).as(app.name() + " preStop sleep")
				.isGreaterThanOrEqualTo(ENDPOINTS_PROPAGATION_SECONDS);
		}
	}

	@Test
	void terminationGracePeriodOutlastsThePauseTheDeregistrationDelayAndTheShutdownTimeout() {
		for (ComponentSpec app : this.apps) {
			Duration timeout = configuration(app).get("spring.lifecycle.timeout-per-shutdown-phase")
				.map(DurationStyle::detectAndParse)
				.orElse(BOOT_DEFAULT_SHUTDOWN_TIMEOUT);
			// A service keeps serving this long after it left Eureka, before its web
			// server's graceful shutdown starts (trellis-autoconfigure, default none).
			Duration deregistrationDelay = configuration(app).get("trellis.service.shutdown.deregistration-delay")
				.map(DurationStyle::detectAndParse)
				.orElse(Duration.ZERO);
			PodSpec pod = deployment(app).getSpec().getTemplate().getSpec();
			// The grace period counts from the start of preStop; SIGKILL comes at its
			// end.
			long needed = preStopSeconds(app) + deregistrationDelay.toSeconds() + timeout.toSeconds();
			assertThat(pod.getTerminationGracePeriodSeconds()).as(app.name() + " terminationGracePeriodSeconds")
				.isGreaterThan(needed);
		}
	}

	private long preStopSeconds(ComponentSpec app) {
		Lifecycle lifecycle = Workloads.appContainer(deployment(app)).getLifecycle();
		LifecycleHandler preStop = (lifecycle != null) ? lifecycle.getPreStop() : null;
		assertThat(preStop).as(app.name() + " preStop hook").isNotNull();
		assertThat(preStop.getSleep()).as(app.name() + " preStop sleep action").isNotNull();
		return preStop.getSleep().getSeconds();
	}

	private AppConfiguration configuration(ComponentSpec app) {
		Container container = Workloads.appContainer(deployment(app));
		return AppConfiguration.of(app, Workloads.PROFILES)
			.withEnvironment(Workloads.literalEnvironment(container, this.base));
	}

	private Deployment deployment(ComponentSpec app) {
		return Workloads.deployment(this.manifests, app);
	}

}
