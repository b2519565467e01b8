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

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProblemDetailsAutoConfiguration}.
 * <p>
 * Errors of a running servlet application, answered as RFC 9457 problems.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=problems", "trellis.config.import.enabled=false",
				"spring.cloud.config.enabled=false", "eureka.client.enabled=false" })
@AutoConfigureRestTestClient
class ProblemDetailsIntegrationTests {

	private static final String SECRET = "database password is hunter2";

	@Autowired
	private RestTestClient client;

	@LocalServerPort
	private int port;

	@Test
	void exceptionFromControllerIsInternalServerErrorProblemWithoutItsMessage() {
		expectProblem("/failure", 500).jsonPath("$.title")
			.isEqualTo("Internal Server Error")
			.jsonPath("$.detail")
			.isEqualTo("The server could not complete the request.")
			.jsonPath("$.instance")
			.isEqualTo("/failure");
	}

	@Test
	void unreachableDatabaseIsServiceUnavailableProblemWithRetryAfter() {
		this.client.get()
			.uri("/database")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.consumeWith((result) -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
				.doesNotContain(SECRET))
			.jsonPath("$.title")
			.isEqualTo("Service Unavailable")
			.jsonPath("$.instance")
			.isEqualTo("/database");
	}

	@Test
	void unknownPathIsNotFoundProblem() {
		expectProblem("/nothing-here", 404).jsonPath("$.title").isEqualTo("Not Found");
	}

	@Test
	void exceptionFromFilterIsProblemFromErrorController() {
		expectProblem("/filtered", 500).jsonPath("$.title")
			.isEqualTo("Internal Server Error")
			.jsonPath("$.detail")
			.doesNotExist()
			.jsonPath("$.instance")
			.isEqualTo("/filtered");
	}

	@Test
	void errorSentByFilterIsProblemWithItsMessage() {
		expectProblem("/rejected", 400).jsonPath("$.title")
			.isEqualTo("Bad Request")
			.jsonPath("$.detail")
			.isEqualTo("Missing tenant")
			.jsonPath("$.instance")
			.isEqualTo("/rejected");
	}

	@Test
	void unsupportedMethodIsMethodNotAllowedProblem() {
		this.client.post()
			.uri("/failure")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(405);
	}

	private BodyContentSpec expectProblem(String path, int status) {
		return this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("X-Trellis-Instance", "problems:" + this.port)
			.expectBody()
			.consumeWith((result) -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
				.doesNotContain(SECRET))
			.jsonPath("$.status")
			.isEqualTo(status);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(FailingController.class)
	static class TestApplication {

		/**
		 * Open to everyone: these tests are about errors, not who may see them (the
		 * platform's filter chains back off for this one).
		 */
		@Bean
		SecurityFilterChain permitAllFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> failingFilter() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {

						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) {
							throw new IllegalStateException(SECRET);
						}

					});
			registration.addUrlPatterns("/filtered");
			return registration;
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> rejectingFilter() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {

						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws IOException {
							response.sendError(400, "Missing tenant");
						}

					});
			registration.addUrlPatterns("/rejected");
			return registration;
		}

	}

	@RestController
	static class FailingController {

		@GetMapping("/failure")
		String failure() {
			throw new IllegalStateException(SECRET);
		}

		@GetMapping("/database")
		String database() {
			throw new DataAccessResourceFailureException(SECRET);
		}

	}

}
