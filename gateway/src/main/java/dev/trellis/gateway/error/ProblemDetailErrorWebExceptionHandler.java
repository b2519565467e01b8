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
package dev.trellis.gateway.error;

import java.net.ConnectException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@link ErrorWebExceptionHandler} that answers every error of the gateway with an RFC
 * 9457 problem: no route (404), no instance of the service (503), a service that cannot
 * be reached (502) or does not answer in time (504), and anything else (500, without
 * internals).
 *
 * @author Trellis
 */
public class ProblemDetailErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemDetailErrorWebExceptionHandler.class);

	private final ProblemDetailWriter writer;

	public ProblemDetailErrorWebExceptionHandler(ProblemDetailWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		return this.writer.write(exchange, problemFor(ex, exchange));
	}

	private ProblemDetail problemFor(Throwable ex, ServerWebExchange exchange) {
		if (ex instanceof ErrorResponse errorResponse) {
			HttpStatusCode status = errorResponse.getStatusCode();
			if (status.value() == HttpStatus.NOT_FOUND.value()) {
				// The gateway serves nothing itself: a 404 of its own means no route
				// matched.
				return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"No route for " + exchange.getRequest().getPath().value());
			}
			ProblemDetail body = errorResponse.getBody();
			if (status.is5xxServerError()) {
				logger.warn(describe(exchange) + " failed: " + ex.getMessage());
			}
			return ProblemDetail.forStatusAndDetail(status, (body.getDetail() != null) ? body.getDetail()
					: HttpStatus.valueOf(status.value()).getReasonPhrase());
		}
		if (causedBy(ex, ConnectException.class) || causedBy(ex, PrematureCloseException.class)) {
			logger.warn(describe(exchange) + " failed: " + ex.getMessage());
			return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "The service could not be reached.");
		}
		logger.error(describe(exchange) + " failed", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The gateway could not complete the request.");
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return true;
			}
		}
		return false;
	}

	private static String describe(ServerWebExchange exchange) {
		return exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
	}

}
