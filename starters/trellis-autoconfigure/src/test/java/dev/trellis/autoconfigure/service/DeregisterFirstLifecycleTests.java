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

package dev.trellis.autoconfigure.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link DeregisterFirstLifecycle}.
 *
 * @author Trellis
 */
class DeregisterFirstLifecycleTests {

	private final AtomicInteger deregistrations = new AtomicInteger();

	@Test
	void stopDeregisters() {
		DeregisterFirstLifecycle lifecycle = new DeregisterFirstLifecycle(this.deregistrations::incrementAndGet,
				Duration.ZERO);
		lifecycle.start();
		lifecycle.stop();
		assertThat(this.deregistrations).hasValue(1);
	}

	@Test
	void startDoesNotDeregister() {
		DeregisterFirstLifecycle lifecycle = new DeregisterFirstLifecycle(this.deregistrations::incrementAndGet,
				Duration.ZERO);
		lifecycle.start();
		assertThat(this.deregistrations).hasValue(0);
	}

	@Test
	void isRunningBetweenStartAndStop() {
		DeregisterFirstLifecycle lifecycle = new DeregisterFirstLifecycle(() -> {
		}, Duration.ZERO);
		assertThat(lifecycle.isRunning()).isFalse();
		lifecycle.start();
		assertThat(lifecycle.isRunning()).isTrue();
		lifecycle.stop();
		assertThat(lifecycle.isRunning()).isFalse();
	}

	@Test
	void stopSurvivesFailingDeregistration() {
		DeregisterFirstLifecycle lifecycle = new DeregisterFirstLifecycle(() -> {
			throw new IllegalStateException("registry unreachable");
		}, Duration.ZERO);
		lifecycle.start();
		assertThatNoException().isThrownBy(lifecycle::stop);
		assertThat(lifecycle.isRunning()).isFalse();
	}

	@Test
	void stopWaitsForDeregistrationDelay() {
		DeregisterFirstLifecycle lifecycle = new DeregisterFirstLifecycle(this.deregistrations::incrementAndGet,
				Duration.ofMillis(200));
		lifecycle.start();
		long started = System.nanoTime();
		lifecycle.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(this.deregistrations).hasValue(1);
	}

	@Test
	void stopWithCallbackDeregistersThenCallsBack() {
		DeregisterFirstLifecycle lifecycle = new DeregisterFirstLifecycle(this.deregistrations::incrementAndGet,
				Duration.ZERO);
		AtomicInteger deregistrationsWhenCalledBack = new AtomicInteger(-1);
		lifecycle.start();
		lifecycle.stop(() -> deregistrationsWhenCalledBack.set(this.deregistrations.get()));
		assertThat(deregistrationsWhenCalledBack).hasValue(1);
	}

	@Test
	void phaseIsMaxSoItStopsBeforeTheWebServer() {
		DeregisterFirstLifecycle lifecycle = new DeregisterFirstLifecycle(() -> {
		}, Duration.ZERO);
		assertThat(lifecycle.getPhase()).isEqualTo(Integer.MAX_VALUE)
			.isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
	}

}
