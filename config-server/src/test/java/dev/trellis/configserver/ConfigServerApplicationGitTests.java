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

package dev.trellis.configserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfigServerApplication}.
 * <p>
 * The {@code git} profile, serving config-repo/ from a commit of a git repository created
 * by the test.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "CONFIG_SERVER_USER=trellis",
				"CONFIG_SERVER_PASSWORD=" + ConfigServerApplicationGitTests.PASSWORD, "eureka.client.enabled=false" })
@ActiveProfiles("git")
@AutoConfigureRestTestClient
class ConfigServerApplicationGitTests {

	static final String PASSWORD = "config-secret";

	@TempDir
	static Path temp;

	private static RevCommit commit;

	@Autowired
	private RestTestClient client;

	@BeforeAll
	static void createRepository() throws IOException, GitAPIException {
		Path repository = temp.resolve("repository");
		Path demo = repository.resolve("config-repo/demo.yml");
		Files.createDirectories(demo.getParent());
		Files.writeString(demo, "demo:\n  message: served from git\n");
		try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
			git.add().addFilepattern("config-repo/demo.yml").call();
			PersonIdent author = new PersonIdent("Trellis", "trellis@example.com");
			commit = git.commit()
				.setMessage("Demo configuration")
				.setAuthor(author)
				.setCommitter(author)
				.setSign(false)
				.call();
		}
	}

	@DynamicPropertySource
	static void gitRepository(DynamicPropertyRegistry registry) {
		registry.add("TRELLIS_CONFIG_GIT_URI", () -> temp.resolve("repository").toUri().toString());
		// Not the default clone directory, which a running platform may be using.
		registry.add("TRELLIS_CONFIG_GIT_BASEDIR", () -> temp.resolve("clone").toString());
	}

	@Test
	void configurationRequiresCredentials() {
		this.client.get().uri("/demo/default").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void configurationIsServedFromTheCommit() {
		this.client.get()
			.uri("/demo/default")
			.headers((headers) -> headers.setBasicAuth("trellis", PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(commit.getName())
			.jsonPath("$.propertySources[0].name")
			.value((name) -> assertThat((String) name).endsWith("config-repo/demo.yml"))
			.jsonPath("$.propertySources[0].source['demo.message']")
			.isEqualTo("served from git");
	}

}
