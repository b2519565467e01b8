/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
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
