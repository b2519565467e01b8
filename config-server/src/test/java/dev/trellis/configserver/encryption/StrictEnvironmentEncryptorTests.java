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

package dev.trellis.configserver.encryption;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.config.environment.Environment;
import org.springframework.cloud.config.environment.PropertySource;
import org.springframework.cloud.config.server.encryption.CipherEnvironmentEncryptor;
import org.springframework.security.crypto.encrypt.TextEncryptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link StrictEnvironmentEncryptor}.
 *
 * @author Trellis
 */
class StrictEnvironmentEncryptorTests {

	@Test
	void decryptsCipherValues() {
		Environment decrypted = encryptor(new ReversingTextEncryptor(), true)
			.decrypt(environment(Map.of("demo.password", "{cipher}terces")));
		assertThat(source(decrypted)).containsEntry("demo.password", "secret");
	}

	@Test
	void servesPlainValuesUnchanged() {
		Environment decrypted = encryptor(new ReversingTextEncryptor(), true)
			.decrypt(environment(Map.of("demo.message", "hello")));
		assertThat(source(decrypted)).containsExactly(Map.entry("demo.message", "hello"));
	}

	@Test
	void undecryptableValueFailsNamingPropertyAndSource() {
		assertThatExceptionOfType(UndecryptableValueException.class)
			.isThrownBy(() -> encryptor(new RefusingTextEncryptor(), true)
				.decrypt(environment(Map.of("demo.password", "{cipher}garbage"))))
			.withMessageContaining("'demo.password'")
			.withMessageContaining("demo.yml")
			.withMessageContaining("does not decrypt it")
			.withMessageNotContaining("garbage");
	}

	@Test
	void cipherValueWithoutKeyFailsNamingTheMissingKey() {
		assertThatExceptionOfType(UndecryptableValueException.class)
			.isThrownBy(() -> encryptor(new RefusingTextEncryptor(), false)
				.decrypt(environment(Map.of("demo.password", "{cipher}abcdef"))))
			.withMessageContaining("no encryption key is configured (ENCRYPT_KEY)");
	}

	private static StrictEnvironmentEncryptor encryptor(TextEncryptor textEncryptor, boolean keyConfigured) {
		CipherEnvironmentEncryptor decryptor = new CipherEnvironmentEncryptor((keys) -> textEncryptor);
		decryptor.setPrefixInvalidProperties(true);
		return new StrictEnvironmentEncryptor(decryptor, keyConfigured);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> source(Environment environment) {
		return (Map<String, Object>) environment.getPropertySources().get(0).getSource();
	}

	private static Environment environment(Map<String, String> values) {
		Environment environment = new Environment("demo", "default");
		environment.add(new PropertySource("file:/config-repo/demo.yml", values));
		return environment;
	}

	static class ReversingTextEncryptor implements TextEncryptor {

		@Override
		public String encrypt(String text) {
			return new StringBuilder(text).reverse().toString();
		}

		@Override
		public String decrypt(String encryptedText) {
			return new StringBuilder(encryptedText).reverse().toString();
		}

	}

	static class RefusingTextEncryptor implements TextEncryptor {

		@Override
		public String encrypt(String text) {
			throw new UnsupportedOperationException("no key");
		}

		@Override
		public String decrypt(String encryptedText) {
			throw new IllegalArgumentException("not a cipher");
		}

	}

}
