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
package dev.trellis.gateway.security;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;

import org.springframework.cloud.gateway.filter.headers.ForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@link HttpHeadersFilter} that drops the {@code Forwarded} and {@code X-Forwarded-*}
 * headers of a request whose TCP peer is not a trusted proxy, and writes the gateway's
 * own in their place: the peer as the client, the scheme, host, port and prefix the
 * gateway was called with.
 * <p>
 * Spring Cloud Gateway's {@link XForwardedHeadersFilter} and
 * {@link ForwardedHeadersFilter} return the headers unchanged when the peer is not
 * trusted: a client's made-up headers would reach the service as sent, and the service
 * would not learn the real address at all. For a trusted peer this filter changes
 * nothing; Spring Cloud Gateway handles its headers.
 *
 * @author Trellis
 */
public class UntrustedForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

	private static final List<String> FORWARDING_HEADERS = List.of(ForwardedHeadersFilter.FORWARDED_HEADER,
			XForwardedHeadersFilter.X_FORWARDED_FOR_HEADER, XForwardedHeadersFilter.X_FORWARDED_HOST_HEADER,
			XForwardedHeadersFilter.X_FORWARDED_PORT_HEADER, XForwardedHeadersFilter.X_FORWARDED_PROTO_HEADER,
			XForwardedHeadersFilter.X_FORWARDED_PREFIX_HEADER);

	private final TrustedProxies trustedProxies;

	// Once the untrusted headers are gone, the gateway is the first proxy: Spring Cloud
	// Gateway's filters, trusting the one value left (the peer), write what it knows.
	private final HttpHeadersFilter xForwarded = new XForwardedHeadersFilter(".*");

	private final HttpHeadersFilter forwarded = new ForwardedHeadersFilter(".*");

	/**
	 * Create a filter for the given pattern of trusted proxies.
	 * @param trustedProxies regular expression of the addresses of trusted proxies, or
	 * {@code null} or empty to trust none
	 */
	public UntrustedForwardedHeadersFilter(@Nullable String trustedProxies) {
		this.trustedProxies = StringUtils.hasText(trustedProxies) ? TrustedProxies.from(trustedProxies)
				: (address) -> false;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		InetSocketAddress peer = peer(exchange.getRequest());
		if (peer != null && this.trustedProxies.isTrusted(peer.getHostString())) {
			return input;
		}
		HttpHeaders headers = HttpHeaders.copyOf(input);
		FORWARDING_HEADERS.forEach(headers::remove);
		headers = this.xForwarded.filter(headers, exchange);
		return this.forwarded.filter(headers, exchange);
	}

	/**
	 * The TCP peer of the request. Not {@link ServerHttpRequest#getRemoteAddress()}: for
	 * a trusted proxy Spring Cloud Gateway replaces that with the client address the
	 * proxy reports.
	 * @param request the request
	 * @return the peer's address, or {@code null} if unknown
	 */
	private static @Nullable InetSocketAddress peer(ServerHttpRequest request) {
		try {
			Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
			if (nativeRequest instanceof Connection connection) {
				SocketAddress address = connection.channel().remoteAddress();
				if (address instanceof InetSocketAddress inetAddress) {
					return inetAddress;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// Not a Reactor Netty request: its remote address is the peer's.
		}
		return request.getRemoteAddress();
	}

	@Override
	public int getOrder() {
		// After Spring Cloud Gateway's filters (order 0), which pass untrusted headers
		// on.
		return 1;
	}

}
