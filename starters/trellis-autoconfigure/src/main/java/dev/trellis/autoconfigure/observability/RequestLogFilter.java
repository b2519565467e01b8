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

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes one log line per request a servlet app served (method, path, status, duration)
 * and answers with the request's trace id in {@value #TRACE_ID_HEADER}. Runs inside the
 * request's observation, so the line carries the trace id like every other line of the
 * request, and a client can look the request up in Zipkin or in the logs of every app it
 * reached. Actuator requests (probes, scrapes) are not logged.
 *
 * @author Trellis
 */
public class RequestLogFilter extends OncePerRequestFilter implements Ordered {

	/**
	 * Response header with the request's trace id (32 hex digits).
	 */
	public static final String TRACE_ID_HEADER = "X-Trace-Id";

	/**
	 * Right after Spring's {@code ServerHttpObservationFilter}
	 * ({@code HIGHEST_PRECEDENCE + 1}), which opens the request's trace, and before
	 * Spring Security, so that refused requests are logged too.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	private static final String TRACE_ID_KEY = "traceId";

	private static final Log logger = LogFactory.getLog("dev.trellis.request");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String traceId = MDC.get(TRACE_ID_KEY);
		if (traceId != null && !traceId.isEmpty()) {
			response.setHeader(TRACE_ID_HEADER, traceId);
		}
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (logger.isInfoEnabled() && !request.getRequestURI().startsWith("/actuator")) {
				logger.info(request.getMethod() + " " + request.getRequestURI() + " " + response.getStatus() + " "
						+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
			}
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
