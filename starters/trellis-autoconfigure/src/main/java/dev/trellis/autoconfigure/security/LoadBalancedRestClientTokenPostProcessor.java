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
package dev.trellis.autoconfigure.security;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * {@link BeanPostProcessor} that adds the service's token interceptor to every
 * {@link LoadBalanced @LoadBalanced} {@link RestClient.Builder} bean: the builders a
 * service uses to call other services by name. Other builders are left alone, so that a
 * call to a third party never carries a platform token.
 *
 * @author Trellis
 */
class LoadBalancedRestClientTokenPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private final ObjectProvider<? extends ClientHttpRequestInterceptor> interceptor;

	private ConfigurableListableBeanFactory beanFactory;

	LoadBalancedRestClientTokenPostProcessor(ObjectProvider<? extends ClientHttpRequestInterceptor> interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof RestClient.Builder builder && isLoadBalanced(beanName)) {
			builder.requestInterceptor(this.interceptor.getObject());
		}
		return bean;
	}

	private boolean isLoadBalanced(String beanName) {
		return this.beanFactory.containsBeanDefinition(beanName)
				&& this.beanFactory.findAnnotationOnBean(beanName, LoadBalanced.class) != null;
	}

}
