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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link ConfigRepository}.
 *
 * @author Trellis authors
 */
class ConfigRepositoryTests {

	@TempDir
	Path root;

	@BeforeEach
	void createConfigRepo() throws Exception {
		Files.createDirectories(this.root.resolve("config-repo"));
		Files.writeString(this.root.resolve("config-repo/application.yml"), "trellis: {}\n");
	}

	@Test
	void workingTreeOutsideGit() throws Exception {
		ConfigSource source = ConfigRepository.resolve(this.root, ConfigMode.AUTO);
		assertThat(source.mode()).isEqualTo(ConfigMode.NATIVE);
		assertThat(source.profiles()).isEqualTo("local,native");
		assertThat(source.environment()).containsExactly(
				entry("TRELLIS_CONFIG_NATIVE_LOCATION", "file:" + this.root.toRealPath() + "/config-repo/"));
		assertThat(source.description()).isEqualTo("working tree of config-repo/ (not a git checkout)");
		assertThatExceptionOfType(PlatformException.class)
			.isThrownBy(() -> ConfigRepository.resolve(this.root, ConfigMode.GIT))
			.withMessageContaining("is not one");
	}

	@Test
	void gitCommitOfTheCurrentBranchWhenConfigRepoIsClean() throws Exception {
		commitAll("main");
		ConfigSource source = ConfigRepository.resolve(this.root, ConfigMode.AUTO);
		assertThat(source.mode()).isEqualTo(ConfigMode.GIT);
		assertThat(source.profiles()).isEqualTo("local,git");
		assertThat(source.environment()).containsEntry("TRELLIS_CONFIG_GIT_URI", "file://" + this.root.toRealPath())
			.containsEntry("TRELLIS_CONFIG_GIT_LABEL", "main");
		assertThat(source.description()).matches("git commit [0-9a-f]{7} \\(main\\)");
		assertThat(ConfigRepository.resolve(this.root, ConfigMode.NATIVE).mode()).isEqualTo(ConfigMode.NATIVE);
	}

	@Test
	void workingTreeWhenConfigRepoHasUncommittedChanges() throws Exception {
		commitAll("main");
		Files.writeString(this.root.resolve("config-repo/gateway.yml"), "server: {}\n");
		ConfigSource source = ConfigRepository.resolve(this.root, ConfigMode.AUTO);
		assertThat(source.mode()).isEqualTo(ConfigMode.NATIVE);
		assertThat(source.description()).isEqualTo("working tree of config-repo/ (uncommitted changes)");
		ConfigSource forced = ConfigRepository.resolve(this.root, ConfigMode.GIT);
		assertThat(forced.mode()).isEqualTo(ConfigMode.GIT);
		assertThat(forced.description()).endsWith(", ignoring uncommitted changes in config-repo/");
	}

	@Test
	void changesOutsideConfigRepoDoNotMatter() throws Exception {
		commitAll("main");
		Files.writeString(this.root.resolve("README.md"), "changed\n");
		assertThat(ConfigRepository.resolve(this.root, ConfigMode.AUTO).mode()).isEqualTo(ConfigMode.GIT);
	}

	@Test
	void commitIdIsTheLabelOnADetachedHead() throws Exception {
		commitAll("main");
		String commit = git("rev-parse", "HEAD");
		git("checkout", "-q", "--detach");
		ConfigSource source = ConfigRepository.resolve(this.root, ConfigMode.AUTO);
		assertThat(source.environment()).containsEntry("TRELLIS_CONFIG_GIT_LABEL", commit);
		assertThat(source.description()).isEqualTo("git commit " + commit.substring(0, 7) + " (detached)");
	}

	private void commitAll(String branch) throws Exception {
		git("init", "-q", "-b", branch);
		git("add", ".");
		git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "config");
	}

	private String git(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("git", "-C", this.root.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes()).trim();
		assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
		return output;
	}

}
