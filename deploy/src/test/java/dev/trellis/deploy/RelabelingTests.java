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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Relabeling}.
 *
 * @author Trellis authors
 */
class RelabelingTests {

	private static final Map<String, String> TARGET = Map.of("__meta_eureka_app_name", "ORDER-SERVICE", "instance",
			"host:order-service:8083");

	@Test
	void dropRemovesATargetWhoseValueMatchesTheWholeRegex() {
		assertThat(Relabeling.apply(List.of(Map.of("source_labels", List.of("__meta_eureka_app_name"), "regex",
				"ORDER-SERVICE|GATEWAY", "action", "drop")), TARGET))
			.isEmpty();
		assertThat(Relabeling.apply(
				List.of(Map.of("source_labels", List.of("__meta_eureka_app_name"), "regex", "ORDER", "action", "drop")),
				TARGET))
			.isPresent();
	}

	@Test
	void keepRemovesATargetWhoseValueDoesNotMatch() {
		assertThat(Relabeling.apply(List
			.of(Map.of("source_labels", List.of("__meta_eureka_app_name"), "regex", "GATEWAY", "action", "keep")),
				TARGET))
			.isEmpty();
	}

	@Test
	void replaceWritesTheExpandedReplacement() {
		assertThat(Relabeling.apply(List.of(Map.of("source_labels", List.of("instance"), "regex", "([^:]+):.*",
				"target_label", "host", "replacement", "${1}")), TARGET))
			.hasValueSatisfying((labels) -> assertThat(labels).containsEntry("host", "host"));
	}

	@Test
	void lowercaseWritesTheLowerCasedValue() {
		assertThat(Relabeling.apply(List.of(Map.of("source_labels", List.of("__meta_eureka_app_name"), "target_label",
				"application", "action", "lowercase")), TARGET))
			.hasValueSatisfying((labels) -> assertThat(labels).containsEntry("application", "order-service"));
	}

	@Test
	void anActionThatIsNotSimulatedFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Relabeling.apply(List.of(Map.of("action", "hashmod")), TARGET))
			.withMessageContaining("hashmod");
	}

}
