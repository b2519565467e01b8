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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Encrypts configuration values with the config server's {@code /encrypt} endpoint, as
 * its administrator, so that they can be committed to {@code config-repo/} as
 * {@code {cipher}} values.
 *
 * @author Trellis authors
 */
public final class ConfigEncryptionClient {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI encryptEndpoint;

	private final String authorization;

	/**
	 * Creates a client.
	 * @param configServer base URL of the config server
	 * @param adminUser the administrator's user name
	 * @param adminPassword the administrator's password
	 */
	public ConfigEncryptionClient(URI configServer, String adminUser, String adminPassword) {
		this.encryptEndpoint = configServer.resolve("/encrypt");
		this.authorization = "Basic " + Base64.getEncoder()
			.encodeToString((adminUser + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Encrypts a value.
	 * @param value the plain value
	 * @return the cipher text, without the {@code {cipher}} prefix
	 * @throws PlatformException when the config server refuses or cannot be reached
	 */
	public String encrypt(String value) {
		HttpRequest request = HttpRequest.newBuilder(this.encryptEndpoint)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", this.authorization)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(value, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response;
		try {
			response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new PlatformException("The config server at " + this.encryptEndpoint
					+ " cannot be reached; is Trellis running (./trellis status)?", null, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted while encrypting", null, ex);
		}
		if (response.statusCode() != 200) {
			throw new PlatformException("The config server refused to encrypt (HTTP " + response.statusCode() + "): "
					+ response.body().strip());
		}
		return response.body().strip();
	}

}
