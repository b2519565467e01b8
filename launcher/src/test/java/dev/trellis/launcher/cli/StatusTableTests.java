/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
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
