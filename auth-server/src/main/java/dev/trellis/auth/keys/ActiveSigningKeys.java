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

/**
 * The signing keys in use since startup: the newest one, which signs every token, and the
 * ones the JWK set publishes.
 *
 * @param signing the key that signs new tokens
 * @param published the keys in the JWK set, newest first; the signing key comes first
 * @author Trellis
 */
public record ActiveSigningKeys(SigningKey signing, List<SigningKey> published) {

	/**
	 * Selects the active keys from a keystore's keys.
	 * @param keys the keys, newest first, at least one
	 * @param published how many keys to publish
	 * @return the active keys
	 */
	static ActiveSigningKeys of(List<SigningKey> keys, int published) {
		return new ActiveSigningKeys(keys.get(0), List.copyOf(keys.subList(0, Math.min(published, keys.size()))));
	}

}
