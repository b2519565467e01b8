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
package dev.trellis.auth;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the authorization server's tests share: the configuration from
 * {@code config-repo/} with test secrets, and token requests over HTTP.
 *
 * @author Trellis
 */
final class AuthServerTestSupport {

	/**
	 * Imports the server's configuration as the config server would serve it. The path is
	 * relative to the module directory, where Maven and IDEs run the tests.
	 */
	static final String CONFIG_REPO_IMPORT = "spring.config.import=file:../config-repo/application.yml,file:../config-repo/auth-server.yml";

	static final String CLI_SECRET = "test-cli-secret";

	static final String ORDER_SERVICE_SECRET = "test-order-service-secret";

	static final String KEYSTORE_PASSWORD = "test-keystore-password";

	/** The secrets the launcher would pass in the environment. */
	static final String[] PROPERTIES = { CONFIG_REPO_IMPORT, "TRELLIS_CLI_CLIENT_SECRET=" + CLI_SECRET,
			"ORDER_SERVICE_CLIENT_SECRET=" + ORDER_SERVICE_SECRET, "TRELLIS_WEB_CLIENT_SECRET=test-web-secret",
			"AUTH_KEYSTORE_PASSWORD=" + KEYSTORE_PASSWORD };

	private AuthServerTestSupport() {
	}

	/**
	 * Command line arguments that start the server on a free port with the given
	 * keystore.
	 * @param keystore the keystore file
	 * @param extra further arguments, such as {@code --key=value}
	 * @return the arguments
	 */
	static String[] arguments(Path keystore, String... extra) {
		String[] result = new String[PROPERTIES.length + 2 + extra.length];
		for (int i = 0; i < PROPERTIES.length; i++) {
			result[i] = "--" + PROPERTIES[i];
		}
		result[PROPERTIES.length] = "--server.port=0";
		result[PROPERTIES.length + 1] = "--AUTH_KEYSTORE_PATH=" + keystore;
		System.arraycopy(extra, 0, result, PROPERTIES.length + 2, extra.length);
		return result;
	}

	/**
	 * A client for the server at the given port that does not follow redirects, so that
	 * tests see where the server sends a browser.
	 * @param port the server's port
	 * @return the client
	 */
	static RestTestClient client(int port) {
		HttpClient httpClient = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		return RestTestClient.bindToServer(new JdkClientHttpRequestFactory(httpClient))
			.baseUrl("http://localhost:" + port)
			.build();
	}

	static RestTestClient.ResponseSpec requestToken(RestTestClient client, String clientId, String secret,
			String scope) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("scope", scope);
		return client.post()
			.uri("/oauth2/token")
			.headers((headers) -> headers.setBasicAuth(clientId, secret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange();
	}

	/**
	 * Asks for a {@code trellis-cli} token with the given scopes.
	 * @param port the server's port
	 * @param scope the scopes, separated by spaces
	 * @return the access token
	 */
	static String cliToken(int port, String scope) {
		Map<String, Object> response = requestToken(client(port), "trellis-cli", CLI_SECRET, scope).expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		return (String) response.get("access_token");
	}

	/**
	 * Verifies a token's signature and lifetime against the JWK set the server at the
	 * given port publishes, as a resource server would.
	 * @param port the server's port
	 * @param token the token
	 * @return the decoded token
	 */
	static Jwt verify(int port, String token) {
		return NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks").build().decode(token);
	}

}
