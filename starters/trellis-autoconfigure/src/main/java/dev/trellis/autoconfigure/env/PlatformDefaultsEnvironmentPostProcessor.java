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

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.ClassUtils;

/**
 * {@link EnvironmentPostProcessor} that makes a service a platform citizen before its
 * configuration is loaded: it imports configuration from the config server (fail fast,
 * with retry) and gives the Eureka client, health probes and shutdown the platform's
 * defaults, keeps configuration values out of actuator responses, tags every meter with
 * the application's name, and sends spans to Zipkin only when {@code ZIPKIN_BASE_URL} (or
 * {@code management.tracing.export.zipkin.endpoint}) says where one is.
 * <p>
 * Every value goes into Boot's {@code defaultProperties}, the property source of lowest
 * precedence, so the service's own {@code application.yml}, {@code config-repo/} and the
 * environment all override it. The config import is added only when nothing imports
 * configuration already and {@code trellis.config.import.enabled} is not {@code false}.
 * <p>
 * {@code spring.config.import}, {@code trellis.config.import.enabled} and
 * {@code spring.cloud.config.enabled} are read before the application's configuration
 * files are loaded: they take effect from environment variables, system properties, the
 * command line or default properties, not from {@code application.yml}.
 *
 * @author Trellis
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Order of this post-processor: before Boot loads configuration data, so that the
	 * import it adds is processed.
	 */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER - 1;

	static final String CONFIG_IMPORT = "configserver:${CONFIG_SERVER_URL:http://localhost:8888}";

	/**
	 * Environment variable naming the Zipkin server spans are sent to; without it (or an
	 * explicit {@value #ZIPKIN_ENDPOINT}) spans are not exported.
	 */
	static final String ZIPKIN_BASE_URL = "ZIPKIN_BASE_URL";

	static final String ZIPKIN_ENDPOINT = "management.tracing.export.zipkin.endpoint";

	private static final String CONFIG_CLIENT_CLASS = "org.springframework.cloud.config.client.ConfigClientProperties";

	private static final String EUREKA_CLIENT_CLASS = "org.springframework.cloud.netflix.eureka.EurekaClientConfigBean";

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		ClassLoader classLoader = application.getClassLoader();
		if (ClassUtils.isPresent(CONFIG_CLIENT_CLASS, classLoader)) {
			addConfigClientDefaults(environment, defaults);
		}
		if (ClassUtils.isPresent(EUREKA_CLIENT_CLASS, classLoader)) {
			addEurekaClientDefaults(defaults);
		}
		addLifecycleDefaults(defaults);
		addSecurityDefaults(defaults);
		addObservabilityDefaults(environment, defaults);
		// Default properties the application set itself (SpringApplication's
		// setDefaultProperties) are its own choice: keep them.
		PropertySource<?> applicationDefaults = environment.getPropertySources()
			.get(DefaultPropertiesPropertySource.NAME);
		if (applicationDefaults != null) {
			defaults.keySet().removeIf(applicationDefaults::containsProperty);
		}
		DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
	}

	private void addConfigClientDefaults(ConfigurableEnvironment environment, Map<String, Object> defaults) {
		if (!environment.getProperty("trellis.config.import.enabled", Boolean.class, true)) {
			// Switched off on purpose: Spring Cloud's check for a missing configserver:
			// import would otherwise stop the application.
			defaults.put("spring.cloud.config.import-check.enabled", "false");
		}
		else if (shouldImportConfiguration(environment)) {
			defaults.put("spring.config.import", CONFIG_IMPORT);
		}
		defaults.put("spring.cloud.config.username", "${CONFIG_SERVER_USER:trellis}");
		defaults.put("spring.cloud.config.password", "${CONFIG_SERVER_PASSWORD:}");
		// A service must not start on missing configuration, but it should wait for a
		// config server that is still starting: 15 attempts, 1 s growing by 1.5x up to
		// 10 s, about two minutes in all.
		defaults.put("spring.cloud.config.fail-fast", "true");
		defaults.put("spring.cloud.config.retry.initial-interval", "1000");
		defaults.put("spring.cloud.config.retry.multiplier", "1.5");
		defaults.put("spring.cloud.config.retry.max-interval", "10000");
		defaults.put("spring.cloud.config.retry.max-attempts", "15");
		// Configuration is read at startup; a config server restarted later must not take
		// a running service out of rotation.
		defaults.put("management.health.config.enabled", "false");
	}

	private boolean shouldImportConfiguration(ConfigurableEnvironment environment) {
		return environment.getProperty("spring.cloud.config.enabled", Boolean.class, true)
				&& !environment.containsProperty("spring.config.import");
	}

	private void addEurekaClientDefaults(Map<String, Object> defaults) {
		// Unique per host and port, readable in the Eureka dashboard and in logs.
		defaults.put("eureka.instance.instance-id",
				"${spring.cloud.client.hostname}:${spring.application.name}:${server.port:8080}");
		defaults.put("eureka.instance.lease-renewal-interval-in-seconds", "5");
		defaults.put("eureka.instance.lease-expiration-duration-in-seconds", "15");
		defaults.put("eureka.client.registry-fetch-interval-seconds", "5");
		defaults.put("eureka.client.initial-instance-info-replication-interval-seconds", "1");
		defaults.put("eureka.client.instance-info-replication-interval-seconds", "5");
		// The registry shows an instance as UP only while its own health is UP.
		defaults.put("eureka.client.healthcheck.enabled", "true");
	}

	private void addLifecycleDefaults(Map<String, Object> defaults) {
		defaults.put("server.shutdown", "graceful");
		defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		defaults.put("management.endpoints.web.exposure.include", "health,info");
		defaults.put("spring.mvc.problemdetails.enabled", "true");
		defaults.put("spring.webflux.problemdetails.enabled", "true");
	}

	private void addSecurityDefaults(Map<String, Object> defaults) {
		// Configuration holds secrets: env and configprops never show values, even to the
		// operator and even if someone exposes them over HTTP.
		defaults.put("management.endpoint.env.show-values", "never");
		defaults.put("management.endpoint.configprops.show-values", "never");
		// The operator credential for actuator endpoints other than health and info. No
		// password, no operator.
		defaults.put("trellis.security.ops.username", "${OPS_USER:ops}");
		defaults.put("trellis.security.ops.password", "${OPS_PASSWORD:}");
	}

	private void addObservabilityDefaults(ConfigurableEnvironment environment, Map<String, Object> defaults) {
		// Every meter names its application, so that one Prometheus query or dashboard
		// can select or group by app; Boot adds no such tag itself.
		defaults.put("management.metrics.tags.application", "${spring.application.name:application}");
		if (!environment.containsProperty(ZIPKIN_BASE_URL) && !environment.containsProperty(ZIPKIN_ENDPOINT)) {
			// No Zipkin named: spans are not sent anywhere (trace ids still reach logs
			// and
			// downstream calls). Brave's reporter would otherwise try localhost:9411
			// every
			// second and log a WARN with a stack trace for the first spans it drops.
			defaults.put("management.tracing.export.zipkin.enabled", "false");
		}
	}

}
