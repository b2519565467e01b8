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
package dev.trellis.gateway.observability;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers every request with its trace id in {@value #TRACE_ID_HEADER} and writes one log
 * line per request (method, path, status, duration, trace id), as the services do
 * ({@code RequestLogFilter} of the service starter): a client can follow any answer it
 * got into Zipkin and into the log of every app the request reached. Actuator requests
 * (probes, scrapes) are not logged.
 * <p>
 * The trace is the one of the request's server observation, which Spring WebFlux starts
 * before any filter runs. The id is written in the message itself: the completion of a
 * reactive request runs on whichever thread finished it, where the logging context does
 * not hold the trace.
 *
 * @author Trellis
 */
public class RequestLogWebFilter implements WebFilter, Ordered {

	/**
	 * Response header with the request's trace id (32 hex digits).
	 */
	public static final String TRACE_ID_HEADER = "X-Trace-Id";

	private static final Log logger = LogFactory.getLog("dev.trellis.request");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Optional<String> traceId = traceId(exchange);
		// Just before the response is committed, replacing the X-Trace-Id copied from the
		// proxied response (the service's own, of the same trace): one value, always.
		traceId.ifPresent((id) -> exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(TRACE_ID_HEADER, id);
			return Mono.empty();
		}));
		long start = System.nanoTime();
		return chain.filter(exchange).doFinally((signal) -> log(exchange, traceId, start));
	}

	private static Optional<String> traceId(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map((context) -> context.<TracingObservationHandler.TracingContext>get(
					TracingObservationHandler.TracingContext.class))
			.map(TracingObservationHandler.TracingContext::getSpan)
			.map(Span::context)
			.map((context) -> context.traceId());
	}

	private static void log(ServerWebExchange exchange, Optional<String> traceId, long start) {
		String path = exchange.getRequest().getPath().value();
		if (!logger.isInfoEnabled() || path.startsWith("/actuator")) {
			return;
		}
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		logger.info(exchange.getRequest().getMethod() + " " + path + " " + ((status != null) ? status.value() : "-")
				+ " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms"
				+ traceId.map((id) -> " trace " + id).orElse(""));
	}

	@Override
	public int getOrder() {
		// First of the filters: its time covers the security checks and the proxied call.
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
