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

package dev.trellis.autoconfigure.env;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.cloud.config.client.ConfigClientProperties;
import org.springframework.cloud.netflix.eureka.EurekaClientConfigBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PlatformDefaultsEnvironmentPostProcessor}.
 *
 * @author Trellis
 */
class PlatformDefaultsEnvironmentPostProcessorTests {

	private final PlatformDefaultsEnvironmentPostProcessor postProcessor = new PlatformDefaultsEnvironmentPostProcessor();

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void configServerImportIsAddedByDefault() {
		postProcess();
		assertThat(this.environment.getProperty("spring.config.import"))
			.isEqualTo("configserver:http://localhost:8888");
		assertThat(defaultProperties().getProperty("spring.config.import"))
			.isEqualTo(PlatformDefaultsEnvironmentPostProcessor.CONFIG_IMPORT);
	}

	@Test
	void configServerUrlComesFromTheEnvironment() {
		this.environment.setProperty("CONFIG_SERVER_URL", "http://config:8888");
		postProcess();
		assertThat(this.environment.getProperty("spring.config.import")).isEqualTo("configserver:http://config:8888");
	}

	@Test
	void configServerImportIsNotAddedWhenAnImportIsAlreadySet() {
		this.environment.setProperty("spring.config.import", "optional:file:./local.yml");
		postProcess();
		assertThat(this.environment.getProperty("spring.config.import")).isEqualTo("optional:file:./local.yml");
		assertThat(defaultProperties().containsProperty("spring.config.import")).isFalse();
	}

	@Test
	void configServerImportIsNotAddedWhenTrellisConfigImportIsDisabled() {
		this.environment.setProperty("trellis.config.import.enabled", "false");
		postProcess();
		assertThat(this.environment.containsProperty("spring.config.import")).isFalse();
	}

	@Test
	void importCheckIsOffWhenTrellisConfigImportIsDisabled() {
		this.environment.setProperty("trellis.config.import.enabled", "false");
		postProcess();
		assertThat(this.environment.getProperty("spring.cloud.config.import-check.enabled")).isEqualTo("false");
	}

	@Test
	void applicationStartsWithoutConfigServerWhenTrellisConfigImportIsDisabled() {
		SpringApplication application = new SpringApplication(EmptyConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--trellis.config.import.enabled=false")) {
			assertThat(context.getEnvironment().containsProperty("spring.config.import")).isFalse();
			assertThat(context.getEnvironment().getProperty("server.shutdown")).isEqualTo("graceful");
		}
	}

	@Test
	void configServerImportIsNotAddedWhenConfigClientIsDisabled() {
		this.environment.setProperty("spring.cloud.config.enabled", "false");
		postProcess();
		assertThat(this.environment.containsProperty("spring.config.import")).isFalse();
	}

	@Test
	void configClientDefaultsAreNotAddedWithoutConfigClient() {
		postProcess(new FilteredClassLoader(ConfigClientProperties.class));
		assertThat(this.environment.containsProperty("spring.config.import")).isFalse();
		assertThat(this.environment.containsProperty("spring.cloud.config.fail-fast")).isFalse();
	}

	@Test
	void configClientFailsFastWithRetry() {
		postProcess();
		assertThat(this.environment.getProperty("spring.cloud.config.fail-fast")).isEqualTo("true");
		assertThat(this.environment.getProperty("spring.cloud.config.retry.max-attempts")).isEqualTo("15");
		assertThat(this.environment.getProperty("spring.cloud.config.username")).isEqualTo("trellis");
	}

	@Test
	void applicationPropertiesOverrideDefaults() {
		this.environment.setProperty("server.shutdown", "immediate");
		this.environment.setProperty("eureka.instance.lease-renewal-interval-in-seconds", "30");
		postProcess();
		assertThat(this.environment.getProperty("server.shutdown")).isEqualTo("immediate");
		assertThat(this.environment.getProperty("eureka.instance.lease-renewal-interval-in-seconds")).isEqualTo("30");
		assertThat(this.environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("20s");
	}

	@Test
	void applicationDefaultPropertiesOverrideDefaults() {
		// As SpringApplication#setDefaultProperties leaves them for post-processors.
		DefaultPropertiesPropertySource.addOrMerge(Map.of("server.shutdown", "immediate", "custom", "kept"),
				this.environment.getPropertySources());
		postProcess();
		assertThat(this.environment.getProperty("server.shutdown")).isEqualTo("immediate");
		assertThat(this.environment.getProperty("custom")).isEqualTo("kept");
		assertThat(this.environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("20s");
	}

	@Test
	void defaultsHaveLowestPrecedence() {
		postProcess();
		assertThat(this.environment.getPropertySources().stream().reduce((first, second) -> second))
			.hasValueSatisfying((last) -> assertThat(DefaultPropertiesPropertySource.hasMatchingName(last)).isTrue());
	}

	@Test
	void eurekaClientDefaultsAreAddedWhenEurekaClientIsPresent() {
		this.environment.setProperty("spring.cloud.client.hostname", "host1");
		this.environment.setProperty("spring.application.name", "catalog-service");
		this.environment.setProperty("server.port", "8081");
		postProcess();
		assertThat(this.environment.getProperty("eureka.instance.instance-id")).isEqualTo("host1:catalog-service:8081");
		assertThat(this.environment.getProperty("eureka.instance.lease-renewal-interval-in-seconds")).isEqualTo("5");
		assertThat(this.environment.getProperty("eureka.client.healthcheck.enabled")).isEqualTo("true");
	}

	@Test
	void eurekaClientDefaultsAreNotAddedWithoutEurekaClient() {
		postProcess(new FilteredClassLoader(EurekaClientConfigBean.class));
		assertThat(this.environment.containsProperty("eureka.instance.instance-id")).isFalse();
		assertThat(this.environment.containsProperty("eureka.client.healthcheck.enabled")).isFalse();
		assertThat(this.environment.getProperty("server.shutdown")).isEqualTo("graceful");
	}

	@Test
	void lifecycleDefaultsAreAdded() {
		postProcess();
		assertThat(this.environment.getProperty("server.shutdown")).isEqualTo("graceful");
		assertThat(this.environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(this.environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,info");
		assertThat(this.environment.getProperty("spring.mvc.problemdetails.enabled")).isEqualTo("true");
	}

	@Test
	void actuatorNeverShowsConfigurationValues() {
		postProcess();
		assertThat(this.environment.getProperty("management.endpoint.env.show-values")).isEqualTo("never");
		assertThat(this.environment.getProperty("management.endpoint.configprops.show-values")).isEqualTo("never");
	}

	@Test
	void opsCredentialComesFromTheEnvironment() {
		this.environment.setProperty("OPS_USER", "operator");
		this.environment.setProperty("OPS_PASSWORD", "secret");
		postProcess();
		assertThat(this.environment.getProperty("trellis.security.ops.username")).isEqualTo("operator");
		assertThat(this.environment.getProperty("trellis.security.ops.password")).isEqualTo("secret");
	}

	@Test
	void opsCredentialHasNoPasswordByDefault() {
		postProcess();
		assertThat(this.environment.getProperty("trellis.security.ops.username")).isEqualTo("ops");
		assertThat(this.environment.getProperty("trellis.security.ops.password")).isEmpty();
	}

	@Test
	void metersAreTaggedWithTheApplicationName() {
		this.environment.setProperty("spring.application.name", "catalog-service");
		postProcess();
		assertThat(this.environment.getProperty("management.metrics.tags.application")).isEqualTo("catalog-service");
	}

	@Test
	void zipkinExportIsOffWithoutZipkinBaseUrl() {
		postProcess();
		assertThat(this.environment.getProperty("management.tracing.export.zipkin.enabled")).isEqualTo("false");
	}

	@Test
	void zipkinExportIsLeftOnWhenZipkinBaseUrlIsSet() {
		this.environment.setProperty("ZIPKIN_BASE_URL", "http://zipkin:9411");
		postProcess();
		assertThat(this.environment.containsProperty("management.tracing.export.zipkin.enabled")).isFalse();
	}

	@Test
	void zipkinExportIsLeftOnWhenZipkinEndpointIsSet() {
		this.environment.setProperty("management.tracing.export.zipkin.endpoint", "http://zipkin:9411/api/v2/spans");
		postProcess();
		assertThat(this.environment.containsProperty("management.tracing.export.zipkin.enabled")).isFalse();
	}

	@Test
	void zipkinExportCanBeSwitchedOnByConfiguration() {
		this.environment.setProperty("management.tracing.export.zipkin.enabled", "true");
		postProcess();
		assertThat(this.environment.getProperty("management.tracing.export.zipkin.enabled")).isEqualTo("true");
	}

	@Test
	void runsBeforeConfigurationDataIsLoaded() {
		assertThat(this.postProcessor.getOrder()).isLessThan(ConfigDataEnvironmentPostProcessor.ORDER);
	}

	private void postProcess() {
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
	}

	private void postProcess(ClassLoader classLoader) {
		SpringApplication application = new SpringApplication();
		application.setResourceLoader(new DefaultResourceLoader(classLoader));
		this.postProcessor.postProcessEnvironment(this.environment, application);
	}

	private PropertySource<?> defaultProperties() {
		PropertySource<?> defaults = this.environment.getPropertySources().get(DefaultPropertiesPropertySource.NAME);
		assertThat(defaults).isNotNull();
		return defaults;
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
