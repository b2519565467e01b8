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
package dev.trellis.autoconfigure.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for what a service gets from the starters to be observed: calls to
 * other services through the load-balanced {@link RestClient.Builder} timed per service
 * and carrying the trace, and the trace id in log lines. (Prometheus and its access
 * rules: {@code ActuatorSecurityIntegrationTests}.)
 * <p>
 * The service calls itself by its name in discovery ({@code observed}), as order-service
 * calls the catalog: Spring Cloud's simple discovery client lists this test's server as
 * that service's one instance.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "spring.application.name=observed", "trellis.config.import.enabled=false",
				"spring.cloud.config.enabled=false", "eureka.client.enabled=false",
				"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:1/oauth2/jwks" })
@AutoConfigureRestTestClient
@ExtendWith(OutputCaptureExtension.class)
class ServiceObservabilityIntegrationTests {

	private static final int PORT = freePort();

	@Autowired
	private RestTestClient client;

	@Autowired
	@LoadBalanced
	private RestClient.Builder loadBalanced;

	@Autowired
	private MeterRegistry meterRegistry;

	@Autowired
	private Tracer tracer;

	@DynamicPropertySource
	static void thisServiceInDiscovery(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("spring.cloud.discovery.client.simple.instances.observed[0].uri",
				() -> "http://localhost:" + PORT);
	}

	@Test
	void callsThroughTheLoadBalancedBuilderAreTimedPerService() {
		double before = clientRequests();
		this.loadBalanced.build().get().uri("http://observed/echo").retrieve().toBodilessEntity();
		assertThat(clientRequests()).isEqualTo(before + 1);
	}

	@Test
	void callsThroughTheLoadBalancedBuilderCarryTheCallersTrace() {
		Span span = this.tracer.nextSpan().name("caller").start();
		String received;
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			received = this.loadBalanced.build().get().uri("http://observed/echo").retrieve().body(String.class);
		}
		finally {
			span.end();
		}
		assertThat(received).startsWith("00-" + span.context().traceId() + "-");
	}

	@Test
	void logLinesCarryTheTraceIdOfTheirRequest(CapturedOutput output) {
		Span span = this.tracer.nextSpan().name("caller").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			this.loadBalanced.build().get().uri("http://observed/echo").retrieve().toBodilessEntity();
		}
		finally {
			span.end();
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains(EchoController.LOGGED)))
			.anySatisfy((line) -> assertThat(line).contains(span.context().traceId()));
	}

	private double clientRequests() {
		return this.meterRegistry.find("http.client.requests")
			.tag("client.name", "observed")
			.tag("uri", "/echo")
			.timers()
			.stream()
			.mapToDouble((timer) -> timer.count())
			.sum();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ObservedService {

		/**
		 * The load-balanced builder as a service declares it: Boot's configurer applies
		 * every {@code RestClientCustomizer}, the observation customizer among them.
		 */
		@Bean
		@LoadBalanced
		RestClient.Builder loadBalancedRestClientBuilder(ObjectProvider<RestClientBuilderConfigurer> configurer) {
			return configurer.getObject().configure(RestClient.builder());
		}

		/**
		 * No token checks here (the starter's filter chains back off): this test is about
		 * what the calls carry, security is tested elsewhere.
		 */
		@Bean
		SecurityFilterChain openSecurityFilterChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

		@Bean
		EchoController echoController() {
			return new EchoController();
		}

	}

	@RestController
	static class EchoController {

		static final String LOGGED = "Echoing the trace context";

		private static final Log logger = LogFactory.getLog(EchoController.class);

		@GetMapping("/echo")
		String echo(@RequestHeader(name = "traceparent", required = false) String traceparent) {
			logger.info(LOGGED);
			return (traceparent != null) ? traceparent : "none";
		}

	}

}
