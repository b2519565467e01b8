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

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the gateway's rate limit. The {@code RequestRateLimiter}
 * default filter of config-repo/gateway.yml reads them through placeholders, so that a
 * profile changes them without repeating the list of default filters.
 *
 * @author Trellis
 */
@ConfigurationProperties("trellis.gateway.rate-limit")
public class RateLimitProperties {

	/**
	 * Requests per second a principal (or an anonymous client address) may make on
	 * average, per route.
	 */
	private int replenishRate = 20;

	/**
	 * Requests a principal (or an anonymous client address) may make at once, per route,
	 * before the replenish rate applies.
	 */
	private int burstCapacity = 40;

	public int getReplenishRate() {
		return this.replenishRate;
	}

	public void setReplenishRate(int replenishRate) {
		this.replenishRate = replenishRate;
	}

	public int getBurstCapacity() {
		return this.burstCapacity;
	}

	public void setBurstCapacity(int burstCapacity) {
		this.burstCapacity = burstCapacity;
	}

}
