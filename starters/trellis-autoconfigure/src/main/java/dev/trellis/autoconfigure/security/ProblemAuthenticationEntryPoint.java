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
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * {@link AuthenticationEntryPoint} that answers with a 401 RFC 9457 problem. A delegate
 * sets the challenge ({@code WWW-Authenticate: Bearer ...} or {@code Basic ...}); this
 * class adds the body every Trellis error has.
 *
 * @author Trellis
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final AuthenticationEntryPoint challenge;

	private final String detail;

	/**
	 * Create a new entry point.
	 * @param challenge entry point that sets the status and the {@code WWW-Authenticate}
	 * header
	 * @param detail the problem's detail, telling the client what to send
	 */
	public ProblemAuthenticationEntryPoint(AuthenticationEntryPoint challenge, String detail) {
		this.challenge = challenge;
		this.detail = detail;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		this.challenge.commence(request, response, authException);
		ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, this.detail);
	}

}
