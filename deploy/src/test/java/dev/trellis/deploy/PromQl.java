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
package dev.trellis.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of PromQL to check dashboard queries without a Prometheus: the metric names
 * an expression reads, the Grafana variables it uses, and mistakes a typo makes (an
 * unknown function, unbalanced brackets, a label matcher without a quoted value).
 *
 * @author Trellis authors
 */
final class PromQl {

	/** Functions and aggregations the dashboards may call. */
	static final Set<String> FUNCTIONS = Set.of("abs", "absent", "avg", "avg_over_time", "bottomk", "ceil", "changes",
			"clamp_max", "clamp_min", "count", "count_values", "delta", "deriv", "floor", "group", "histogram_quantile",
			"increase", "irate", "label_replace", "max", "max_over_time", "min", "min_over_time", "quantile", "rate",
			"resets", "round", "scalar", "sort", "sort_desc", "stddev", "sum", "time", "timestamp", "topk", "vector");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.:])([a-zA-Z_:][a-zA-Z0-9_:]*)");

	private static final Pattern LABEL_LIST = Pattern
		.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*(\\s*,\\s*[a-zA-Z_][a-zA-Z0-9_]*)*)?\\s*,?\\s*");

	private static final Pattern MATCHER = Pattern
		.compile("\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*(=~|!~|!=|=)\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*");

	private static final Pattern DURATION = Pattern.compile("\\$__\\w+|(\\d+[smhdwy])+");

	private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{(\\w+)(?::\\w+)?}|(\\w+))");

	private static final Pattern LABEL_VALUES = Pattern.compile("\\s*label_values\\((.*)\\)\\s*", Pattern.DOTALL);

	private PromQl() {
	}

	/**
	 * Returns the names of the metrics an expression selects.
	 * @param expr the expression
	 * @return the metric names, in order of appearance
	 */
	static Set<String> metricNames(String expr) {
		String text = GROUPING.matcher(skeleton(expr).text()).replaceAll(" ");
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = IDENTIFIER.matcher(text);
		while (matcher.find()) {
			String name = matcher.group(1);
			if (!KEYWORDS.contains(name) && !followedByParenthesis(text, matcher.end())) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * Returns the Grafana variables an expression uses ({@code $name} or
	 * {@code ${name}}).
	 * @param expr the expression
	 * @return the variable names
	 */
	static Set<String> variables(String expr) {
		Set<String> variables = new LinkedHashSet<>();
		Matcher matcher = VARIABLE.matcher(expr);
		while (matcher.find()) {
			variables.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
		}
		return variables;
	}

	/**
	 * Returns what is wrong with an expression, as far as this checker can tell.
	 * @param expr the expression
	 * @return the problems, empty when none was found
	 */
	static List<String> problems(String expr) {
		List<String> problems = new ArrayList<>();
		if (expr.isBlank()) {
			problems.add("empty expression");
			return problems;
		}
		Skeleton skeleton = skeleton(expr);
		problems.addAll(skeleton.problems());
		for (String matchers : skeleton.braces()) {
			for (String matcher : splitOutsideQuotes(matchers)) {
				if (!matcher.isBlank() && !MATCHER.matcher(matcher).matches()) {
					problems.add("label matcher '" + matcher.strip() + "' is not <label><op>\"<value>\"");
				}
			}
		}
		for (String range : skeleton.brackets()) {
			if (!isRange(range)) {
				problems.add("range [" + range + "] is not a duration or a Grafana interval");
			}
		}
		Matcher grouping = GROUPING.matcher(skeleton.text());
		while (grouping.find()) {
			if (!LABEL_LIST.matcher(grouping.group(2)).matches()) {
				problems.add(grouping.group(1) + " (" + grouping.group(2) + ") is not a list of label names");
			}
		}
		String text = GROUPING.matcher(skeleton.text()).replaceAll(" ");
		Matcher identifier = IDENTIFIER.matcher(text);
		while (identifier.find()) {
			String name = identifier.group(1);
			if (followedByParenthesis(text, identifier.end()) && !FUNCTIONS.contains(name)) {
				problems.add("unknown function '" + name + "'");
			}
		}
		return problems;
	}

	/**
	 * Returns the series selector of a Grafana {@code label_values(selector, label)}
	 * variable query ({@code label_values(label)} selects nothing: empty).
	 * @param query the variable query
	 * @return the selector
	 */
	static String labelValuesSelector(String query) {
		Matcher matcher = LABEL_VALUES.matcher(query);
		if (!matcher.matches()) {
			throw new AssertionError("Not a label_values(...) query: " + query);
		}
		String arguments = matcher.group(1);
		int comma = lastTopLevelComma(arguments);
		return (comma < 0) ? "" : arguments.substring(0, comma).strip();
	}

	private static boolean isRange(String range) {
		// [5m], [$__rate_interval] or a subquery's [1h:1m]
		String[] parts = range.split(":", -1);
		if (parts.length > 2 || !DURATION.matcher(parts[0].strip()).matches()) {
			return false;
		}
		return parts.length == 1 || parts[1].isBlank() || DURATION.matcher(parts[1].strip()).matches();
	}

	private static boolean followedByParenthesis(String text, int index) {
		int i = index;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i < text.length() && text.charAt(i) == '(';
	}

	private static int lastTopLevelComma(String text) {
		int depth = 0;
		int last = -1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				i = Math.max(endOfString(text, i), i);
			}
			else if (c == '(' || c == '{' || c == '[') {
				depth++;
			}
			else if (c == ')' || c == '}' || c == ']') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				last = i;
			}
		}
		return last;
	}

	private static List<String> splitOutsideQuotes(String text) {
		List<String> parts = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\'' || c == '`') {
				i = Math.max(endOfString(text, i), i);
			}
			else if (c == ',') {
				parts.add(text.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(text.substring(start));
		return parts;
	}

	/**
	 * Takes strings, label matchers and ranges out of an expression, keeping what they
	 * held aside, and checks that brackets balance and strings end.
	 */
	private static Skeleton skeleton(String expr) {
		StringBuilder text = new StringBuilder();
		List<String> braces = new ArrayList<>();
		List<String> brackets = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Deque<Character> open = new ArrayDeque<>();
		StringBuilder inner = null;
		for (int i = 0; i < expr.length(); i++) {
			char c = expr.charAt(i);
			if (c == '"' || c == '\'' || c == '`') {
				int end = endOfString(expr, i);
				if (end < 0) {
					problems.add("unterminated string at " + i);
					break;
				}
				if (inner != null) {
					inner.append(expr, i, end + 1);
				}
				else {
					text.append("\"\"");
				}
				i = end;
				continue;
			}
			if (inner != null) {
				char closing = (open.peek() == '{') ? '}' : ']';
				if (c == closing) {
					((c == '}') ? braces : brackets).add(inner.toString());
					inner = null;
					open.pop();
					text.append(c);
				}
				else if ("{}[]()".indexOf(c) >= 0) {
					problems.add("'" + c + "' inside " + open.peek() + "..." + closing + " at " + i);
				}
				else {
					inner.append(c);
				}
				continue;
			}
			switch (c) {
				case '(' -> open.push(c);
				case '{', '[' -> {
					open.push(c);
					inner = new StringBuilder();
				}
				case ')' -> {
					if (open.isEmpty() || open.pop() != '(') {
						problems.add("unbalanced ')' at " + i);
					}
				}
				case '}', ']' -> problems.add("unbalanced '" + c + "' at " + i);
				default -> {
				}
			}
			text.append(c);
		}
		if (!open.isEmpty()) {
			problems.add("unclosed '" + open.peek() + "'");
		}
		return new Skeleton(text.toString(), braces, brackets, problems);
	}

	private static int endOfString(String expr, int start) {
		char quote = expr.charAt(start);
		for (int i = start + 1; i < expr.length(); i++) {
			char c = expr.charAt(i);
			if (c == '\\' && quote != '`') {
				i++;
			}
			else if (c == quote) {
				return i;
			}
		}
		return -1;
	}

	private record Skeleton(String text, List<String> braces, List<String> brackets, List<String> problems) {

	}

}
