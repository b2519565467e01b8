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

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * {@link AccessDeniedHandler} that answers with a 403 RFC 9457 problem, after a delegate
 * has set the status and, for bearer tokens, {@code WWW-Authenticate} with
 * {@code insufficient_scope}.
 *
 * @author Trellis
 */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final AccessDeniedHandler delegate;

	private final String detail;

	/**
	 * Create a new handler.
	 * @param delegate handler that sets the status and headers
	 * @param detail the problem's detail
	 */
	public ProblemAccessDeniedHandler(AccessDeniedHandler delegate, String detail) {
		this.delegate = delegate;
		this.detail = detail;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException, ServletException {
		this.delegate.handle(request, response, accessDeniedException);
		ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, this.detail);
	}

}
