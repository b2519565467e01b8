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

package dev.trellis.gateway.loadbalancer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InstanceQuarantine}.
 *
 * @author Trellis
 */
class InstanceQuarantineTests {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T12:00:00Z"));

	private final InstanceQuarantine quarantine = new InstanceQuarantine(Duration.ofSeconds(30), this.clock);

	private final ServiceInstance one = instance("one", 8081);

	private final ServiceInstance two = instance("two", 8082);

	@Test
	void instanceIsNotQuarantinedByDefault() {
		assertThat(this.quarantine.isQuarantined(this.one)).isFalse();
	}

	@Test
	void quarantinedInstanceIsSkippedUntilTheDurationHasPassed() {
		this.quarantine.quarantine(this.one);
		assertThat(this.quarantine.isQuarantined(this.one)).isTrue();
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(this.quarantine.isQuarantined(this.one)).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.quarantine.isQuarantined(this.one)).isFalse();
	}

	@Test
	void quarantiningAgainRestartsTheDuration() {
		this.quarantine.quarantine(this.one);
		this.clock.advance(Duration.ofSeconds(20));
		this.quarantine.quarantine(this.one);
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.quarantine.isQuarantined(this.one)).isTrue();
	}

	@Test
	void instanceCanBeQuarantinedAgainAfterRelease() {
		this.quarantine.quarantine(this.one);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.quarantine.isQuarantined(this.one)).isFalse();
		this.quarantine.quarantine(this.one);
		assertThat(this.quarantine.isQuarantined(this.one)).isTrue();
	}

	@Test
	void quarantineAppliesToHostAndPort() {
		this.quarantine.quarantine(this.one);
		assertThat(this.quarantine.isQuarantined(this.two)).isFalse();
		assertThat(this.quarantine
			.isQuarantined(new DefaultServiceInstance("other-id", "catalog-service", "localhost", 8081, false)))
			.isTrue();
		assertThat(this.quarantine.isQuarantined(instance("three", 8083))).isFalse();
	}

	@Test
	void filterLeavesOutQuarantinedInstances() {
		this.quarantine.quarantine(this.one);
		assertThat(this.quarantine.filter(List.of(this.one, this.two))).containsExactly(this.two);
	}

	@Test
	void filterKeepsAllInstancesWhenNoneIsQuarantined() {
		assertThat(this.quarantine.filter(List.of(this.one, this.two))).containsExactly(this.one, this.two);
	}

	@Test
	void filterReturnsAllInstancesWhenAllAreQuarantined() {
		this.quarantine.quarantine(this.one);
		this.quarantine.quarantine(this.two);
		assertThat(this.quarantine.filter(List.of(this.one, this.two))).containsExactly(this.one, this.two);
	}

	@Test
	void filterIncludesInstancesWhoseQuarantineHasEnded() {
		this.quarantine.quarantine(this.one);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.quarantine.filter(List.of(this.one, this.two))).containsExactly(this.one, this.two);
	}

	private static ServiceInstance instance(String id, int port) {
		return new DefaultServiceInstance(id, "catalog-service", "localhost", port, false);
	}

	static class SettableClock extends Clock {

		private Instant instant;

		SettableClock(Instant instant) {
			this.instant = instant;
		}

		void advance(Duration duration) {
			this.instant = this.instant.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.instant;
		}

	}

}
