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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

/**
 * {@link RateLimiter} that lets requests through while Redis cannot be reached, and says
 * so once: a WARN when Redis becomes unreachable, an INFO when it answers again (an
 * outage within a minute of the last WARN, as when an overloaded Redis misses some calls'
 * time limit, is logged at DEBUG only).
 * <p>
 * {@link RedisRateLimiter} already lets a request through when its Redis call fails, but
 * logs an ERROR with a stack trace for every such request (its logger is turned off in
 * config-repo/gateway.yml). It answers those requests with {@value #FAILED_REMAINING}
 * tokens remaining, a value a working Redis never returns: that is how this decorator
 * tells them apart. Their {@code X-RateLimit-*} headers are left out, as they would tell
 * the client about a limit that is not applied.
 *
 * @author Trellis
 */
public class FailOpenRateLimiter implements RateLimiter<RedisRateLimiter.Config> {

	private static final Log logger = LogFactory.getLog(FailOpenRateLimiter.class);

	static final String FAILED_REMAINING = "-1";

	private final RedisRateLimiter delegate;

	/** How long after a WARN another outage is logged at DEBUG only. */
	private static final long QUIET_NANOS = Duration.ofMinutes(1).toNanos();

	private final AtomicBoolean available = new AtomicBoolean(true);

	private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - QUIET_NANOS);

	private volatile boolean warned;

	public FailOpenRateLimiter(RedisRateLimiter delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<Response> isAllowed(String routeId, String id) {
		return this.delegate.isAllowed(routeId, id).map((response) -> {
			if (FAILED_REMAINING.equals(response.getHeaders().get(this.delegate.getRemainingHeader()))) {
				if (this.available.compareAndSet(true, false)) {
					unavailable();
				}
				return new Response(true, Map.of());
			}
			if (this.available.compareAndSet(false, true)) {
				available();
			}
			return response;
		});
	}

	private void unavailable() {
		long now = System.nanoTime();
		long last = this.lastWarning.get();
		// An overloaded Redis that answers some calls in time and not others would
		// otherwise log a pair of lines every few requests.
		if (now - last >= QUIET_NANOS && this.lastWarning.compareAndSet(last, now)) {
			this.warned = true;
			logger.warn("Redis cannot be reached: requests pass without rate limiting until it is back");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Redis cannot be reached again: requests pass without rate limiting");
		}
	}

	private void available() {
		if (this.warned) {
			this.warned = false;
			logger.info("Redis is reachable again: requests are rate limited");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Redis is reachable again");
		}
	}

	@Override
	public Map<String, RedisRateLimiter.Config> getConfig() {
		return this.delegate.getConfig();
	}

	@Override
	public Class<RedisRateLimiter.Config> getConfigClass() {
		return this.delegate.getConfigClass();
	}

	@Override
	public RedisRateLimiter.Config newConfig() {
		return this.delegate.newConfig();
	}

}
