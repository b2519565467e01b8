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
package dev.trellis.test.env;

import java.util.HashMap;
import java.util.Map;

import dev.trellis.autoconfigure.env.PlatformDefaultsEnvironmentPostProcessor;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * {@link EnvironmentPostProcessor} that keeps a service's tests to themselves: with the
 * test starter on the classpath, no test imports configuration from a config server or
 * registers with Eureka unless it asks for it with its own properties.
 *
 * @author Trellis
 */
public class IsolatedTestEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Runs before {@link PlatformDefaultsEnvironmentPostProcessor}, which reads the
	 * switches set here.
	 */
	public static final int ORDER = PlatformDefaultsEnvironmentPostProcessor.ORDER - 1;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> switches = new HashMap<>(Map.of("trellis.config.import.enabled", "false",
				"spring.cloud.config.enabled", "false", "eureka.client.enabled", "false"));
		// Default properties the application set itself are its own choice: keep them.
		PropertySource<?> applicationDefaults = environment.getPropertySources()
			.get(DefaultPropertiesPropertySource.NAME);
		if (applicationDefaults != null) {
			switches.keySet().removeIf(applicationDefaults::containsProperty);
		}
		DefaultPropertiesPropertySource.addOrMerge(switches, environment.getPropertySources());
	}

}
