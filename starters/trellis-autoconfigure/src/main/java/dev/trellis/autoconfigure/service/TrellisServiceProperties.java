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
package dev.trellis.autoconfigure.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for a Trellis service.
 *
 * @author Trellis
 */
@ConfigurationProperties("trellis.service")
public class TrellisServiceProperties {

	private final InstanceHeader instanceHeader = new InstanceHeader();

	private final Shutdown shutdown = new Shutdown();

	public InstanceHeader getInstanceHeader() {
		return this.instanceHeader;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	/**
	 * Response header naming the instance that served a request.
	 */
	public static class InstanceHeader {

		/**
		 * Whether every response carries a header naming the instance that served it.
		 */
		private boolean enabled = true;

		/**
		 * Name of the response header.
		 */
		private String name = "X-Trellis-Instance";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

	/**
	 * Leaving the platform on shutdown.
	 */
	public static class Shutdown {

		/**
		 * Whether to deregister from service discovery before the web server stops taking
		 * requests, rather than after it has drained them.
		 */
		private boolean deregisterFirst = true;

		/**
		 * Time to keep serving after deregistering, so that clients whose registry and
		 * load balancer caches still list this instance stop sending to it.
		 */
		private Duration deregistrationDelay = Duration.ZERO;

		public boolean isDeregisterFirst() {
			return this.deregisterFirst;
		}

		public void setDeregisterFirst(boolean deregisterFirst) {
			this.deregisterFirst = deregisterFirst;
		}

		public Duration getDeregistrationDelay() {
			return this.deregistrationDelay;
		}

		public void setDeregistrationDelay(Duration deregistrationDelay) {
			this.deregistrationDelay = deregistrationDelay;
		}

	}

}
