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
