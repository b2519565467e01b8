/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.autoconfigure.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Exception handler that answers a request which failed because the service's database
 * could not be reached with a 503 problem and {@code Retry-After}, not a 500: the request
 * was fine and another instance, or this one a little later, may serve it. Gateways retry
 * idempotent requests on a 503.
 *
 * @author Trellis
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class DataAccessProblemDetailsExceptionHandler {

	/**
	 * Seconds a client is asked to wait before trying again.
	 */
	static final String RETRY_AFTER_SECONDS = "5";

	private static final Log logger = LogFactory.getLog(DataAccessProblemDetailsExceptionHandler.class);

	@ExceptionHandler(DataAccessResourceFailureException.class)
	ResponseEntity<ProblemDetail> handleResourceFailure(DataAccessResourceFailureException ex,
			HttpServletRequest request) {
		logger.warn("Database unavailable for " + request.getMethod() + " " + request.getRequestURI() + ": "
				+ ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The service cannot reach its database right now; try again shortly.");
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem);
	}

}
