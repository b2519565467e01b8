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
package dev.trellis.test.security;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TestTokens}.
 *
 * @author Trellis
 */
class TestTokensTests {

	private final JwtDecoder decoder = TestTokens.jwtDecoder();

	@Test
	void tokenCarriesScopesAsJsonArray() {
		Jwt jwt = this.decoder.decode(TestTokens.withScopes("catalog.read", "orders.read"));
		assertThat(jwt.getClaimAsStringList("scope")).containsExactly("catalog.read", "orders.read");
	}

	@Test
	void tokenIsShapedLikeTheAuthServers() {
		Jwt jwt = this.decoder.decode(TestTokens.forClient("order-service", "catalog.read"));
		assertThat(jwt.getIssuer()).hasToString(TestTokens.ISSUER);
		assertThat(jwt.getAudience()).containsExactly("order-service", TestTokens.AUDIENCE);
		assertThat(jwt.getSubject()).isEqualTo("order-service");
		assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
	}

	@Test
	void expiredTokenIsRejected() {
		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> this.decoder.decode(TestTokens.expired("catalog.read")));
	}

	@Test
	void tokenFromAnotherIssuerIsRejected() {
		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> this.decoder.decode(TestTokens.fromIssuer("http://evil:9000", "catalog.read")));
	}

	@Test
	void tokenForAnotherAudienceIsRejected() {
		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> this.decoder.decode(TestTokens.forAudience("another-api", "catalog.read")));
	}

	@Test
	void tokenSignedWithUnknownKeyIsRejected() {
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> this.decoder.decode(TestTokens.signedWithUnknownKey("catalog.read")));
	}

}
