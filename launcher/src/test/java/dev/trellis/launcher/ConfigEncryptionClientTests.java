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
import java.io.OutputStream;
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
 * Tests for {@link ConfigEncryptionClient}.
 *
 * @author Trellis authors
 */
class ConfigEncryptionClientTests {

	private final AtomicReference<String> received = new AtomicReference<>();

	private HttpServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void postsTheValueAsTheAdministratorAndReturnsTheCipherText() throws IOException {
		URI base = serve(200, "a1b2c3\n");
		String cipher = new ConfigEncryptionClient(base, "admin", "pw").encrypt("s3cret");
		assertThat(cipher).isEqualTo("a1b2c3");
		assertThat(this.received.get()).isEqualTo("Basic YWRtaW46cHc= s3cret");
	}

	@Test
	void refusalQuotesTheStatusAndTheServersAnswer() throws IOException {
		URI base = serve(403, "{\"title\":\"Forbidden\"}");
		assertThatExceptionOfType(PlatformException.class)
			.isThrownBy(() -> new ConfigEncryptionClient(base, "trellis", "pw").encrypt("s3cret"))
			.withMessageContaining("HTTP 403")
			.withMessageContaining("Forbidden");
	}

	@Test
	void unreachableServerSaysWhatToCheck() {
		assertThatExceptionOfType(PlatformException.class)
			.isThrownBy(() -> new ConfigEncryptionClient(URI.create("http://127.0.0.1:1"), "admin", "pw").encrypt("x"))
			.withMessageContaining("cannot be reached");
	}

	private URI serve(int status, String body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/encrypt", (exchange) -> {
			this.received.set(exchange.getRequestHeaders().getFirst("Authorization") + " "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

}
