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

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Identity of this running instance: the service discovery instance id when there is one,
 * otherwise the application name and the port the web server listens on.
 *
 * @author Trellis
 */
public class InstanceId implements Supplier<String>, ApplicationListener<WebServerInitializedEvent> {

	private final Environment environment;

	private final @Nullable Supplier<@Nullable String> registeredId;

	private volatile @Nullable String localPort;

	public InstanceId(Environment environment, @Nullable Supplier<@Nullable String> registeredId) {
		this.environment = environment;
		this.registeredId = registeredId;
	}

	@Override
	public String get() {
		String registered = (this.registeredId != null) ? this.registeredId.get() : null;
		if (registered != null && !registered.isBlank()) {
			return registered;
		}
		String name = this.environment.getProperty("spring.application.name", "application");
		String port = (this.localPort != null) ? this.localPort : this.environment.getProperty("server.port", "8080");
		return name + ":" + port;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		this.localPort = String.valueOf(event.getWebServer().getPort());
	}

}
