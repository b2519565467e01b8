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

import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signing keys from the persistent keystore: the JWK set the authorization server
 * publishes at {@code /oauth2/jwks} (and verifies with), and the encoder that signs every
 * token with the newest key.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningKeyProperties.class)
class SigningKeyConfiguration {

	private static final Log logger = LogFactory.getLog(SigningKeyConfiguration.class);

	@Bean
	ActiveSigningKeys activeSigningKeys(SigningKeyProperties properties) {
		SigningKeyStore store = properties.createStore();
		ActiveSigningKeys keys = ActiveSigningKeys.of(store.loadOrCreate(), properties.getPublished());
		logger.info("Signing tokens with key " + keys.signing().id() + ", publishing "
				+ keys.published().stream().map(SigningKey::id).toList() + " from " + store.getPath());
		return keys;
	}

	/**
	 * The published keys, public halves only: Spring Authorization Server serves them as
	 * the JWK set and Boot's {@code JwtDecoder} verifies with them.
	 */
	@Bean
	JWKSource<SecurityContext> jwkSource(ActiveSigningKeys keys) {
		List<JWK> jwks = keys.published().stream().<JWK>map(SigningKey::toPublicJwk).toList();
		return new ImmutableJWKSet<>(new JWKSet(jwks));
	}

	/**
	 * Signs with the newest key only. Over the whole JWK set Nimbus would find several
	 * RS256 keys and refuse to choose.
	 */
	@Bean
	JwtEncoder jwtEncoder(ActiveSigningKeys keys) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signing().toSigningJwk())));
	}

}
