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

import java.util.Map;

import dev.trellis.autoconfigure.env.PlatformDefaultsEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IsolatedTestEnvironmentPostProcessor}.
 *
 * @author Trellis
 */
class IsolatedTestEnvironmentPostProcessorTests {

	private final IsolatedTestEnvironmentPostProcessor postProcessor = new IsolatedTestEnvironmentPostProcessor();

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void configImportAndEurekaAreDisabled() {
		postProcess();
		assertThat(this.environment.getProperty("trellis.config.import.enabled")).isEqualTo("false");
		assertThat(this.environment.getProperty("spring.cloud.config.enabled")).isEqualTo("false");
		assertThat(this.environment.getProperty("eureka.client.enabled")).isEqualTo("false");
	}

	@Test
	void testPropertiesOverrideTheSwitches() {
		this.environment.setProperty("eureka.client.enabled", "true");
		this.environment.setProperty("spring.cloud.config.enabled", "true");
		postProcess();
		assertThat(this.environment.getProperty("eureka.client.enabled")).isEqualTo("true");
		assertThat(this.environment.getProperty("spring.cloud.config.enabled")).isEqualTo("true");
	}

	@Test
	void applicationDefaultPropertiesOverrideTheSwitches() {
		DefaultPropertiesPropertySource.addOrMerge(Map.of("eureka.client.enabled", "true"),
				this.environment.getPropertySources());
		postProcess();
		assertThat(this.environment.getProperty("eureka.client.enabled")).isEqualTo("true");
		assertThat(this.environment.getProperty("spring.cloud.config.enabled")).isEqualTo("false");
	}

	@Test
	void platformDefaultsDoNotImportConfiguration() {
		postProcess();
		new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment,
				new SpringApplication());
		assertThat(this.environment.containsProperty("spring.config.import")).isFalse();
	}

	@Test
	void runsBeforePlatformDefaults() {
		assertThat(this.postProcessor.getOrder()).isLessThan(new PlatformDefaultsEnvironmentPostProcessor().getOrder());
	}

	@Test
	void appliesToApplicationsInTests() {
		SpringApplication application = new SpringApplication(EmptyConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(context.getEnvironment().getProperty("eureka.client.enabled")).isEqualTo("false");
			assertThat(context.getEnvironment().containsProperty("spring.config.import")).isFalse();
		}
	}

	private void postProcess() {
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
