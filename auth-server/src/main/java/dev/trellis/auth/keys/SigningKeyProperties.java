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

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the authorization server's signing keys.
 *
 * @author Trellis
 */
@ConfigurationProperties("trellis.auth.keys")
public class SigningKeyProperties {

	/**
	 * PKCS12 keystore holding the signing keys. Created with one key on first start if it
	 * does not exist.
	 */
	private @Nullable Path keystore;

	/**
	 * Password of the keystore and of every key in it.
	 */
	private @Nullable String password;

	/**
	 * How many keys, newest first, the JWK set publishes. The newest signs; the others
	 * keep tokens signed before a rotation valid until they expire.
	 */
	private int published = 2;

	/**
	 * How many keys, newest first, a rotation keeps in the keystore.
	 */
	private int retained = 5;

	public @Nullable Path getKeystore() {
		return this.keystore;
	}

	public void setKeystore(@Nullable Path keystore) {
		this.keystore = keystore;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public int getPublished() {
		return this.published;
	}

	public void setPublished(int published) {
		this.published = published;
	}

	public int getRetained() {
		return this.retained;
	}

	public void setRetained(int retained) {
		this.retained = retained;
	}

	/**
	 * Returns the key store these properties describe.
	 * @return the key store
	 * @throws SigningKeyStoreException if the keystore path or password is not set, or
	 * the counts are inconsistent
	 */
	SigningKeyStore createStore() {
		if (this.keystore == null) {
			throw new SigningKeyStoreException(
					"No signing keystore: set trellis.auth.keys.keystore (AUTH_KEYSTORE_PATH) to a file that survives restarts");
		}
		if (this.published < 1 || this.retained < this.published) {
			throw new SigningKeyStoreException("trellis.auth.keys.published (" + this.published
					+ ") must be at least 1 and at most trellis.auth.keys.retained (" + this.retained + ")");
		}
		return new SigningKeyStore(this.keystore, (this.password != null) ? this.password.toCharArray() : new char[0]);
	}

}
