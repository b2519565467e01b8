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
package dev.trellis.gateway.ratelimit;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Configuration of the rate limiter and of the key requests are rate limited by.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/**
	 * Key of the {@code RequestRateLimiter} filter: the token's subject (or the signed-in
	 * user's, for a browser session), or the client's address for anonymous requests. The
	 * address is the TCP peer's, never a forwarding header a client could make up
	 * ({@code server.forward-headers-strategy: none}); only when the peer is one of the
	 * gateway's {@code trusted-proxies} is it the client address that proxy reports.
	 * @return the key resolver
	 */
	/**
	 * The rate limiter of the {@code RequestRateLimiter} filter: Redis's, which lets
	 * requests through while Redis is down, logging that once rather than per request.
	 * The {@link RedisRateLimiter} bean stays: it receives the filter's arguments.
	 * @param redisRateLimiter Spring Cloud Gateway's limiter
	 * @return the limiter
	 */
	@Bean
	@Primary
	FailOpenRateLimiter failOpenRateLimiter(RedisRateLimiter redisRateLimiter) {
		return new FailOpenRateLimiter(redisRateLimiter);
	}

	@Bean
	KeyResolver principalOrClientAddressKeyResolver() {
		return (exchange) -> exchange.getPrincipal()
			.filter((principal) -> principal instanceof JwtAuthenticationToken
					|| principal instanceof OAuth2AuthenticationToken)
			.map((principal) -> "sub:" + principal.getName())
			.switchIfEmpty(Mono.fromSupplier(() -> {
				InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
				return "address:" + ((remote != null) ? remote.getAddress().getHostAddress() : "unknown");
			}));
	}

}
