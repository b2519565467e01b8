/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.gateway.loadbalancer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for taking unreachable instances out of load balancing.
 *
 * @author Trellis
 */
@ConfigurationProperties("trellis.gateway.quarantine")
public class QuarantineProperties {

	/**
	 * Whether an instance that refuses a connection is skipped by the load balancer for a
	 * while.
	 */
	private boolean enabled = true;

	/**
	 * How long an unreachable instance is skipped. Long enough for the registry to evict
	 * a dead instance and for clients to see it gone.
	 */
	private Duration duration = Duration.ofSeconds(30);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getDuration() {
		return this.duration;
	}

	public void setDuration(Duration duration) {
		this.duration = duration;
	}

}
