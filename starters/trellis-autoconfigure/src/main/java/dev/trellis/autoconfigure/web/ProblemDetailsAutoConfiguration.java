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

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for RFC 9457 problem responses on every error of a servlet web
 * application.
 *
 * @author Trellis
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
		"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "trellis.web.problem-details.enabled", matchIfMissing = true)
public final class ProblemDetailsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	ProblemDetailsExceptionHandler trellisProblemDetailsExceptionHandler() {
		return new ProblemDetailsExceptionHandler();
	}

	@Bean
	@ConditionalOnMissingBean
	InvalidRequestProblemDetailsExceptionHandler trellisInvalidRequestProblemDetailsExceptionHandler() {
		return new InvalidRequestProblemDetailsExceptionHandler();
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemDetailErrorController trellisProblemDetailErrorController(ErrorAttributes errorAttributes) {
		return new ProblemDetailErrorController(errorAttributes);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DataAccessResourceFailureException.class)
	static class DataAccessConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DataAccessProblemDetailsExceptionHandler trellisDataAccessProblemDetailsExceptionHandler() {
			return new DataAccessProblemDetailsExceptionHandler();
		}

	}

}
