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
package dev.trellis.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ZipkinClient}.
 *
 * @author Trellis authors
 */
class ZipkinClientTests {

	private final AtomicReference<String> query = new AtomicReference<>();

	private HttpServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void orderPlacementIsTheEarliestTraceTaggedWithTheOrderId() throws IOException {
		URI zipkin = serve("/api/v2/traces", 200, """
				[[{"traceId": "later", "id": "1", "name": "delete /orders", "timestamp": 2000, "duration": 10,
				   "localEndpoint": {"serviceName": "order-service"}, "tags": {"order.id": "o-1"}}],
				 [{"traceId": "first", "id": "2", "name": "post /orders", "timestamp": 1000, "duration": 10,
				   "localEndpoint": {"serviceName": "order-service"}, "tags": {"order.id": "o-1"}}]]
				""");
		assertThat(new ZipkinClient(zipkin).orderPlacement("o-1"))
			.hasValueSatisfying((trace) -> assertThat(trace.traceId()).isEqualTo("first"));
		assertThat(this.query.get()).contains("annotationQuery=order.id=o-1");
	}

	@Test
	void noTraceOfTheOrderIsEmpty() throws IOException {
		URI zipkin = serve("/api/v2/traces", 200, "[]");
		assertThat(new ZipkinClient(zipkin).orderPlacement("o-2")).isEmpty();
	}

	@Test
	void unknownTraceIdIsEmpty() throws IOException {
		URI zipkin = serve("/api/v2/trace/", 404, "Trace not found");
		assertThat(new ZipkinClient(zipkin).trace("abc")).isEmpty();
	}

	@Test
	void unreachableZipkinSaysHowToStartIt() {
		assertThatExceptionOfType(PlatformException.class)
			.isThrownBy(() -> new ZipkinClient(URI.create("http://127.0.0.1:1")).orderPlacement("o-3"))
			.withMessageContaining("not reachable")
			.withMessageContaining("./trellis up");
	}

	private URI serve(String path, int status, String body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext(path, (exchange) -> {
			this.query.set(exchange.getRequestURI().getQuery());
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		this.server.start();
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

}
