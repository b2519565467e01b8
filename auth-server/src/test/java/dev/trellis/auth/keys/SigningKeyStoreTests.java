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
package dev.trellis.auth.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SigningKeyStore}.
 *
 * @author Trellis
 */
class SigningKeyStoreTests {

	private static final char[] PASSWORD = "test-password".toCharArray();

	private static final Instant T0 = Instant.parse("2026-06-11T10:15:30.123Z");

	@TempDir
	Path directory;

	private Path keystore() {
		return this.directory.resolve("keys").resolve("signing-keys.p12");
	}

	private SigningKeyStore store(Instant now) {
		return new SigningKeyStore(keystore(), PASSWORD, Clock.fixed(now, ZoneOffset.UTC));
	}

	@Nested
	class Generation {

		@Test
		void loadOrCreateCreatesKeystoreWithOneRsa2048Key() {
			List<SigningKey> keys = store(T0).loadOrCreate();
			assertThat(keystore()).isRegularFile();
			assertThat(keys).singleElement().satisfies((key) -> {
				assertThat(key.keyPair().getPublic().getAlgorithm()).isEqualTo("RSA");
				assertThat(key.toSigningJwk().size()).isEqualTo(2048);
			});
		}

		@Test
		void keyIdStartsWithCreationTime() {
			SigningKey key = store(T0).loadOrCreate().get(0);
			assertThat(key.id()).matches("20260611-101530-123-[0-9a-f]{8}");
			assertThat(key.createdAt()).isEqualTo(T0);
		}

		@Test
		void loadOrCreateReturnsTheSameKeyOnTheNextLoad() {
			SigningKey created = store(T0).loadOrCreate().get(0);
			SigningKey loaded = store(T0.plusSeconds(60)).loadOrCreate().get(0);
			assertThat(loaded.id()).isEqualTo(created.id());
			assertThat(loaded.keyPair().getPrivate().getEncoded())
				.isEqualTo(created.keyPair().getPrivate().getEncoded());
			assertThat(loaded.keyPair().getPublic()).isEqualTo(created.keyPair().getPublic());
		}

		@Test
		void keystoreIsReadableByOwnerOnly() throws Exception {
			store(T0).loadOrCreate();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore()))).isEqualTo("rw-------");
		}

		@Test
		void emptyPasswordIsRejected() {
			assertThatExceptionOfType(SigningKeyStoreException.class)
				.isThrownBy(() -> new SigningKeyStore(keystore(), new char[0]))
				.withMessageContaining("AUTH_KEYSTORE_PASSWORD");
		}

		@Test
		void wrongPasswordFailsWithClearMessage() {
			store(T0).loadOrCreate();
			SigningKeyStore wrong = new SigningKeyStore(keystore(), "other".toCharArray());
			assertThatExceptionOfType(SigningKeyStoreException.class).isThrownBy(wrong::loadOrCreate)
				.withMessage("Cannot open the signing keystore " + keystore()
						+ ": wrong password (trellis.auth.keys.password, AUTH_KEYSTORE_PASSWORD)");
		}

		@Test
		void loadOfMissingKeystoreFails() {
			assertThatExceptionOfType(SigningKeyStoreException.class).isThrownBy(() -> store(T0).load())
				.withMessageContaining("does not exist");
		}

	}

	@Nested
	class Rotation {

		@Test
		void rotateAddsNewestKeyAndKeepsTheOldOne() {
			SigningKey first = store(T0).loadOrCreate().get(0);
			SigningKey second = store(T0.plusSeconds(60)).rotate(5);
			assertThat(store(T0).load()).extracting(SigningKey::id).containsExactly(second.id(), first.id());
		}

		@Test
		void keysAreOrderedNewestFirst() {
			store(T0).loadOrCreate();
			store(T0.plusSeconds(1)).rotate(5);
			store(T0.plusSeconds(2)).rotate(5);
			assertThat(store(T0).load()).extracting(SigningKey::createdAt)
				.containsExactly(T0.plusSeconds(2), T0.plusSeconds(1), T0);
		}

		@Test
		void rotationWithClockNotMovingStillMakesTheNewKeyNewest() {
			SigningKey first = store(T0).loadOrCreate().get(0);
			SigningKey second = store(T0.minusSeconds(5)).rotate(5);
			assertThat(second.createdAt()).isAfter(first.createdAt());
			assertThat(store(T0).load().get(0).id()).isEqualTo(second.id());
		}

		@Test
		void rotationKeepsTheRetainedNumberOfNewestKeys() {
			store(T0).loadOrCreate();
			SigningKey second = store(T0.plusSeconds(1)).rotate(2);
			SigningKey third = store(T0.plusSeconds(2)).rotate(2);
			assertThat(store(T0).load()).extracting(SigningKey::id).containsExactly(third.id(), second.id());
		}

		@Test
		void rotationOfMissingKeystoreCreatesIt() {
			SigningKey key = store(T0).rotate(5);
			assertThat(store(T0).load()).extracting(SigningKey::id).containsExactly(key.id());
		}

		@Test
		void retainingNoKeyIsRejected() {
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> store(T0).rotate(0));
		}

	}

	@Nested
	class Publication {

		@Test
		void activeKeysSignWithTheNewestAndPublishTheConfiguredCount() {
			store(T0).loadOrCreate();
			SigningKey second = store(T0.plusSeconds(1)).rotate(5);
			SigningKey third = store(T0.plusSeconds(2)).rotate(5);
			ActiveSigningKeys active = ActiveSigningKeys.of(store(T0).load(), 2);
			assertThat(active.signing().id()).isEqualTo(third.id());
			assertThat(active.published()).extracting(SigningKey::id).containsExactly(third.id(), second.id());
		}

		@Test
		void activeKeysPublishWhatThereIsWhenFewerThanTheCount() {
			SigningKey only = store(T0).loadOrCreate().get(0);
			assertThat(ActiveSigningKeys.of(store(T0).load(), 2).published()).extracting(SigningKey::id)
				.containsExactly(only.id());
		}

		@Test
		void publicJwkHasNoPrivatePart() {
			SigningKey key = store(T0).loadOrCreate().get(0);
			assertThat(key.toPublicJwk().isPrivate()).isFalse();
			assertThat(key.toPublicJwk().getKeyID()).isEqualTo(key.id());
			assertThat(key.toSigningJwk().isPrivate()).isTrue();
		}

	}

}
