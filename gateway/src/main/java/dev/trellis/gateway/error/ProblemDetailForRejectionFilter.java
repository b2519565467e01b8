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

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@link GlobalFilter} that gives a problem body to the requests Spring Cloud Gateway's
 * filters reject with an empty response: {@code RequestSize} (413) and
 * {@code RequestRateLimiter} (429). Headers those filters set (the {@code X-RateLimit-*}
 * ones) are kept.
 *
 * @author Trellis
 */
public class ProblemDetailForRejectionFilter implements GlobalFilter, Ordered {

	// The header RequestSize explains its rejection in; the problem detail carries it.
	private static final String REQUEST_SIZE_MESSAGE_HEADER = "errorMessage";

	private final ProblemDetailWriter writer;

	public ProblemDetailForRejectionFilter(ProblemDetailWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {

			@Override
			public Mono<Void> setComplete() {
				ProblemDetail problem = problemFor(getStatusCode(), getHeaders().getFirst(REQUEST_SIZE_MESSAGE_HEADER));
				if (problem == null) {
					return super.setComplete();
				}
				getHeaders().remove(REQUEST_SIZE_MESSAGE_HEADER);
				return ProblemDetailForRejectionFilter.this.writer.write(exchange, problem);
			}

		};
		return chain.filter(exchange.mutate().response(response).build());
	}

	private static @Nullable ProblemDetail problemFor(@Nullable HttpStatusCode status, @Nullable String sizeMessage) {
		if (status == null) {
			return null;
		}
		if (status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
					"Too many requests; retry after the rate limit replenishes.");
		}
		if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					(sizeMessage != null) ? sizeMessage : "The request body is too large.");
		}
		return null;
	}

	@Override
	public int getOrder() {
		// Around every other filter, so that it sees their rejections.
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
