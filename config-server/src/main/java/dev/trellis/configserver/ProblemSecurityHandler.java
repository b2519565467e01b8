/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.configserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a request without valid credentials (401) or without the required role (403)
 * with an RFC 9457 problem, as every Trellis app answers errors.
 *
 * @author Trellis
 */
class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		// Basic authentication: the challenge tells a client which credentials to send.
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"config-server\"");
		write(request, response, HttpStatus.UNAUTHORIZED, "Valid basic credentials are required.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "These credentials do not allow this request.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// the request URI is still percent-encoded; escaping covers what remains
		String instance = request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"");
		String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
				+ status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\"" + instance + "\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

}
