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
package dev.trellis.autoconfigure.observability;

import java.util.List;
import java.util.Map;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanExportingPredicate;

/**
 * {@link SpanExportingPredicate} that keeps the platform's housekeeping out of Zipkin:
 * requests to actuator endpoints (health probes, Prometheus scrapes) and the registry
 * traffic of Eureka clients (heartbeats and registry fetches every few seconds). They
 * would otherwise be most of the traces of an idle platform and bury the requests worth
 * following. They are still timed: only their spans are dropped.
 *
 * @author Trellis
 */
public class HousekeepingSpanFilter implements SpanExportingPredicate {

	private static final List<String> TAGS = List.of("http.url", "uri", "url.path");

	private static final List<String> PATHS = List.of("/actuator", "/eureka/");

	@Override
	public boolean isExportable(FinishedSpan span) {
		Map<String, String> tags = span.getTags();
		for (String tag : TAGS) {
			String value = tags.get(tag);
			if (value != null && isHousekeeping(value)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isHousekeeping(String url) {
		String path = pathOf(url);
		return PATHS.stream().anyMatch(path::startsWith);
	}

	private static String pathOf(String url) {
		int scheme = url.indexOf("://");
		if (scheme < 0) {
			return url;
		}
		int path = url.indexOf('/', scheme + 3);
		return (path < 0) ? "" : url.substring(path);
	}

}
