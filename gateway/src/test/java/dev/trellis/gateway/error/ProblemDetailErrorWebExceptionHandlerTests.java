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

import java.net.ConnectException;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link ProblemDetailErrorWebExceptionHandler}.
 *
 * @author Trellis
 */
class ProblemDetailErrorWebExceptionHandlerTests {

	private final ProblemDetailErrorWebExceptionHandler handler = new ProblemDetailErrorWebExceptionHandler(
			new ProblemDetailWriter(ServerCodecConfigurer.create()));

	private final MockServerWebExchange exchange = MockServerWebExchange
		.from(MockServerHttpRequest.get("/api/catalog/products"));

	@Test
	void notFoundIsNoRouteProblem() {
		handle(new ResponseStatusException(HttpStatus.NOT_FOUND));
		assertProblem(404, "Not Found", "No route for /api/catalog/products");
	}

	@Test
	void noInstanceIsServiceUnavailableProblem() {
		handle(NotFoundException.create(false, "Unable to find instance for catalog-service"));
		assertProblem(503, "Service Unavailable", "Unable to find instance for catalog-service");
	}

	@Test
	void refusedConnectionIsBadGatewayProblem() {
		handle(new ConnectException("Connection refused: localhost/127.0.0.1:8081"));
		assertProblem(502, "Bad Gateway", "The service could not be reached.");
	}

	@Test
	void wrappedRefusedConnectionIsBadGatewayProblem() {
		handle(new IllegalStateException("routing failed", new ConnectException("Connection refused")));
		assertProblem(502, "Bad Gateway", "The service could not be reached.");
	}

	@Test
	void connectionClosedBeforeResponseIsBadGatewayProblem() {
		handle(PrematureCloseException.TEST_EXCEPTION);
		assertProblem(502, "Bad Gateway", "The service could not be reached.");
	}

	@Test
	void responseTimeoutIsGatewayTimeoutProblem() {
		handle(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout: PT10S",
				new TimeoutException()));
		assertProblem(504, "Gateway Timeout", "Response took longer than timeout: PT10S");
	}

	@Test
	void unexpectedExceptionIsInternalServerErrorProblemWithoutItsMessage() {
		handle(new IllegalStateException("database password is hunter2"));
		assertProblem(500, "Internal Server Error", "The gateway could not complete the request.");
		assertThat(body()).doesNotContain("hunter2");
	}

	@Test
	void problemNamesTheRequestPath() {
		handle(new IllegalStateException("boom"));
		String instance = JsonPath.read(body(), "$.instance");
		assertThat(instance).isEqualTo("/api/catalog/products");
	}

	@Test
	void errorIsPassedOnWhenResponseIsCommitted() {
		this.exchange.getResponse().setComplete().block();
		IllegalStateException ex = new IllegalStateException("too late");
		assertThatException().isThrownBy(() -> this.handler.handle(this.exchange, ex).block()).isSameAs(ex);
	}

	private void handle(Throwable ex) {
		this.handler.handle(this.exchange, ex).block();
	}

	private void assertProblem(int status, String title, String detail) {
		assertThat(this.exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.valueOf(status));
		assertThat(this.exchange.getResponse().getHeaders().getContentType())
			.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		String body = body();
		assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(status);
		assertThat((String) JsonPath.read(body, "$.title")).isEqualTo(title);
		assertThat((String) JsonPath.read(body, "$.detail")).isEqualTo(detail);
	}

	private String body() {
		return this.exchange.getResponse().getBodyAsString().block();
	}

}
