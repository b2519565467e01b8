/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.launcher.process;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Signals}.
 *
 * @author Trellis authors
 */
class SignalsTests {

	@Test
	void freezeThawAndStopAFrozenProcess() throws Exception {
		Process sleep = new ProcessBuilder("sleep", "60").start();
		try {
			ProcessHandle handle = sleep.toHandle();
			Signals.freeze(handle);
			assertThat(awaitState(sleep.pid(), true)).isTrue();
			Signals.thaw(handle);
			assertThat(awaitState(sleep.pid(), false)).isTrue();
			Signals.freeze(handle);
			assertThat(Signals.stop(handle, Duration.ofSeconds(10))).as("stopped by SIGTERM").isTrue();
			assertThat(sleep.isAlive()).isFalse();
		}
		finally {
			sleep.destroyForcibly();
		}
	}

	@Test
	void stopKillsAProcessThatIgnoresSigterm() throws Exception {
		Process stubborn = new ProcessBuilder("bash", "-c", "trap '' TERM; echo ready; exec sleep 60").start();
		try {
			assertThat(new String(stubborn.getInputStream().readNBytes(5))).isEqualTo("ready");
			assertThat(Signals.stop(stubborn.toHandle(), Duration.ofMillis(500))).isFalse();
			assertThat(stubborn.isAlive()).isFalse();
		}
		finally {
			stubborn.destroyForcibly();
		}
	}

	private static boolean awaitState(long pid, boolean frozen) throws InterruptedException {
		for (int i = 0; i < 50; i++) {
			if (Signals.isFrozen(pid) == frozen) {
				return true;
			}
			Thread.sleep(20);
		}
		return false;
	}

}
