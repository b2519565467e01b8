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
package dev.trellis.launcher.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Health checks: an HTTP GET that must answer 200 (Spring Boot's readiness endpoint) or a
 * TCP connect. Described by a short string kept in the state file: {@code http:<path>} or
 * {@code tcp}.
 *
 * @author Trellis authors
 */
public final class HealthProbe {

	/** Path of Spring Boot's readiness group. */
	public static final String READINESS_PATH = "/actuator/health/readiness";

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(CONNECT_TIMEOUT)
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private HealthProbe() {
	}

	/**
	 * Describes an HTTP probe.
	 * @param path the path that must answer 200
	 * @return the description
	 */
	public static String http(String path) {
		return "http:" + path;
	}

	/**
	 * Describes a TCP probe.
	 * @return the description
	 */
	public static String tcp() {
		return "tcp";
	}

	/**
	 * Runs a probe against a port on localhost.
	 * @param probe the probe description
	 * @param port the port
	 * @return whether it is healthy
	 */
	public static boolean check(String probe, int port) {
		if (probe.startsWith("http:")) {
			return httpOk(URI.create("http://localhost:" + port + probe.substring("http:".length())));
		}
		return Ports.accepts(port, CONNECT_TIMEOUT);
	}

	/**
	 * Whether a GET answers 200.
	 * @param uri the URI
	 * @return whether the answer was 200
	 */
	public static boolean httpOk(URI uri) {
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Whether a GET through a gateway reached an instance of the service behind it: a
	 * success or a client error counts, except 401, 403 and 429, which the gateway
	 * answers itself before routing; the gateway's 502, 503 and 504 (no instance to send
	 * to, or none reachable) do not.
	 * @param uri the URI through the gateway
	 * @param bearerToken an access token to send, or {@code null}
	 * @return whether the gateway routed the request
	 */
	public static boolean routed(URI uri, @Nullable String bearerToken) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
		if (bearerToken != null) {
			builder.header("Authorization", "Bearer " + bearerToken);
		}
		try {
			int status = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			return status < 500 && status != 401 && status != 403 && status != 429;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
