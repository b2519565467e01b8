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

	@Bean
	@Order(-2) // before Boot's DefaultErrorWebExceptionHandler, which answers with its
				// own JSON
	ProblemDetailErrorWebExceptionHandler problemDetailErrorWebExceptionHandler(ServerCodecConfigurer codecs) {
		return new ProblemDetailErrorWebExceptionHandler(codecs);
	}

}
