/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.configserver.encryption;

import java.util.List;
import java.util.Map;

import org.springframework.cloud.config.environment.Environment;
import org.springframework.cloud.config.environment.PropertySource;
import org.springframework.cloud.config.server.encryption.CipherEnvironmentEncryptor;
import org.springframework.cloud.config.server.encryption.EnvironmentEncryptor;

/**
 * {@link EnvironmentEncryptor} that fails when a {@code {cipher}} value cannot be
 * decrypted, instead of serving it as {@code invalid.<key>: <n/a>}, which a client would
 * start with, the property simply missing.
 * <p>
 * Decryption itself (including the {@code {key:…}} prefixes) is left to Spring Cloud
 * Config's {@link CipherEnvironmentEncryptor}, which replaces a value it cannot decrypt
 * by a placeholder under another key: a {@code {cipher}} key missing from its result is a
 * failure.
 *
 * @author Trellis
 */
class StrictEnvironmentEncryptor implements EnvironmentEncryptor {

	private static final String CIPHER_PREFIX = "{cipher}";

	private final EnvironmentEncryptor delegate;

	private final boolean keyConfigured;

	StrictEnvironmentEncryptor(EnvironmentEncryptor delegate, boolean keyConfigured) {
		this.delegate = delegate;
		this.keyConfigured = keyConfigured;
	}

	@Override
	public Environment decrypt(Environment environment) {
		Environment decrypted = this.delegate.decrypt(environment);
		List<PropertySource> sources = environment.getPropertySources();
		List<PropertySource> decryptedSources = decrypted.getPropertySources();
		for (int i = 0; i < sources.size(); i++) {
			PropertySource source = sources.get(i);
			Map<?, ?> decryptedValues = (i < decryptedSources.size()) ? decryptedSources.get(i).getSource() : Map.of();
			for (Map.Entry<?, ?> entry : source.getSource().entrySet()) {
				if (isCipher(entry.getValue()) && !decryptedValues.containsKey(entry.getKey())) {
					throw new UndecryptableValueException(message(entry.getKey(), source.getName()));
				}
			}
		}
		return decrypted;
	}

	private boolean isCipher(Object value) {
		return value != null && value.toString().startsWith(CIPHER_PREFIX);
	}

	private String message(Object key, String source) {
		String reason = this.keyConfigured ? "the configured key (ENCRYPT_KEY) does not decrypt it"
				: "no encryption key is configured (ENCRYPT_KEY)";
		return "Cannot decrypt the {cipher} value of '" + key + "' in " + source + ": " + reason;
	}

}
