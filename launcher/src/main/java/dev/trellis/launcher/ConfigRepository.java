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
package dev.trellis.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Decides where the config server reads {@code config-repo/} from: the project's git
 * repository when it is a checkout without uncommitted changes under
 * {@code config-repo/}, else the working tree.
 *
 * @author Trellis authors
 */
final class ConfigRepository {

	/** Folder of the configuration, relative to the project root. */
	static final String FOLDER = "config-repo";

	private ConfigRepository() {
	}

	/**
	 * Resolves the configuration source.
	 * @param root the project root
	 * @param mode the requested mode
	 * @return the source
	 * @throws PlatformException when git is requested but the project is not a git
	 * checkout
	 */
	static ConfigSource resolve(Path root, ConfigMode mode) {
		Path absoluteRoot = realPath(root);
		Optional<GitState> git = gitState(absoluteRoot);
		if (mode == ConfigMode.GIT && git.isEmpty()) {
			throw new PlatformException(
					"--config git needs the project to be a git checkout (" + absoluteRoot + " is not one)");
		}
		boolean useGit = git.isPresent() && (mode == ConfigMode.GIT || (mode == ConfigMode.AUTO && git.get().clean()));
		if (useGit) {
			GitState state = git.get();
			String description = "git commit " + state.shortCommit()
					+ ((state.branch() != null) ? " (" + state.branch() + ")" : " (detached)");
			if (!state.clean()) {
				description += ", ignoring uncommitted changes in " + FOLDER + "/";
			}
			String label = (state.branch() != null) ? state.branch() : state.commit();
			return new ConfigSource(ConfigMode.GIT, "local,git",
					Map.of(ConfigSource.GIT_URI, "file://" + absoluteRoot, ConfigSource.GIT_LABEL, label), description);
		}
		String reason;
		if (git.isEmpty()) {
			reason = "not a git checkout";
		}
		else if (!git.get().clean()) {
			reason = "uncommitted changes";
		}
		else {
			reason = "--config native";
		}
		return new ConfigSource(ConfigMode.NATIVE, "local,native",
				Map.of(ConfigSource.NATIVE_LOCATION, "file:" + absoluteRoot + "/" + FOLDER + "/"),
				"working tree of " + FOLDER + "/ (" + reason + ")");
	}

	private static Optional<GitState> gitState(Path root) {
		Optional<String> topLevel = git(root, "rev-parse", "--show-toplevel");
		if (topLevel.isEmpty() || !realPath(Path.of(topLevel.get())).equals(root)) {
			return Optional.empty();
		}
		Optional<String> commit = git(root, "rev-parse", "--verify", "-q", "HEAD");
		Optional<String> status = git(root, "status", "--porcelain", "--", FOLDER);
		if (commit.isEmpty() || status.isEmpty()) {
			return Optional.empty();
		}
		String branch = git(root, "symbolic-ref", "-q", "--short", "HEAD").filter((name) -> !name.isEmpty())
			.orElse(null);
		return Optional.of(new GitState(commit.get(), branch, status.get().isEmpty()));
	}

	private static Optional<String> git(Path root, String... arguments) {
		List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return Optional.empty();
			}
			return (process.exitValue() == 0) ? Optional.of(output) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private static Path realPath(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			return path.toAbsolutePath().normalize();
		}
	}

	private record GitState(String commit, @Nullable String branch, boolean clean) {

		String shortCommit() {
			return this.commit.substring(0, Math.min(7, this.commit.length()));
		}

	}

}
