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
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for tracing in every Trellis app: spans of actuator requests and
 * registry traffic are not exported ({@link HousekeepingSpanFilter}), unless
 * {@code trellis.tracing.export-housekeeping} is {@code true}; servlet apps log one line
 * per request and answer with its trace id ({@link RequestLogFilter}, unless
 * {@code trellis.web.request-log.enabled} is {@code false}). Everything else (Brave,
 * propagation, the Zipkin reporter, sampling) is Spring Boot's, configured in
 * {@code config-repo/application.yml}.
 *
 * @author Trellis
 */
@AutoConfiguration(
		beforeName = "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration")
@ConditionalOnClass(SpanExportingPredicate.class)
public final class TracingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "trellis.tracing.export-housekeeping", havingValue = false,
			matchIfMissing = true)
	HousekeepingSpanFilter housekeepingSpanFilter() {
		return new HousekeepingSpanFilter();
	}

	/**
	 * One log line per request, and the trace id in the response
	 * ({@link RequestLogFilter}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(OncePerRequestFilter.class)
	@ConditionalOnBooleanProperty(name = "trellis.web.request-log.enabled", matchIfMissing = true)
	static class RequestLogConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
			FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(
					new RequestLogFilter());
			registration.setOrder(RequestLogFilter.ORDER);
			return registration;
		}

	}

}
