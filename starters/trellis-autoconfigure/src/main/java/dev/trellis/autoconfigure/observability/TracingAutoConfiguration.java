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

import io.micrometer.tracing.exporter.SpanExportingPredicate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for tracing in every Trellis app: spans of actuator requests and
 * registry traffic are not exported ({@link HousekeepingSpanFilter}), unless
 * {@code trellis.tracing.export-housekeeping} is {@code true}. Everything else (Brave,
 * propagation, the Zipkin reporter, sampling) is Spring Boot's, configured in
 * {@code config-repo/application.yml}.
 *
 * @author Trellis
 */
@AutoConfiguration(
		beforeName = "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration")
@ConditionalOnClass(SpanExportingPredicate.class)
@ConditionalOnBooleanProperty(name = "trellis.tracing.export-housekeeping", havingValue = false, matchIfMissing = true)
public final class TracingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HousekeepingSpanFilter housekeepingSpanFilter() {
		return new HousekeepingSpanFilter();
	}

}
