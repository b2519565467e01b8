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

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * One RSA signing key of the authorization server: its key id (also its alias in the
 * keystore), when it was created, and the key pair.
 *
 * @param id the key id, published as {@code kid} and carried in the header of every token
 * the key signs
 * @param createdAt when the key was created
 * @param keyPair the RSA key pair
 * @author Trellis
 */
public record SigningKey(String id, Instant createdAt, KeyPair keyPair) {

	/**
	 * Returns the public half as a JWK, as it is published in the JWK set.
	 * @return the public JWK
	 */
	public RSAKey toPublicJwk() {
		return builder().build();
	}

	/**
	 * Returns the key pair as a JWK that can sign.
	 * @return the JWK with the private key
	 */
	public RSAKey toSigningJwk() {
		return builder().privateKey((RSAPrivateKey) this.keyPair.getPrivate()).build();
	}

	private RSAKey.Builder builder() {
		return new RSAKey.Builder((RSAPublicKey) this.keyPair.getPublic()).keyID(this.id)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.issueTime(Date.from(this.createdAt));
	}

	@Override
	public String toString() {
		return "SigningKey[id=" + this.id + ", createdAt=" + this.createdAt + "]";
	}

}
