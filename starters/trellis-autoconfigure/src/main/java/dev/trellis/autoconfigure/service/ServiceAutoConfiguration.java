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

import com.netflix.appinfo.EurekaInstanceConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.netflix.eureka.serviceregistry.EurekaAutoServiceRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the behaviour every Trellis service shares: the instance
 * identity header and leaving service discovery first on shutdown.
 *
 * @author Trellis
 */
@AutoConfiguration(afterName = "org.springframework.cloud.netflix.eureka.EurekaClientAutoConfiguration")
@EnableConfigurationProperties(TrellisServiceProperties.class)
public final class ServiceAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EurekaInstanceConfig.class)
	static class EurekaInstanceIdConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InstanceId trellisInstanceId(Environment environment, ObjectProvider<EurekaInstanceConfig> eurekaInstance) {
			return new InstanceId(environment, () -> {
				EurekaInstanceConfig instance = eurekaInstance.getIfAvailable();
				return (instance != null) ? instance.getInstanceId() : null;
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("com.netflix.appinfo.EurekaInstanceConfig")
	static class LocalInstanceIdConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InstanceId trellisInstanceId(Environment environment) {
			return new InstanceId(environment, null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnBooleanProperty(name = "trellis.service.instance-header.enabled", matchIfMissing = true)
	static class InstanceHeaderConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "trellisInstanceHeaderFilter")
		FilterRegistrationBean<InstanceHeaderFilter> trellisInstanceHeaderFilter(TrellisServiceProperties properties,
				InstanceId instanceId) {
			InstanceHeaderFilter filter = new InstanceHeaderFilter(properties.getInstanceHeader().getName(),
					instanceId);
			FilterRegistrationBean<InstanceHeaderFilter> registration = new FilterRegistrationBean<>(filter);
			// First, so that responses written by later filters (security, errors) carry
			// it too.
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EurekaAutoServiceRegistration.class)
	@ConditionalOnBooleanProperty(name = "trellis.service.shutdown.deregister-first", matchIfMissing = true)
	static class DeregisterFirstConfiguration {

		@Bean
		@ConditionalOnBean(EurekaAutoServiceRegistration.class)
		DeregisterFirstLifecycle trellisDeregisterFirstLifecycle(EurekaAutoServiceRegistration registration,
				TrellisServiceProperties properties) {
			return new DeregisterFirstLifecycle(registration::stop, properties.getShutdown().getDeregistrationDelay());
		}

	}

}
