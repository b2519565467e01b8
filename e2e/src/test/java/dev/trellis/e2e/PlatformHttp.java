/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.trellis.launcher.Platform;

/**
 * Plain HTTP against the launched platform, the way a client outside it sees it.
 *
 * @author Trellis
 */
public final class PlatformHttp {

	/** Header naming the instance that served a response. */
	public static final String INSTANCE_HEADER = "X-Trellis-Instance";

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final Platform platform;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String token;

	private Instant tokenRefresh = Instant.EPOCH;

	PlatformHttp(Platform platform) {
		this.platform = platform;
	}

	/**
	 * GET a path through the gateway as the command-line client, with a token holding
	 * every scope it may have.
	 * @param path the path, such as {@code /api/catalog/products}
	 * @return the response
	 */
	public HttpResponse<String> gateway(String path) {
		return gateway(path, Map.of("Authorization", "Bearer " + token()));
	}

	/**
	 * GET a path through the gateway with the given headers (and no others).
	 * @param path the path
	 * @param headers the request headers, an {@code Authorization} header included or not
	 * @return the response
	 */
	public HttpResponse<String> gateway(String path, Map<String, String> headers) {
		HttpRequest.Builder request = get(this.platform.url("gateway").resolve(path));
		headers.forEach(request::header);
		return send(request.build());
	}

	/**
	 * GET a path through the gateway with a token holding every scope, without waiting
	 * for the answer.
	 * @param path the path
	 * @return the response to come
	 */
	public CompletableFuture<HttpResponse<String>> gatewayAsync(String path) {
		HttpRequest request = get(this.platform.url("gateway").resolve(path))
			.header("Authorization", "Bearer " + token())
			.build();
		return this.client.sendAsync(request, BodyHandlers.ofString());
	}

	/**
	 * GET a path through the gateway with the given headers, without waiting for the
	 * answer.
	 * @param path the path
	 * @param headers the request headers
	 * @return the response to come
	 */
	public CompletableFuture<HttpResponse<String>> gatewayAsync(String path, Map<String, String> headers) {
		HttpRequest.Builder request = get(this.platform.url("gateway").resolve(path));
		headers.forEach(request::header);
		return this.client.sendAsync(request.build(), BodyHandlers.ofString());
	}

	/**
	 * POST a JSON body through the gateway with the given headers.
	 * @param path the path
	 * @param json the body
	 * @param headers the request headers
	 * @return the response
	 */
	public HttpResponse<String> gatewayPost(String path, String json, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.platform.url("gateway").resolve(path))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		headers.forEach(request::header);
		return send(request.build());
	}

	/**
	 * Sends a request through the gateway with a token holding every scope, and a JSON
	 * body unless {@code json} is {@code null}, without waiting for the answer.
	 * @param method the HTTP method
	 * @param path the path
	 * @param json the body, or {@code null}
	 * @param headers further request headers
	 * @return the response to come
	 */
	public CompletableFuture<HttpResponse<String>> gatewaySendAsync(String method, String path, String json,
			Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.platform.url("gateway").resolve(path))
			.timeout(TIMEOUT)
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token())
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		return this.client.sendAsync(request.build(), BodyHandlers.ofString());
	}

	/**
	 * Sends a request through the gateway with a token holding every scope, and a JSON
	 * body unless {@code json} is {@code null}.
	 * @param method the HTTP method
	 * @param path the path
	 * @param json the body, or {@code null}
	 * @param headers further request headers
	 * @return the response
	 */
	public HttpResponse<String> gatewaySend(String method, String path, String json, Map<String, String> headers) {
		try {
			return gatewaySendAsync(method, path, json, headers).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new UncheckedIOException(method + " " + path + " failed", new IOException(ex.getCause()));
		}
	}

	/**
	 * GET a URL with the given headers.
	 * @param url the URL
	 * @param headers the request headers
	 * @return the response
	 */
	public HttpResponse<String> get(URI url, Map<String, String> headers) {
		HttpRequest.Builder request = get(url);
		headers.forEach(request::header);
		return send(request.build());
	}

	/**
	 * Returns an access token with every scope of the command-line client, fetched once
	 * and again when it is about to expire.
	 * @return the token
	 */
	public synchronized String token() {
		if (this.token == null || Instant.now().isAfter(this.tokenRefresh)) {
			this.token = this.platform.accessToken("");
			// Tokens live 5 minutes; ask for a new one well before.
			this.tokenRefresh = Instant.now().plus(Duration.ofMinutes(3));
		}
		return this.token;
	}

	/**
	 * GET a URL with basic credentials, or none when {@code user} is {@code null}.
	 * @param url the URL
	 * @param user the user name
	 * @param password the password
	 * @return the response
	 */
	public HttpResponse<String> get(URI url, String user, String password) {
		HttpRequest.Builder request = get(url);
		if (user != null) {
			String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + token);
		}
		return send(request.build());
	}

	/**
	 * GET plain text (such as a Prometheus scrape) from a URL with basic credentials.
	 * @param url the URL
	 * @param user the user name
	 * @param password the password
	 * @return the response
	 */
	public HttpResponse<String> getText(URI url, String user, String password) {
		return send(HttpRequest.newBuilder(url)
			.timeout(TIMEOUT)
			.header("Accept", "text/plain")
			.header("Authorization", basic(user, password))
			.GET()
			.build());
	}

	/**
	 * POST plain text to a URL with basic credentials, or none when {@code user} is
	 * {@code null}.
	 * @param url the URL
	 * @param body the text
	 * @param user the user name
	 * @param password the password
	 * @return the response
	 */
	public HttpResponse<String> post(URI url, String body, String user, String password) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(TIMEOUT)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (user != null) {
			request.header("Authorization", basic(user, password));
		}
		return send(request.build());
	}

	/**
	 * POST to a URL without a body, with basic credentials, as an operator triggers an
	 * actuator operation.
	 * @param url the URL
	 * @param user the user name
	 * @param password the password
	 * @return the response
	 */
	public HttpResponse<String> post(URI url, String user, String password) {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(TIMEOUT)
			.header("Accept", "application/json")
			.header("Authorization", basic(user, password))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return send(request);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static HttpRequest.Builder get(URI url) {
		return HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/json").GET();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
