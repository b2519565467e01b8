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

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.http.HttpServletResponse;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestLogFilter}.
 *
 * @author Trellis
 */
class RequestLogFilterTests {

	private static final String TRACE_ID = "6b0df89a7a22f73ee599045f810f62ee";

	private final RequestLogFilter filter = new RequestLogFilter();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final Logger logger = (Logger) LoggerFactory.getLogger("dev.trellis.request");

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	@BeforeEach
	void captureLines() {
		this.lines.start();
		this.logger.addAppender(this.lines);
	}

	@AfterEach
	void stopCapturing() {
		this.logger.detachAppender(this.lines);
		MDC.clear();
	}

	@Test
	void answersWithTheTraceIdOfTheRequest() throws Exception {
		MDC.put("traceId", TRACE_ID);
		this.filter.doFilter(new MockHttpServletRequest("GET", "/products/TRL-MUG-001"), this.response,
				new MockFilterChain());
		assertThat(this.response.getHeader(RequestLogFilter.TRACE_ID_HEADER)).isEqualTo(TRACE_ID);
	}

	@Test
	void requestOutsideATraceGetsNoTraceIdHeader() throws Exception {
		this.filter.doFilter(new MockHttpServletRequest("GET", "/products"), this.response, new MockFilterChain());
		assertThat(this.response.getHeader(RequestLogFilter.TRACE_ID_HEADER)).isNull();
	}

	@Test
	void logsMethodPathStatusAndDurationOfEachRequest() throws Exception {
		MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {

			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
				response.setStatus(201);
			}

		});
		this.filter.doFilter(new MockHttpServletRequest("POST", "/orders"), this.response, chain);
		assertThat(this.lines.list).singleElement()
			.extracting(ILoggingEvent::getFormattedMessage, as(InstanceOfAssertFactories.STRING))
			.matches("POST /orders 201 \\d+ ms");
	}

	@Test
	void actuatorRequestsAreNotLogged() throws Exception {
		this.filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), this.response,
				new MockFilterChain());
		assertThat(this.lines.list).isEmpty();
	}

}
