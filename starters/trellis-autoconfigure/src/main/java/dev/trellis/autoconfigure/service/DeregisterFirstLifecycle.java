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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * {@link SmartLifecycle} that takes the instance out of service discovery as the very
 * first step of a graceful shutdown, before the web server stops accepting requests.
 * <p>
 * Without it the instance stays registered while it drains, and callers that still route
 * to it see refused connections.
 *
 * @author Trellis
 */
public class DeregisterFirstLifecycle implements SmartLifecycle {

	/**
	 * Stops before every other lifecycle bean, the web server's graceful shutdown
	 * included.
	 */
	public static final int PHASE = Integer.MAX_VALUE;

	private static final Log logger = LogFactory.getLog(DeregisterFirstLifecycle.class);

	private final Runnable deregistration;

	private final Duration delay;

	private volatile boolean running;

	public DeregisterFirstLifecycle(Runnable deregistration, Duration delay) {
		this.deregistration = deregistration;
		this.delay = delay;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		logger.info("Deregistering from service discovery before shutdown");
		try {
			this.deregistration.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Deregistration failed; the registry will evict this instance when its lease expires", ex);
		}
		if (!this.delay.isZero() && !this.delay.isNegative()) {
			try {
				Thread.sleep(this.delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
