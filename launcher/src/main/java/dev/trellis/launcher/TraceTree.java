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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One trace as Zipkin's API returns it (a JSON array of spans in its v2 format), printed
 * as an indented tree: each span under its parent, children by start time, with its
 * service, name and duration.
 *
 * @author Trellis authors
 */
public final class TraceTree {

	private final List<Span> roots;

	private final Map<String, List<Span>> children;

	private final String traceId;

	private TraceTree(String traceId, List<Span> roots, Map<String, List<Span>> children) {
		this.traceId = traceId;
		this.roots = roots;
		this.children = children;
	}

	/**
	 * Builds the tree of a trace.
	 * @param spans the trace's spans (a JSON array)
	 * @return the tree
	 */
	public static TraceTree of(JsonNode spans) {
		List<Span> all = new ArrayList<>();
		spans.forEach((node) -> all.add(Span.of(node)));
		Set<String> ids = all.stream().map(Span::id).collect(Collectors.toSet());
		Map<String, List<Span>> children = new HashMap<>();
		List<Span> roots = new ArrayList<>();
		for (Span span : all) {
			String parent = span.parentId();
			if (parent != null && ids.contains(parent)) {
				children.computeIfAbsent(parent, (id) -> new ArrayList<>()).add(span);
			}
			else {
				roots.add(span);
			}
		}
		Comparator<Span> byStart = Comparator.comparingLong(Span::timestamp);
		roots.sort(byStart);
		children.values().forEach((list) -> list.sort(byStart));
		String traceId = all.stream().map(Span::traceId).findFirst().orElse("?");
		return new TraceTree(traceId, roots, children);
	}

	/**
	 * Returns the trace id.
	 * @return the id
	 */
	public String traceId() {
		return this.traceId;
	}

	/**
	 * Returns when the trace started.
	 * @return the earliest span start, in microseconds since the epoch
	 */
	public long start() {
		return this.roots.stream().mapToLong(Span::timestamp).min().orElse(0);
	}

	/**
	 * Whether every span's parent is in the trace. Each app reports its spans on its own
	 * schedule, so a trace read soon after a request may still miss some; a span whose
	 * parent is missing is shown as a root meanwhile.
	 * @return whether the only roots are spans without a parent
	 */
	public boolean isConnected() {
		return this.roots.stream().allMatch((root) -> root.parentId() == null);
	}

	/**
	 * Returns the services that have spans in the trace.
	 * @return the service names
	 */
	public Set<String> services() {
		return spans().stream().map(Span::service).collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * Returns every span of the trace, depth first.
	 * @return the spans
	 */
	public List<Span> spans() {
		List<Span> result = new ArrayList<>();
		this.roots.forEach((root) -> collect(root, result));
		return result;
	}

	private void collect(Span span, List<Span> result) {
		result.add(span);
		this.children.getOrDefault(span.id(), List.of()).forEach((child) -> collect(child, result));
	}

	/**
	 * Renders the tree, one span per line, two spaces of indentation per level.
	 * @return the text
	 */
	public String render() {
		StringBuilder text = new StringBuilder("trace " + this.traceId + "\n");
		long start = start();
		this.roots.forEach((root) -> render(root, 1, start, text));
		return text.toString();
	}

	private void render(Span span, int depth, long start, StringBuilder text) {
		text.append("  ".repeat(depth))
			.append(span.service())
			.append(": ")
			.append(span.name())
			.append(span.kind().isEmpty() ? "" : " [" + span.kind().toLowerCase(Locale.ROOT) + "]")
			.append(String.format(Locale.ROOT, "  %.1f ms", span.duration() / 1000.0))
			.append(String.format(Locale.ROOT, "  (+%.1f ms)", (span.timestamp() - start) / 1000.0))
			.append('\n');
		this.children.getOrDefault(span.id(), List.of()).forEach((child) -> render(child, depth + 1, start, text));
	}

	/**
	 * One span.
	 *
	 * @param traceId its trace
	 * @param id its id
	 * @param parentId its parent's id, or {@code null} for a root
	 * @param service the service that reported it
	 * @param name its name
	 * @param kind {@code SERVER}, {@code CLIENT}, {@code PRODUCER}, {@code CONSUMER}, or
	 * empty for a local span
	 * @param timestamp when it started (microseconds since the epoch)
	 * @param duration how long it took (microseconds)
	 * @param tags its tags
	 */
	public record Span(String traceId, String id, @Nullable String parentId, String service, String name, String kind,
			long timestamp, long duration, Map<String, String> tags) {

		static Span of(JsonNode node) {
			Map<String, String> tags = new LinkedHashMap<>();
			JsonNode tagNode = node.path("tags");
			tagNode.propertyNames().forEach((name) -> tags.put(name, tagNode.path(name).asString()));
			String parent = node.path("parentId").asString(null);
			return new Span(node.path("traceId").asString(""), node.path("id").asString(""), parent,
					node.path("localEndpoint").path("serviceName").asString("?"), node.path("name").asString("?"),
					node.path("kind").asString(""), node.path("timestamp").asLong(0), node.path("duration").asLong(0),
					Map.copyOf(tags));
		}

	}

}
