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

package dev.trellis.autoconfigure.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProblemDetailsAutoConfiguration}.
 *
 * @author Trellis
 */
class ProblemDetailsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ProblemDetailsAutoConfiguration.class, WebMvcAutoConfiguration.class,
				ErrorMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class));

	@Test
	void problemDetailsAreConfiguredForServletApplications() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ProblemDetailsExceptionHandler.class);
			assertThat(context).hasSingleBean(InvalidRequestProblemDetailsExceptionHandler.class);
			assertThat(context).hasSingleBean(ProblemDetailErrorController.class);
			assertThat(context).doesNotHaveBean(BasicErrorController.class);
		});
	}

	@Test
	void exceptionHandlerReplacesSpringMvcProblemDetails() {
		this.contextRunner.withPropertyValues("spring.mvc.problemdetails.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(ResponseEntityExceptionHandler.class);
			assertThat(context).hasSingleBean(ProblemDetailsExceptionHandler.class);
		});
	}

	@Test
	void exceptionHandlerBacksOffWhenUserDefinesResponseEntityExceptionHandler() {
		this.contextRunner.withUserConfiguration(CustomExceptionHandlerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ResponseEntityExceptionHandler.class).hasBean("customExceptionHandler");
			assertThat(context).doesNotHaveBean(ProblemDetailsExceptionHandler.class);
			assertThat(context).hasSingleBean(ProblemDetailErrorController.class);
		});
	}

	@Test
	void errorControllerBacksOffWhenUserDefinesErrorController() {
		this.contextRunner.withUserConfiguration(CustomErrorControllerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ErrorController.class).hasBean("customErrorController");
			assertThat(context).doesNotHaveBean(ProblemDetailErrorController.class);
			assertThat(context).hasSingleBean(ProblemDetailsExceptionHandler.class);
		});
	}

	@Test
	void invalidRequestHandlerStaysWhenUserDefinesResponseEntityExceptionHandler() {
		this.contextRunner.withUserConfiguration(CustomExceptionHandlerConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(InvalidRequestProblemDetailsExceptionHandler.class));
	}

	@Test
	void problemDetailsAreOffWhenDisabled() {
		this.contextRunner.withPropertyValues("trellis.web.problem-details.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ProblemDetailsExceptionHandler.class);
			assertThat(context).doesNotHaveBean(InvalidRequestProblemDetailsExceptionHandler.class);
			assertThat(context).doesNotHaveBean(ProblemDetailErrorController.class);
			assertThat(context).hasSingleBean(BasicErrorController.class);
		});
	}

	@Test
	void problemDetailsAreNotConfiguredForNonWebApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ProblemDetailsAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ProblemDetailsExceptionHandler.class);
				assertThat(context).doesNotHaveBean(ProblemDetailErrorController.class);
			});
	}

	@Test
	void problemDetailsAreNotConfiguredForReactiveApplications() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ProblemDetailsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ProblemDetailsExceptionHandler.class));
	}

	@Test
	void problemDetailsAreNotConfiguredWithoutSpringMvc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ProblemDetailsExceptionHandler.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomExceptionHandlerConfiguration {

		@Bean
		CustomExceptionHandler customExceptionHandler() {
			return new CustomExceptionHandler();
		}

	}

	@ControllerAdvice
	static class CustomExceptionHandler extends ResponseEntityExceptionHandler {

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomErrorControllerConfiguration {

		@Bean
		ErrorController customErrorController() {
			return new ErrorController() {
			};
		}

	}

}
