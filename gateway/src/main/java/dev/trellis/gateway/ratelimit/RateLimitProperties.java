/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
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
