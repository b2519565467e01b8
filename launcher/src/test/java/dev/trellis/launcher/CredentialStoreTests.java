/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link CredentialStore}.
 *
 * @author Trellis authors
 */
class CredentialStoreTests {

	@TempDir
	Path directory;

	@Test
	void credentialsAreGeneratedOnceAndKeptPrivate() throws Exception {
		Path file = this.directory.resolve(".trellis/credentials.properties");
		Credentials first = CredentialStore.loadOrCreate(file);
		assertThat(first.configServerUser()).isEqualTo("trellis");
		assertThat(first.eurekaUser()).isEqualTo("trellis");
		assertThat(first.configServerPassword()).matches("[A-Za-z0-9_-]{32}");
		assertThat(first.eurekaPassword()).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(first.configServerPassword());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(CredentialStore.loadOrCreate(file)).isEqualTo(first);
	}

	@Test
	void missingEntriesAreFilledAndExistingOnesKept() throws Exception {
		Path file = this.directory.resolve("credentials.properties");
		Files.writeString(file, "CONFIG_SERVER_PASSWORD=chosen\n");
		Credentials credentials = CredentialStore.loadOrCreate(file);
		assertThat(credentials.configServerPassword()).isEqualTo("chosen");
		assertThat(credentials.eurekaPassword()).isNotBlank();
		assertThat(Files.readString(file)).contains("EUREKA_PASSWORD=" + credentials.eurekaPassword());
	}

	@Test
	void environmentUsesTheVariableNamesOfTheApplications() {
		Credentials credentials = new Credentials("u1", "p1", "u2", "p2");
		assertThat(credentials.environment()).containsExactly(entry("CONFIG_SERVER_USER", "u1"),
				entry("CONFIG_SERVER_PASSWORD", "p1"), entry("EUREKA_USER", "u2"), entry("EUREKA_PASSWORD", "p2"));
		assertThat(credentials.toString()).doesNotContain("p1").doesNotContain("p2");
	}

}
