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
package dev.trellis.gateway.security;

import dev.trellis.gateway.error.ProblemDetailWriter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers requests without a valid bearer token (401) and with a token that lacks the
 * scope (403) with an RFC 9457 problem and the {@code WWW-Authenticate} challenge of RFC
 * 6750.
 *
 * @author Trellis
 */
class BearerTokenProblemHandler implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private static final int MAX_DESCRIPTION_LENGTH = 200;

	private final ProblemDetailWriter writer;

	BearerTokenProblemHandler(ProblemDetailWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		String challenge;
		String detail;
		if (ex instanceof OAuth2AuthenticationException oauth2 && oauth2.getError() instanceof BearerTokenError error) {
			// A token was sent and is not accepted: RFC 6750 section 3.1 invalid_token.
			detail = describe(error.getDescription(), "The access token is not valid.");
			challenge = "Bearer error=\"" + error.getErrorCode() + "\", error_description=\"" + detail + "\"";
		}
		else {
			// No bearer token: RFC 6750 section 3.1 says no error code then.
			detail = "A bearer access token is required.";
			challenge = "Bearer";
		}
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
		return this.writer.write(exchange, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		String detail = "The access token does not grant access to this resource.";
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"insufficient_scope\", error_description=\"" + detail + "\"");
		return this.writer.write(exchange, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail));
	}

	/**
	 * A description safe for a quoted header value (RFC 6750 allows %x20-21 / %x23-5B /
	 * %x5D-7E) and short enough for a header: it may quote parts of the token.
	 */
	private static String describe(@Nullable String description, String fallback) {
		if (description == null || description.isBlank()) {
			return fallback;
		}
		StringBuilder safe = new StringBuilder();
		for (int i = 0; i < description.length() && safe.length() < MAX_DESCRIPTION_LENGTH; i++) {
			char c = description.charAt(i);
			safe.append((c >= 0x20 && c <= 0x7E && c != '"' && c != '\\') ? c : ' ');
		}
		return safe.toString();
	}

}
