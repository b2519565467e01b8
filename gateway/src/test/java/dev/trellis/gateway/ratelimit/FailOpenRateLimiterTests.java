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

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link FailOpenRateLimiter}.
 *
 * @author Trellis
 */
@ExtendWith(OutputCaptureExtension.class)
class FailOpenRateLimiterTests {

	private final RedisRateLimiter redis = mock(RedisRateLimiter.class);

	private final FailOpenRateLimiter limiter = new FailOpenRateLimiter(this.redis);

	private final Response failed = new Response(true, Map.of(RedisRateLimiter.REMAINING_HEADER, "-1"));

	private final Response counted = new Response(true, Map.of(RedisRateLimiter.REMAINING_HEADER, "7"));

	@Test
	void failedCallPassesWithoutRateLimitHeaders() {
		given(this.redis.getRemainingHeader()).willReturn(RedisRateLimiter.REMAINING_HEADER);
		given(this.redis.isAllowed("route", "key")).willReturn(Mono.just(this.failed));
		Response response = this.limiter.isAllowed("route", "key").block();
		assertThat(response.isAllowed()).isTrue();
		assertThat(response.getHeaders()).isEmpty();
	}

	@Test
	void flappingRedisIsAnnouncedOnceEachWay(CapturedOutput output) {
		given(this.redis.getRemainingHeader()).willReturn(RedisRateLimiter.REMAINING_HEADER);
		given(this.redis.isAllowed("route", "key")).willReturn(Mono.just(this.failed), Mono.just(this.counted),
				Mono.just(this.failed), Mono.just(this.counted), Mono.just(this.failed), Mono.just(this.counted));
		for (int i = 0; i < 6; i++) {
			this.limiter.isAllowed("route", "key").block();
		}
		assertThat(output.getOut().split("Redis cannot be reached:", -1)).hasSize(2);
		assertThat(output.getOut().split("Redis is reachable again:", -1)).hasSize(2);
	}

}
