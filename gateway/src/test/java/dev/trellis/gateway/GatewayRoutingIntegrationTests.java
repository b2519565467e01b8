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

package dev.trellis.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trellis.gateway.loadbalancer.InstanceQuarantine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cache.Cache;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryProperties;
import org.springframework.cloud.loadbalancer.cache.LoadBalancerCacheManager;
import org.springframework.cloud.loadbalancer.core.CachingServiceInstanceListSupplier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link GatewayApplication}.
 * <p>
 * Routing to {@code catalog-service} with the route, Retry filter and quarantine of
 * config-repo/gateway.yml, load balanced over instances from Spring Cloud's simple
 * discovery client, served by small HTTP servers in the test. Requests carry a valid
 * token; the rate limiter's Redis is down here, so nothing is limited.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.import=file:../config-repo/application.yml,file:../config-repo/gateway.yml")
@AutoConfigureWebTestClient(timeout = "30s") // a loaded machine is slow, not wrong
class GatewayRoutingIntegrationTests {

	private static final String PRODUCTS = "/api/catalog/products";

	private static final Upstream one = Upstream.start("one");

	private static final Upstream two = Upstream.start("two");

	private static final Upstream flaky = Upstream.start("flaky");

	private static final TestTokens tokens = TestTokens.start();

	private final String token = tokens.token("catalog.read", "catalog.write");

	@Autowired
	private WebTestClient client;

	@Autowired
	private SimpleReactiveDiscoveryProperties discovery;

	@Autowired
	private ApplicationContext context;

	@MockitoSpyBean
	private InstanceQuarantine quarantine;

	@DynamicPropertySource
	static void catalogServiceInstances(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[0].uri", one::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[1].uri", two::uri);
		tokens.register(registry);
		registry.add("spring.data.redis.port", TestRedis::freePort);
	}

	@AfterAll
	static void stopUpstreams() {
		one.stop();
		two.stop();
		flaky.stop();
		tokens.stop();
	}

	@BeforeEach
	void resetUpstreams() {
		one.reset();
		two.reset();
		flaky.reset();
	}

	@Test
	void requestsReachEveryInstance() {
		useInstances(one.uri(), two.uri());
		List<String> servedBy = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			EntityExchangeResult<String> result = get(PRODUCTS);
			assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
			servedBy.add(result.getResponseBody());
		}
		assertThat(servedBy).containsOnly(one.body(), two.body()).contains(one.body(), two.body());
	}

	@Test
	void pathBelowTheRoutePrefixReachesTheService() {
		useInstances(one.uri());
		assertThat(get(PRODUCTS).getResponseBody()).isEqualTo(one.body());
		assertThat(one.paths()).containsExactly("/products");
	}

	@Test
	void getRequestsAllSucceedWhileAnInstanceIsDown() {
		URI dead = deadInstance();
		useInstances(one.uri(), dead);
		List<HttpStatusCode> statuses = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			statuses.add(get(PRODUCTS).getStatus());
		}
		assertThat(statuses).hasSize(50).containsOnly(HttpStatus.OK);
		assertThat(one.requests()).isEqualTo(50);
		// Quarantined on its first refused connection, and never picked again.
		verify(this.quarantine, times(1)).quarantine(argThat((instance) -> instance.getPort() == dead.getPort()));
		assertThat(this.quarantine.isQuarantined(instance(dead))).isTrue();
		assertThat(this.quarantine.isQuarantined(instance(one.uri()))).isFalse();
	}

	@Test
	void getToUnreachableServiceIsRetriedThenBadGatewayProblem() {
		useInstances(deadInstance());
		expectProblem(get(PRODUCTS), HttpStatus.BAD_GATEWAY);
		// The first attempt and the two retries.
		verify(this.quarantine, times(3)).quarantine(any());
	}

	@Test
	void postToUnreachableInstanceIsNotRetried() {
		useInstances(deadInstance());
		EntityExchangeResult<String> result = this.client.post()
			.uri(PRODUCTS)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"sku\":\"TRL-1\"}")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		expectProblem(result, HttpStatus.BAD_GATEWAY);
		verify(this.quarantine, times(1)).quarantine(any());
	}

	@Test
	void getAnsweredServiceUnavailableOnceIsRetried() {
		flaky.answerServiceUnavailable(1);
		useInstances(flaky.uri());
		EntityExchangeResult<String> result = get(PRODUCTS);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseBody()).isEqualTo(flaky.body());
		assertThat(flaky.requests()).isEqualTo(2);
	}

	@Test
	void postAnsweredServiceUnavailableIsNotRetried() {
		flaky.answerServiceUnavailable(1);
		useInstances(flaky.uri());
		this.client.post()
			.uri(PRODUCTS)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"sku\":\"TRL-1\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(flaky.requests()).isEqualTo(1);
	}

	@Test
	void unknownPathIsNotFoundProblem() {
		EntityExchangeResult<String> result = get("/unknown");
		expectProblem(result, HttpStatus.NOT_FOUND);
		assertThat(result.getResponseBody()).contains("No route for /unknown");
	}

	@Test
	void requestsAreNotLimitedWhileRedisIsDown() {
		useInstances(one.uri());
		for (int i = 0; i < 45; i++) {
			EntityExchangeResult<String> result = get(PRODUCTS);
			assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
			// The limiter could not count: availability wins over limiting, and no limit
			// is announced.
			assertThat(result.getResponseHeaders().containsHeader("X-RateLimit-Remaining")).isFalse();
		}
	}

	@Test
	void serviceWithoutInstancesIsServiceUnavailableProblem() {
		useInstances();
		expectProblem(get(PRODUCTS), HttpStatus.SERVICE_UNAVAILABLE);
	}

	private EntityExchangeResult<String> get(String path) {
		return this.client.get()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(this.token))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private void expectProblem(EntityExchangeResult<String> result, HttpStatus status) {
		assertThat(result.getStatus()).isEqualTo(status);
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponseBody()).contains("\"status\":" + status.value())
			.contains("\"instance\":\"" + result.getUrl().getPath() + "\"");
	}

	/**
	 * Make the given URIs the instances of catalog-service, as a registry update would.
	 * @param uris the instances
	 */
	private void useInstances(URI... uris) {
		List<InstanceProperties> instances = Arrays.stream(uris).map((uri) -> {
			InstanceProperties instance = new InstanceProperties();
			instance.setServiceId("catalog-service");
			instance.setInstanceId(uri.getAuthority());
			instance.setUri(uri);
			return instance;
		}).toList();
		Map<String, List<InstanceProperties>> services = new HashMap<>();
		services.put("catalog-service", instances);
		this.discovery.setInstances(services);
		// The load balancer's cache manager is no autowire candidate: look it up.
		for (LoadBalancerCacheManager cacheManager : this.context.getBeansOfType(LoadBalancerCacheManager.class)
			.values()) {
			Cache cache = cacheManager.getCache(CachingServiceInstanceListSupplier.SERVICE_INSTANCE_CACHE_NAME);
			if (cache != null) {
				cache.clear();
			}
		}
	}

	private static ServiceInstance instance(URI uri) {
		return new DefaultServiceInstance(uri.getAuthority(), "catalog-service", uri.getHost(), uri.getPort(), false);
	}

	/**
	 * A port nothing listens on: connecting to it is refused at once.
	 * @return the URI of an instance that is down
	 */
	private static URI deadInstance() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An instance of catalog-service: answers every request with a body naming itself.
	 */
	static final class Upstream {

		private final String name;

		private final HttpServer server;

		private final List<String> paths = new ArrayList<>();

		private volatile Map<String, List<String>> lastHeaders = Map.of();

		private final AtomicInteger serviceUnavailable = new AtomicInteger();

		private Upstream(String name, HttpServer server) {
			this.name = name;
			this.server = server;
			server.createContext("/", this::handle);
			server.start();
		}

		static Upstream start(String name) {
			try {
				return new Upstream(name,
						HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private void handle(HttpExchange exchange) throws IOException {
			synchronized (this.paths) {
				this.paths.add(exchange.getRequestURI().getPath());
			}
			this.lastHeaders = Map.copyOf(exchange.getRequestHeaders());
			try (InputStream request = exchange.getRequestBody()) {
				request.readAllBytes();
			}
			int status = (this.serviceUnavailable.getAndUpdate((left) -> Math.max(left - 1, 0)) > 0) ? 503 : 200;
			byte[] body = body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain");
			exchange.sendResponseHeaders(status, body.length);
			try (OutputStream response = exchange.getResponseBody()) {
				response.write(body);
			}
		}

		String body() {
			return "served by " + this.name;
		}

		URI uri() {
			return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		}

		void answerServiceUnavailable(int times) {
			this.serviceUnavailable.set(times);
		}

		/**
		 * The headers of the last request, names as the server's {@code Headers} spell
		 * them (first letter upper case, the rest lower case).
		 * @return the headers
		 */
		Map<String, List<String>> lastHeaders() {
			return this.lastHeaders;
		}

		int requests() {
			return paths().size();
		}

		List<String> paths() {
			synchronized (this.paths) {
				return List.copyOf(this.paths);
			}
		}

		void reset() {
			synchronized (this.paths) {
				this.paths.clear();
			}
			this.serviceUnavailable.set(0);
		}

		void stop() {
			this.server.stop(0);
		}

	}

}
