/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.configserver.encryption;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.cloud.config.server.encryption.EncryptionController;
import org.springframework.cloud.config.server.environment.EnvironmentController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers encryption failures of Spring Cloud Config's controllers with RFC 9457
 * problems.
 *
 * @author Trellis
 */
@RestControllerAdvice(assignableTypes = { EnvironmentController.class, EncryptionController.class })
class EncryptionExceptionHandler {

	private static final Log logger = LogFactory.getLog(EncryptionExceptionHandler.class);

	/**
	 * The repository holds a value the server cannot decrypt: a fault of the server's
	 * configuration, which a client must not start without, and which a retry does not
	 * mend.
	 * @param ex the failure, naming the property and its source, never the value
	 * @return a 500 problem
	 */
	@ExceptionHandler
	ProblemDetail undecryptableValue(UndecryptableValueException ex) {
		logger.error(ex.getMessage());
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, ex.getMessage());
	}

	/**
	 * {@code /encrypt} or {@code /decrypt} without a key: Spring Cloud's fail-safe
	 * encryptor refuses with a message about key stores, which Trellis does not use.
	 * @param ex the failure
	 * @return a 503 problem
	 */
	@ExceptionHandler
	ProblemDetail encryptionKeyMissing(UnsupportedOperationException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"No encryption key is configured (encrypt.key, from ENCRYPT_KEY).");
	}

}
