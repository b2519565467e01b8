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
 * Tests for {@link TokenClient}.
 *
 * @author Trellis authors
 */
class TokenClientTests {

	private final AtomicReference<String> authorization = new AtomicReference<>();

	private final AtomicReference<String> form = new AtomicReference<>();

	private HttpServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void sendsTheClientCredentialsGrantWithBasicAuthenticationAndReturnsTheToken() throws IOException {
		URI base = serve(200, "{\"access_token\":\"abc.def.ghi\",\"token_type\":\"Bearer\",\"expires_in\":299}");
		String token = new TokenClient(base, "trellis-cli", "s3cret").accessToken("catalog.read orders.write");
		assertThat(token).isEqualTo("abc.def.ghi");
		assertThat(this.form.get()).isEqualTo("grant_type=client_credentials&scope=catalog.read+orders.write");
		assertThat(this.authorization.get()).isEqualTo("Basic dHJlbGxpcy1jbGk6czNjcmV0");
	}

	@Test
	void blankScopesAskForEveryScopeOfThePlatform() throws IOException {
		URI base = serve(200, "{\"access_token\":\"t\"}");
		new TokenClient(base, "trellis-cli", "s").accessToken(" ");
		assertThat(this.form.get())
			.isEqualTo("grant_type=client_credentials&scope=" + TokenClient.ALL_SCOPES.replace(' ', '+'));
	}

	@Test
	void refusalNamesTheOAuthError() throws IOException {
		URI base = serve(400, "{\"error\":\"invalid_scope\",\"error_description\":\"OAuth 2.0 Parameter: scope\"}");
		assertThatExceptionOfType(PlatformException.class)
			.isThrownBy(() -> new TokenClient(base, "trellis-cli", "s").accessToken("admin.everything"))
			.withMessageContaining("invalid_scope")
			.withMessageContaining("OAuth 2.0 Parameter: scope");
	}

	@Test
	void unreachableServerSaysWhatToCheck() {
		assertThatExceptionOfType(PlatformException.class)
			.isThrownBy(() -> new TokenClient(URI.create("http://127.0.0.1:1"), "trellis-cli", "s").accessToken(""))
			.withMessageContaining("cannot be reached")
			.withMessageContaining("./trellis status");
	}

	private URI serve(int status, String body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/oauth2/token", (exchange) -> {
			this.authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			this.form.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

}
