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

import java.net.URI;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Exception handler that answers every exception a controller throws with an RFC 9457
 * problem: Spring MVC's own exceptions with their status, anything unexpected with a 500
 * that reveals nothing of the server's internals.
 * <p>
 * Spring Security's exceptions (access denied by method security, authentication
 * required) are not answered here: they are passed on to the security filter chain, which
 * answers them with a 403 or 401 and its {@code WWW-Authenticate} challenge.
 *
 * @author Trellis
 */
@RestControllerAdvice
public class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemDetailsExceptionHandler.class);

	/**
	 * Exceptions that belong to Spring Security's filter chain, by name: Spring Security
	 * is optional.
	 */
	private static final Set<String> SECURITY_EXCEPTIONS = Set.of(
			"org.springframework.security.access.AccessDeniedException",
			"org.springframework.security.core.AuthenticationException");

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex, HttpServletRequest request) throws Exception {
		if (isSecurityException(ex)) {
			// Rethrowing the handled exception declines it quietly: Spring MVC propagates
			// it, and the security filter chain answers it.
			throw ex;
		}
		logger.error("Unexpected error handling " + request.getMethod() + " " + request.getRequestURI(), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server could not complete the request.");
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.internalServerError().body(problem);
	}

	private static boolean isSecurityException(Exception ex) {
		for (Class<?> type = ex.getClass(); type != null; type = type.getSuperclass()) {
			if (SECURITY_EXCEPTIONS.contains(type.getName())) {
				return true;
			}
		}
		return false;
	}

}
