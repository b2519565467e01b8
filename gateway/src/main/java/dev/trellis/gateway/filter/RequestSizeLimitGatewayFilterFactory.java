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
package dev.trellis.gateway.filter;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.RequestSizeGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.GatewayToStringStyler.filterToStringCreator;

/**
 * Gateway filter factory that limits the size of request bodies, like Spring Cloud
 * Gateway's {@code RequestSize}, also when the request has no {@code Content-Length}
 * (chunked transfer encoding): {@code RequestSize} checks only that header. A larger
 * {@code Content-Length} is refused before anything is forwarded; a streamed body is
 * counted as it is forwarded, and the request fails with 413 (Content Too Large) at the
 * first byte over the limit.
 * <p>
 * Referenced as {@code RequestSizeLimit} with the {@code maxSize} argument of
 * {@code RequestSize}.
 *
 * @author Trellis
 */
public class RequestSizeLimitGatewayFilterFactory extends RequestSizeGatewayFilterFactory {

	@Override
	public GatewayFilter apply(RequestSizeConfig config) {
		GatewayFilter contentLength = super.apply(config);
		long maxSize = config.getMaxSize().toBytes();
		String detail = "The request body is larger than the limit of " + config.getMaxSize() + ".";
		return new GatewayFilter() {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
				return contentLength.filter(exchange,
						(checked) -> chain.filter(checked.mutate().request(limited(checked.getRequest())).build()));
			}

			private ServerHttpRequest limited(ServerHttpRequest request) {
				return new ServerHttpRequestDecorator(request) {

					@Override
					public Flux<DataBuffer> getBody() {
						// A count per subscription: a retried request reads its body
						// again.
						return Flux.defer(() -> {
							AtomicLong size = new AtomicLong();
							return super.getBody().handle((buffer, sink) -> {
								if (size.addAndGet(buffer.readableByteCount()) > maxSize) {
									DataBufferUtils.release(buffer);
									sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, detail));
								}
								else {
									sink.next(buffer);
								}
							});
						});
					}

				};
			}

			@Override
			public String toString() {
				return filterToStringCreator(RequestSizeLimitGatewayFilterFactory.this)
					.append("maxSize", config.getMaxSize())
					.toString();
			}

		};
	}

}
