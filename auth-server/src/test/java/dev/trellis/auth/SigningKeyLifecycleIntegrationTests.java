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
package dev.trellis.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.trellis.auth.keys.KeyRotation;
import dev.trellis.auth.keys.SigningKey;
import dev.trellis.auth.keys.SigningKeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Integration tests for the signing keys across restarts of the authorization server:
 * each test starts and stops the whole application on a keystore of its own, as the
 * launcher would.
 *
 * @author Trellis
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningKeyLifecycleIntegrationTests {

	@TempDir
	Path directory;

	private Path keystore() {
		return this.directory.resolve("auth-server").resolve("signing-keys.p12");
	}

	@Test
	void restartOnTheSameKeystoreKeepsIssuedTokensValid() throws Exception {
		String token;
		try (ConfigurableApplicationContext first = start()) {
			token = AuthServerTestSupport.cliToken(port(first), "catalog.read");
		}
		try (ConfigurableApplicationContext second = start()) {
			assertThat(AuthServerTestSupport.verify(port(second), token).getClaimAsStringList("scope"))
				.containsExactly("catalog.read");
			assertThat(keyId(AuthServerTestSupport.cliToken(port(second), "catalog.read"))).isEqualTo(keyId(token));
		}
	}

	@Test
	void afterRotationNewTokensCarryTheNewKeyAndOldTokensStillVerify() throws Exception {
		String oldToken;
		try (ConfigurableApplicationContext beforeRotation = start()) {
			oldToken = AuthServerTestSupport.cliToken(port(beforeRotation), "catalog.read");
		}
		SigningKey rotated = KeyRotation.rotate(AuthServerTestSupport.arguments(keystore(), "--" + KeyRotation.OPTION));
		try (ConfigurableApplicationContext afterRotation = start()) {
			int port = port(afterRotation);
			JWKSet jwks = JWKSet.parse(new String(AuthServerTestSupport.client(port)
				.get()
				.uri("/oauth2/jwks")
				.exchange()
				.returnResult()
				.getResponseBodyContent(), StandardCharsets.UTF_8));
			assertThat(jwks.getKeys()).extracting(JWK::getKeyID).containsExactly(rotated.id(), keyId(oldToken));
			String newToken = AuthServerTestSupport.cliToken(port, "catalog.read");
			assertThat(keyId(newToken)).isEqualTo(rotated.id());
			assertThat(AuthServerTestSupport.verify(port, newToken).getSubject()).isEqualTo("trellis-cli");
			assertThat(AuthServerTestSupport.verify(port, oldToken).getSubject()).isEqualTo("trellis-cli");
		}
	}

	@Test
	void rotationIsRequestedByTheCommandLineOption() {
		assertThat(KeyRotation.isRequested("--trellis.auth.keys.rotate")).isTrue();
		assertThat(KeyRotation.isRequested("--trellis.auth.keys.rotate=true")).isTrue();
		assertThat(KeyRotation.isRequested("--trellis.auth.keys.rotate=false")).isFalse();
		assertThat(KeyRotation.isRequested("--server.port=9000")).isFalse();
	}

	@Test
	void keystoreWithWrongPasswordFailsStartupWithClearMessage(CapturedOutput output) {
		new SigningKeyStore(keystore(), "another-password".toCharArray()).loadOrCreate();
		assertThatException().isThrownBy(this::start);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Cannot open the signing keystore " + keystore()
					+ ": wrong password (trellis.auth.keys.password, AUTH_KEYSTORE_PASSWORD)")
			.contains("Give the auth server the keystore's password in AUTH_KEYSTORE_PASSWORD");
	}

	private ConfigurableApplicationContext start() {
		return SpringApplication.run(AuthServerApplication.class, AuthServerTestSupport.arguments(keystore()));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String keyId(String token) throws Exception {
		return SignedJWT.parse(token).getHeader().getKeyID();
	}

}
