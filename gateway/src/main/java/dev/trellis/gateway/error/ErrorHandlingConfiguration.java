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
package dev.trellis.gateway.error;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Configuration of the gateway's error responses.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
class ErrorHandlingConfiguration {

	// Before Boot's DefaultErrorWebExceptionHandler, which answers with its own JSON.
	@Bean
	@Order(-2)
	ProblemDetailErrorWebExceptionHandler problemDetailErrorWebExceptionHandler(
			ProblemDetailWriter problemDetailWriter) {
		return new ProblemDetailErrorWebExceptionHandler(problemDetailWriter);
	}

	@Bean
	ProblemDetailWriter problemDetailWriter(ServerCodecConfigurer codecs) {
		return new ProblemDetailWriter(codecs);
	}

	@Bean
	ProblemDetailForRejectionFilter problemDetailForRejectionFilter(ProblemDetailWriter problemDetailWriter) {
		return new ProblemDetailForRejectionFilter(problemDetailWriter);
	}

}
