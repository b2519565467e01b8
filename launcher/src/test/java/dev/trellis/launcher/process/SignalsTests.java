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
