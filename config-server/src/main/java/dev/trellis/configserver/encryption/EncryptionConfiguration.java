/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.configserver.encryption;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.bootstrap.encrypt.KeyProperties;
import org.springframework.cloud.config.server.encryption.CipherEnvironmentEncryptor;
import org.springframework.cloud.config.server.encryption.EnvironmentEncryptor;
import org.springframework.cloud.config.server.encryption.TextEncryptorLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Server-side decryption of {@code {cipher}} values that fails instead of serving a
 * placeholder.
 * <p>
 * The key is Spring Cloud's: {@code encrypt.key} (and {@code encrypt.salt}) make the
 * {@code textEncryptor} that Spring Cloud Context registers; without a key that encryptor
 * refuses every value. What this replaces is Spring Cloud Config's answer to a value it
 * cannot decrypt, {@code invalid.<key>: <n/a>}, which a client would start with.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "spring.cloud.config.server.encrypt.enabled", matchIfMissing = true)
	EnvironmentEncryptor configServerEnvironmentEncryptor(TextEncryptorLocator locator, KeyProperties key) {
		CipherEnvironmentEncryptor decryptor = new CipherEnvironmentEncryptor(locator);
		// StrictEnvironmentEncryptor relies on a failed value being moved to another key
		decryptor.setPrefixInvalidProperties(true);
		return new StrictEnvironmentEncryptor(decryptor, StringUtils.hasText(key.getKey()));
	}

}
