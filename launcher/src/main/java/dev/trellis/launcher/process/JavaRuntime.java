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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The {@code java} command that runs the child processes, and their JVM options.
 *
 * @author Trellis authors
 */
public final class JavaRuntime {

	/** Environment variable naming another {@code java} command. */
	public static final String JAVA_ENV = "TRELLIS_JAVA";

	/** Environment variable replacing the default JVM options of the applications. */
	public static final String JAVA_OPTS_ENV = "TRELLIS_JAVA_OPTS";

	/** Oldest Java release Trellis runs on. */
	public static final int MINIMUM_VERSION = 17;

	/**
	 * JVM options of every child: a modest heap and fast start on small machines.
	 */
	public static final List<String> DEFAULT_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:ReservedCodeCacheSize=64m");

	private static final Pattern VERSION = Pattern.compile("version \"(1\\.)?(\\d+)");

	private JavaRuntime() {
	}

	/**
	 * Returns the {@code java} command: {@value #JAVA_ENV} when set, else the one running
	 * this JVM.
	 * @param environment the environment to read
	 * @return the command
	 */
	public static String javaCommand(Map<String, String> environment) {
		String configured = environment.get(JAVA_ENV);
		if (configured != null && !configured.isBlank()) {
			return configured.trim();
		}
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/**
	 * Returns the JVM options: {@value #JAVA_OPTS_ENV} (split on whitespace) when set,
	 * else {@link #DEFAULT_OPTIONS}.
	 * @param environment the environment to read
	 * @return the options
	 */
	public static List<String> jvmOptions(Map<String, String> environment) {
		String configured = environment.get(JAVA_OPTS_ENV);
		if (configured != null && !configured.isBlank()) {
			return Arrays.stream(configured.trim().split("\\s+")).toList();
		}
		return DEFAULT_OPTIONS;
	}

	/**
	 * Returns the major version of a {@code java} command by running
	 * {@code java -version}.
	 * @param javaCommand the command
	 * @return the major version, or -1 when it cannot be told
	 */
	public static int majorVersion(String javaCommand) {
		try {
			Process process = new ProcessBuilder(javaCommand, "-version").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			Integer version = parseMajorVersion(output);
			return (version != null) ? version : -1;
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/**
	 * Reads the major version from the output of {@code java -version}.
	 * @param versionOutput the output
	 * @return the major version ({@code 8} for {@code 1.8.0}), or {@code null}
	 */
	static @Nullable Integer parseMajorVersion(String versionOutput) {
		Matcher matcher = VERSION.matcher(versionOutput);
		return matcher.find() ? Integer.parseInt(matcher.group(2)) : null;
	}

}
