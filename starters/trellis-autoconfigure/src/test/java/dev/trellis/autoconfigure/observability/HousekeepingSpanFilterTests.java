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
package dev.trellis.autoconfigure.observability;

import java.util.Map;

import io.micrometer.tracing.exporter.FinishedSpan;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link HousekeepingSpanFilter} and {@link TracingAutoConfiguration}.
 *
 * @author Trellis
 */
class HousekeepingSpanFilterTests {

	private final HousekeepingSpanFilter filter = new HousekeepingSpanFilter();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TracingAutoConfiguration.class));

	@Test
	void healthProbeIsNotExported() {
		assertThat(this.filter.isExportable(span("uri", "/actuator/health/{*path}"))).isFalse();
	}

	@Test
	void prometheusScrapeIsNotExported() {
		assertThat(this.filter.isExportable(span("http.url", "/actuator/prometheus"))).isFalse();
	}

	@Test
	void registryHeartbeatIsNotExported() {
		assertThat(this.filter.isExportable(
				span("http.url", "http://localhost:8761/eureka/apps/CATALOG-SERVICE/host:catalog-service:8081")))
			.isFalse();
	}

	@Test
	void applicationRequestIsExported() {
		assertThat(this.filter.isExportable(span("http.url", "http://catalog-service/products/SKU-1"))).isTrue();
		assertThat(this.filter.isExportable(span("uri", "/orders/{id}"))).isTrue();
	}

	@Test
	void pathsThatOnlyMentionActuatorAreExported() {
		assertThat(this.filter.isExportable(span("http.url", "http://catalog-service/products/actuator"))).isTrue();
	}

	@Test
	void spanWithoutUrlIsExported() {
		assertThat(this.filter.isExportable(span("messaging.destination.name", "order-events"))).isTrue();
	}

	@Test
	void filterIsAutoConfigured() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(HousekeepingSpanFilter.class));
	}

	@Test
	void filterBacksOffWhenHousekeepingIsExported() {
		this.contextRunner.withPropertyValues("trellis.tracing.export-housekeeping=true")
			.run((context) -> assertThat(context).doesNotHaveBean(HousekeepingSpanFilter.class));
	}

	private static FinishedSpan span(String tag, String value) {
		FinishedSpan span = mock(FinishedSpan.class);
		given(span.getTags()).willReturn(Map.of(tag, value));
		return span;
	}

}
