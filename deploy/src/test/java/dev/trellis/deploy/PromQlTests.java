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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PromQl}.
 *
 * @author Trellis authors
 */
class PromQlTests {

	@Test
	void metricNamesLeaveOutFunctionsLabelsGroupingAndRanges() {
		String expr = "histogram_quantile(0.95, sum by (application, le) (rate(http_server_requests_seconds_bucket"
				+ "{application=~\"$application\", uri!~\"/actuator.*\"}[$__rate_interval]))) / on (application) "
				+ "group_left sum(up offset 5m) or vector(0)";
		assertThat(PromQl.metricNames(expr)).containsExactly("http_server_requests_seconds_bucket", "up");
	}

	@Test
	void metricNamesInsideLabelValuesAreNotMetrics() {
		assertThat(PromQl.metricNames("sum(x{topic=~\"order_events|inventory\"}) by (topic)")).containsExactly("x");
	}

	@Test
	void aWellFormedExpressionHasNoProblems() {
		assertThat(PromQl.problems("sum by (group, topic) (max_over_time(lag{a=\"1\", b!~\"x,y\"}[1h:1m]))")).isEmpty();
	}

	@Test
	void aMisspelledFunctionIsAProblem() {
		assertThat(PromQl.problems("sum(rat(x[5m]))")).containsExactly("unknown function 'rat'");
	}

	@Test
	void unbalancedBracketsAreAProblem() {
		assertThat(PromQl.problems("sum(rate(x[5m])")).containsExactly("unclosed '('");
		assertThat(PromQl.problems("x{a=\"b\"")).contains("unclosed '{'");
	}

	@Test
	void aLabelMatcherWithoutQuotesIsAProblem() {
		assertThat(PromQl.problems("x{application=$application}")).hasSize(1)
			.allSatisfy((problem) -> assertThat(problem).startsWith("label matcher 'application=$application'"));
	}

	@Test
	void aRangeThatIsNoDurationIsAProblem() {
		assertThat(PromQl.problems("rate(x[five])"))
			.containsExactly("range [five] is not a duration or a Grafana interval");
	}

	@Test
	void variablesAreFoundInBothForms() {
		assertThat(PromQl.variables("x{a=\"$application\", b=\"${uri:regex}\"}[$__rate_interval]"))
			.containsExactly("application", "uri", "__rate_interval");
	}

	@Test
	void theSelectorOfALabelValuesQueryIsItsFirstArgument() {
		assertThat(PromQl.labelValuesSelector("label_values(up{job=\"a,b\"}, application)"))
			.isEqualTo("up{job=\"a,b\"}");
		assertThat(PromQl.labelValuesSelector("label_values(application)")).isEmpty();
	}

}
