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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.netflix.appinfo.EurekaInstanceConfig;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.client.serviceregistry.AutoServiceRegistrationAutoConfiguration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistryAutoConfiguration;
import org.springframework.cloud.commons.util.UtilAutoConfiguration;
import org.springframework.cloud.netflix.eureka.EurekaClientAutoConfiguration;
import org.springframework.cloud.netflix.eureka.config.DiscoveryClientOptionalArgsConfiguration;
import org.springframework.cloud.netflix.eureka.serviceregistry.EurekaAutoServiceRegistration;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ServiceAutoConfiguration}.
 *
 * @author Trellis
 */
class ServiceAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServiceAutoConfiguration.class))
		.withPropertyValues("spring.application.name=catalog-service", "server.port=8081");

	@Test
	void instanceHeaderFilterIsRegisteredForServletApplications() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean("trellisInstanceHeaderFilter");
			FilterRegistrationBean<?> registration = context.getBean("trellisInstanceHeaderFilter",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(InstanceHeaderFilter.class);
			assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
		});
	}

	@Test
	void instanceHeaderFilterIsNotRegisteredForNonWebApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ServiceAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean("trellisInstanceHeaderFilter");
				assertThat(context).hasSingleBean(InstanceId.class);
			});
	}

	@Test
	void instanceHeaderFilterIsNotRegisteredWhenDisabled() {
		this.contextRunner.withPropertyValues("trellis.service.instance-header.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("trellisInstanceHeaderFilter"));
	}

	@Test
	void instanceHeaderFilterNamesTheInstance() {
		this.contextRunner
			.run((context) -> assertThat(filter(context, "X-Trellis-Instance")).isEqualTo("catalog-service:8081"));
	}

	@Test
	void instanceHeaderFilterUsesCustomHeaderName() {
		this.contextRunner.withPropertyValues("trellis.service.instance-header.name=X-Served-By")
			.run((context) -> assertThat(filter(context, "X-Served-By")).isEqualTo("catalog-service:8081"));
	}

	@Test
	void instanceIdFallsBackToApplicationNameAndPort() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(InstanceId.class).get()).isEqualTo("catalog-service:8081"));
	}

	@Test
	void instanceIdFallsBackToDefaultsWithoutNameOrPort() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ServiceAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(InstanceId.class).get()).isEqualTo("application:8080"));
	}

	@Test
	void instanceIdUsesThePortTheServerListensOn() {
		this.contextRunner.withPropertyValues("server.port=0").run((context) -> {
			WebServer webServer = mock(WebServer.class);
			given(webServer.getPort()).willReturn(54321);
			context.publishEvent(new WebServerInitializedEvent(webServer) {

				@Override
				public WebServerApplicationContext getApplicationContext() {
					return mock(WebServerApplicationContext.class);
				}

			});
			assertThat(context.getBean(InstanceId.class).get()).isEqualTo("catalog-service:54321");
		});
	}

	@Test
	void instanceIdIsTheRegisteredInstanceIdWhenThereIsOne() {
		EurekaInstanceConfig eurekaInstance = mock(EurekaInstanceConfig.class);
		given(eurekaInstance.getInstanceId()).willReturn("host1:catalog-service:8081");
		this.contextRunner.withBean(EurekaInstanceConfig.class, () -> eurekaInstance)
			.run((context) -> assertThat(context.getBean(InstanceId.class).get())
				.isEqualTo("host1:catalog-service:8081"));
	}

	@Test
	void instanceIdBacksOffWhenUserDefinesOne() {
		this.contextRunner
			.withBean("customInstanceId", InstanceId.class, () -> new InstanceId(new MockEnvironment(), () -> "custom"))
			.run((context) -> {
				assertThat(context).hasSingleBean(InstanceId.class).hasBean("customInstanceId");
				assertThat(filter(context, "X-Trellis-Instance")).isEqualTo("custom");
			});
	}

	@Test
	void instanceHeaderWorksWithoutEurekaClientOnClasspath() throws Exception {
		ClassLoader classLoader = new WithoutEurekaClassLoader(getClass().getClassLoader());
		Class<?> autoConfiguration = classLoader.loadClass(ServiceAutoConfiguration.class.getName());
		// AutoConfigurations resolves the classes it sorts with the default class loader.
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(classLoader);
		try {
			new WebApplicationContextRunner().withClassLoader(classLoader)
				.withConfiguration(AutoConfigurations.of(autoConfiguration))
				.withPropertyValues("spring.application.name=catalog-service", "server.port=8081")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean("trellisInstanceId").getClass().getClassLoader()).isSameAs(classLoader);
					assertThat(filter(context, "X-Trellis-Instance")).isEqualTo("catalog-service:8081");
				});
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	@Test
	void deregisterFirstLifecycleIsRegisteredWithEurekaAutoServiceRegistration() {
		this.contextRunner.withConfiguration(eurekaClientAutoConfigurations())
			.withPropertyValues("eureka.client.register-with-eureka=false", "eureka.client.fetch-registry=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(EurekaAutoServiceRegistration.class);
				assertThat(context).hasSingleBean(DeregisterFirstLifecycle.class);
			});
	}

	@Test
	void deregisterFirstLifecycleIsNotRegisteredWhenDisabled() {
		this.contextRunner.withConfiguration(eurekaClientAutoConfigurations())
			.withPropertyValues("eureka.client.register-with-eureka=false", "eureka.client.fetch-registry=false",
					"trellis.service.shutdown.deregister-first=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(EurekaAutoServiceRegistration.class);
				assertThat(context).doesNotHaveBean(DeregisterFirstLifecycle.class);
			});
	}

	@Test
	void deregisterFirstLifecycleIsNotRegisteredWithoutEurekaAutoServiceRegistration() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(DeregisterFirstLifecycle.class));
	}

	@Test
	void deregisterFirstLifecycleIsNotRegisteredWithoutEurekaClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(EurekaAutoServiceRegistration.class))
			.withBean(EurekaAutoServiceRegistration.class, () -> mock(EurekaAutoServiceRegistration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DeregisterFirstLifecycle.class));
	}

	private static AutoConfigurations eurekaClientAutoConfigurations() {
		return AutoConfigurations.of(UtilAutoConfiguration.class, ServiceRegistryAutoConfiguration.class,
				AutoServiceRegistrationAutoConfiguration.class, DiscoveryClientOptionalArgsConfiguration.class,
				EurekaClientAutoConfiguration.class);
	}

	private static String filter(ApplicationContext context, String headerName) {
		FilterRegistrationBean<?> registration = context.getBean("trellisInstanceHeaderFilter",
				FilterRegistrationBean.class);
		Filter filter = registration.getFilter();
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			filter.doFilter(new MockHttpServletRequest("GET", "/products"), response, new MockFilterChain());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return response.getHeader(headerName);
	}

	/**
	 * Class loader on which the Eureka client is missing: it defines Trellis's
	 * auto-configuration classes itself, so that they link against it and not against the
	 * test's class path.
	 */
	static class WithoutEurekaClassLoader extends ClassLoader {

		WithoutEurekaClassLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith("com.netflix.") || name.startsWith("org.springframework.cloud.netflix.")) {
				throw new ClassNotFoundException(name);
			}
			if (!name.startsWith("dev.trellis.autoconfigure.")) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				return (loaded != null) ? loaded : define(name);
			}
		}

		private Class<?> define(String name) throws ClassNotFoundException {
			try (InputStream input = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
				if (input == null) {
					throw new ClassNotFoundException(name);
				}
				byte[] bytes = input.readAllBytes();
				return defineClass(name, bytes, 0, bytes.length);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
