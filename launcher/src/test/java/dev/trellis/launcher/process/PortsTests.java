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

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Ports}.
 *
 * @author Trellis authors
 */
class PortsTests {

	@Test
	void aPortBoundOnLoopbackIsReportedBusy() throws Exception {
		try (ServerSocket busy = new ServerSocket()) {
			busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			int port = busy.getLocalPort();
			assertThat(Ports.checkFree(port)).hasValueSatisfying((reason) -> assertThat(reason).contains(":" + port));
			assertThat(Ports.isFree(port)).isFalse();
			assertThat(Ports.accepts(port, Duration.ofSeconds(1))).isTrue();
		}
	}

	@Test
	void aPortBoundOnAllAddressesIsReportedBusy() throws Exception {
		try (ServerSocket busy = new ServerSocket(0)) {
			assertThat(Ports.checkFree(busy.getLocalPort())).isPresent();
		}
	}

	@Test
	void freePortIsFreeAndNotReserved() {
		int port = Ports.freePort(Set.of());
		assertThat(Ports.isFree(port)).isTrue();
		assertThat(Ports.accepts(port, Duration.ofMillis(500))).isFalse();
		for (int i = 0; i < 5; i++) {
			assertThat(Ports.freePort(Set.of(port))).isNotEqualTo(port);
		}
	}

}
