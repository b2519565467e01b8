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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Obtains access tokens from the authorization server with the OAuth2 client credentials
 * grant, as the {@code trellis-cli} client: what {@code ./trellis token} prints and what
 * the end-to-end tests send.
 *
 * @author Trellis authors
 */
public final class TokenClient {

	/** Client id of the local command-line client. */
	public static final String CLIENT_ID = "trellis-cli";

	/**
	 * Every scope of the platform, which the command-line client may all ask for (see
	 * {@code config-repo/auth-server.yml}). Asked for when no scope is given: a client
	 * credentials request without scopes gets a token with none.
	 */
	public static final String ALL_SCOPES = "catalog.read catalog.write orders.read orders.write inventory.read "
			+ "inventory.write inventory.reserve notifications.read";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI tokenEndpoint;

	private final String clientId;

	private final String clientSecret;

	/**
	 * Creates a client.
	 * @param authServer base URL of the authorization server
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 */
	public TokenClient(URI authServer, String clientId, String clientSecret) {
		this.tokenEndpoint = authServer.resolve("/oauth2/token");
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	/**
	 * Asks for an access token.
	 * @param scopes the scopes, space separated; blank for {@link #ALL_SCOPES}
	 * @return the access token
	 * @throws PlatformException when the server refuses (with its OAuth2 error) or cannot
	 * be reached
	 */
	public String accessToken(String scopes) {
		String requested = scopes.isBlank() ? ALL_SCOPES : scopes.trim();
		String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(requested, StandardCharsets.UTF_8);
		String basic = Base64.getEncoder()
			.encodeToString((encode(this.clientId) + ":" + encode(this.clientSecret)).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(this.tokenEndpoint)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response;
		try {
			response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new PlatformException("The authorization server at " + this.tokenEndpoint
					+ " cannot be reached; is Trellis running (./trellis status)?", null, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted while asking for a token", null, ex);
		}
		JsonNode body = parse(response.body());
		if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
			String error = body.path("error").asString("HTTP " + response.statusCode());
			String description = body.path("error_description").asString("");
			throw new PlatformException("The authorization server refused the token: " + error
					+ (description.isBlank() ? "" : " (" + description + ")"));
		}
		return body.get("access_token").asString();
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body.isBlank() ? "{}" : body);
		}
		catch (RuntimeException ex) {
			return JSON.createObjectNode();
		}
	}

	// RFC 6749 2.3.1: the client id and secret are form-encoded before basic encoding.
	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
