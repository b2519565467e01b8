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
package dev.trellis.launcher.cli;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StatusTable}.
 *
 * @author Trellis authors
 */
class StatusTableTests {

	@Test
	void columnsAreAlignedUnderAHeader() {
		String table = StatusTable.render(List.of(
				new StatusTable.Row("config-server", 1, "http://localhost:8888", 1234, "healthy",
						".trellis/logs/config-server.log"),
				new StatusTable.Row("catalog-service", 2, "http://localhost:40123", 98765, "FROZEN",
						".trellis/logs/catalog-service-2.log")));
		assertThat(table.lines().toList()).containsExactly(
				"APP              INSTANCE  URL                     PID    HEALTH   LOG",
				"config-server    1         http://localhost:8888   1234   healthy  .trellis/logs/config-server.log",
				"catalog-service  2         http://localhost:40123  98765  FROZEN   .trellis/logs/catalog-service-2.log");
	}

	@Test
	void emptyTableHasOnlyTheHeader() {
		assertThat(StatusTable.render(List.of()))
			.isEqualTo("APP  INSTANCE  URL  PID  HEALTH  LOG" + System.lineSeparator());
	}

}
