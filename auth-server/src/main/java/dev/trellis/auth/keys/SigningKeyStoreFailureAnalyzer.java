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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a startup that failed on the signing keystore in one paragraph (which file,
 * why, what to do) instead of a chain of bean creation exceptions.
 *
 * @author Trellis
 */
class SigningKeyStoreFailureAnalyzer extends AbstractFailureAnalyzer<SigningKeyStoreException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SigningKeyStoreException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Give the auth server the keystore's password in AUTH_KEYSTORE_PASSWORD (trellis.auth.keys.password) "
						+ "and its path in AUTH_KEYSTORE_PATH (trellis.auth.keys.keystore). Deleting the keystore "
						+ "makes the server create new keys at its next start: every token issued before then "
						+ "stops verifying.",
				cause);
	}

}
