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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.cloud.client.ServiceInstance;

/**
 * Instances that recently refused a connection, and until when the load balancer skips
 * them. This is passive health checking: the registry needs tens of seconds to notice a
 * dead instance, a refused connection says so at once.
 *
 * @author Trellis
 */
public class InstanceQuarantine {

	private static final Log logger = LogFactory.getLog(InstanceQuarantine.class);

	private final Map<String, Instant> quarantined = new ConcurrentHashMap<>();

	private final Duration duration;

	private final Clock clock;

	public InstanceQuarantine(Duration duration) {
		this(duration, Clock.systemUTC());
	}

	InstanceQuarantine(Duration duration, Clock clock) {
		this.duration = duration;
		this.clock = clock;
	}

	/**
	 * Skip the given instance for the quarantine duration.
	 * @param instance the instance that could not be reached
	 */
	public void quarantine(ServiceInstance instance) {
		Instant until = this.clock.instant().plus(this.duration);
		if (this.quarantined.put(key(instance), until) == null) {
			logger.warn("Skipping " + instance.getServiceId() + " instance " + key(instance) + " for "
					+ this.duration.toSeconds() + "s: it refused a connection");
		}
	}

	/**
	 * Whether the given instance is skipped now.
	 * @param instance the instance
	 * @return whether it is in quarantine
	 */
	public boolean isQuarantined(ServiceInstance instance) {
		String key = key(instance);
		Instant until = this.quarantined.get(key);
		if (until == null) {
			return false;
		}
		if (until.isAfter(this.clock.instant())) {
			return true;
		}
		this.quarantined.remove(key, until);
		return false;
	}

	/**
	 * Remove quarantined instances from a list of candidates, unless that leaves none: a
	 * possibly dead instance is still better than no instance at all.
	 * @param instances the candidates
	 * @return the candidates to balance over
	 */
	public List<ServiceInstance> filter(List<ServiceInstance> instances) {
		List<ServiceInstance> healthy = instances.stream().filter((instance) -> !isQuarantined(instance)).toList();
		return healthy.isEmpty() ? instances : healthy;
	}

	private static String key(ServiceInstance instance) {
		return instance.getHost() + ":" + instance.getPort();
	}

}
