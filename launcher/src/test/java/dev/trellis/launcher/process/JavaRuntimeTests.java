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

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JavaRuntime}.
 *
 * @author Trellis authors
 */
class JavaRuntimeTests {

	@Test
	void majorVersionIsReadFromJavaVersionOutput() {
		assertThat(JavaRuntime.parseMajorVersion("openjdk version \"17.0.15\" 2025-04-15")).isEqualTo(17);
		assertThat(JavaRuntime.parseMajorVersion("openjdk version \"25\" 2025-09-16")).isEqualTo(25);
		assertThat(JavaRuntime.parseMajorVersion("java version \"1.8.0_292\"")).isEqualTo(8);
		assertThat(JavaRuntime.parseMajorVersion("bash: java: not found")).isNull();
	}

	@Test
	void majorVersionOfTheRunningJava() {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		assertThat(JavaRuntime.majorVersion(java)).isEqualTo(Runtime.version().feature());
		assertThat(JavaRuntime.majorVersion("/no/such/java")).isEqualTo(-1);
	}

	@Test
	void environmentOverridesTheJavaCommandAndOptions() {
		assertThat(JavaRuntime.javaCommand(Map.of("TRELLIS_JAVA", "/opt/jdk/bin/java"))).isEqualTo("/opt/jdk/bin/java");
		assertThat(JavaRuntime.javaCommand(Map.of())).endsWith("java");
		assertThat(JavaRuntime.jvmOptions(Map.of("TRELLIS_JAVA_OPTS", " -Xmx1g  -XX:+UseG1GC ")))
			.containsExactly("-Xmx1g", "-XX:+UseG1GC");
		assertThat(JavaRuntime.jvmOptions(Map.of())).isEqualTo(JavaRuntime.DEFAULT_OPTIONS);
	}

}
