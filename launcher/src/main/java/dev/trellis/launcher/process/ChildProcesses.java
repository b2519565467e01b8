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

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Starts child processes the Trellis way: in a session of their own (through
 * {@code setsid}, so that Ctrl-C in the terminal reaches only the launcher, which stops
 * them in order), with standard output and error appended to a log file and no standard
 * input.
 * <p>
 * {@code setsid} without {@code --fork} calls {@code setsid(2)} and then executes the
 * command in place when its caller is not a process group leader, which a process forked
 * by the JVM never is: the pid of the returned {@link Process} is the pid of the command
 * itself.
 *
 * @author Trellis authors
 */
public final class ChildProcesses {

	private static final @Nullable String SETSID = findOnPath("setsid").orElse(null);

	private ChildProcesses() {
	}

	/**
	 * Starts a process.
	 * @param command the command and its arguments
	 * @param environment variables added to (or replacing those of) the launcher's
	 * environment
	 * @param workingDirectory the working directory
	 * @param logFile the file standard output and error are appended to
	 * @param banner a line written to the log before the process starts, or {@code null}
	 * @return the process
	 * @throws IOException when it cannot be started
	 */
	public static Process start(List<String> command, Map<String, String> environment, Path workingDirectory,
			Path logFile, @Nullable String banner) throws IOException {
		Files.createDirectories(logFile.getParent());
		if (banner != null) {
			Files.writeString(logFile, banner + System.lineSeparator(), StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		List<String> fullCommand = new ArrayList<>();
		if (SETSID != null) {
			fullCommand.add(SETSID);
		}
		fullCommand.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(fullCommand).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().putAll(environment);
		return builder.start();
	}

	/**
	 * Whether children get a session of their own ({@code setsid} was found).
	 * @return whether {@code setsid} is used
	 */
	public static boolean usesSetsid() {
		return SETSID != null;
	}

	/**
	 * Finds an executable on the {@code PATH}.
	 * @param name the executable name
	 * @return its path, or empty
	 */
	static Optional<String> findOnPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (directory.isEmpty()) {
				continue;
			}
			Path candidate = Path.of(directory, name);
			if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
				return Optional.of(candidate.toString());
			}
		}
		return Optional.empty();
	}

}
