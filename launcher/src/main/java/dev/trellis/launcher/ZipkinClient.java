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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads traces from Zipkin's HTTP API (v2): what {@code ./trellis trace} prints and what
 * the end-to-end tests check.
 *
 * @author Trellis authors
 */
public final class ZipkinClient {

	/**
	 * Tag order-service puts on the span of a request that places or changes an order.
	 */
	public static final String ORDER_ID_TAG = "order.id";

	/** How far back searches look: a day, Zipkin's memory store keeps less anyway. */
	private static final Duration LOOKBACK = Duration.ofDays(1);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI zipkin;

	/**
	 * Creates a client.
	 * @param zipkin base URL of the Zipkin server, such as {@code http://localhost:9411}
	 */
	public ZipkinClient(URI zipkin) {
		this.zipkin = zipkin;
	}

	/**
	 * Returns a trace by id.
	 * @param traceId the trace id (hex)
	 * @return the trace, or empty when Zipkin has no span of it (yet)
	 */
	public Optional<TraceTree> trace(String traceId) {
		JsonNode spans = get("/api/v2/trace/" + URLEncoder.encode(traceId, StandardCharsets.UTF_8), true);
		return (spans == null || spans.isEmpty()) ? Optional.empty() : Optional.of(TraceTree.of(spans));
	}

	/**
	 * Returns the trace in which an order was placed: of the traces with a span tagged
	 * with the order's id, the one that started first.
	 * @param orderId the order id
	 * @return the trace, or empty when Zipkin has none (yet)
	 */
	public Optional<TraceTree> orderPlacement(String orderId) {
		String query = "/api/v2/traces?limit=20&lookback=" + LOOKBACK.toMillis() + "&annotationQuery="
				+ URLEncoder.encode(ORDER_ID_TAG + "=" + orderId, StandardCharsets.UTF_8);
		JsonNode traces = get(query, false);
		List<TraceTree> found = new ArrayList<>();
		if (traces != null) {
			traces.forEach((spans) -> found.add(TraceTree.of(spans)));
		}
		return found.stream().min(Comparator.comparingLong(TraceTree::start));
	}

	private JsonNode get(String path, boolean notFoundIsEmpty) {
		URI uri = this.zipkin.resolve(path);
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
		try {
			HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 404 && notFoundIsEmpty) {
				return null;
			}
			if (response.statusCode() != 200) {
				throw new PlatformException("Zipkin answered " + response.statusCode() + " to " + uri, response.body(),
						null);
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new PlatformException("Zipkin is not reachable at " + this.zipkin
					+ ": start the platform with ./trellis up (it runs Zipkin on port 9411)", null, ex);
		}
		catch (JacksonException ex) {
			throw new PlatformException("Zipkin answered something other than JSON to " + uri, null, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformException("Interrupted while reading from Zipkin", null, ex);
		}
	}

}
