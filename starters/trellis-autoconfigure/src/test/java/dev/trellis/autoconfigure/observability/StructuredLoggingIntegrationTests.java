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

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for structured logs: switched on by Spring Boot's
 * {@code logging.structured.format.console}, every line is a JSON object that names the
 * trace and span it was written in.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE,
		properties = { "spring.application.name=structured", "trellis.config.import.enabled=false",
				"spring.cloud.config.enabled=false", "eureka.client.enabled=false",
				"logging.structured.format.console=ecs" })
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext // closing it resets logging for the next test's context
class StructuredLoggingIntegrationTests {

	private static final Log logger = LogFactory.getLog(StructuredLoggingIntegrationTests.class);

	@Autowired
	private Tracer tracer;

	@AfterAll
	static void plainLogsForTheNextTests() {
		// Boot hands the format to Logback as a system property, which would outlive
		// this test's context and turn every later test's log into JSON.
		System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
	}

	@Test
	void ecsLinesCarryTheTraceAndSpanIds(CapturedOutput output) {
		Span span = this.tracer.nextSpan().name("structured").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			logger.info("Inside a span");
		}
		finally {
			span.end();
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains("Inside a span"))).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("{")
				.contains("\"traceId\":\"" + span.context().traceId() + "\"")
				.contains("\"spanId\":\"" + span.context().spanId() + "\"")
				.contains("\"name\":\"structured\""));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class StructuredApplication {

	}

}
