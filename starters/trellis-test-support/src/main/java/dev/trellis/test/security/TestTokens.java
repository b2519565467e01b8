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

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Signed JWTs shaped like the platform auth server's (RS256, {@code iss}
 * {@value #ISSUER}, {@code aud} the client id and {@value #AUDIENCE}, {@code scope} a
 * JSON array), signed with a key pair made for the test JVM, and the {@link JwtDecoder}
 * that trusts them.
 * <p>
 * Use it with {@link AutoConfigureTestTokens @AutoConfigureTestTokens}:
 * <pre class="code">
 * client.get().uri("/products").header("Authorization", "Bearer " + TestTokens.withScopes("catalog.read"))
 * </pre>
 *
 * @author Trellis
 */
public final class TestTokens {

	/**
	 * Issuer of the tokens: the auth server's default issuer.
	 */
	public static final String ISSUER = "http://localhost:9000";

	/**
	 * Audience of the platform's APIs, which the auth server adds to every access token
	 * and every service requires
	 * ({@code spring.security.oauth2.resourceserver.jwt.audiences} in
	 * config-repo/application.yml).
	 */
	public static final String AUDIENCE = "trellis-api";

	/**
	 * Client the tokens are issued to, unless a test names another.
	 */
	public static final String CLIENT_ID = "test-client";

	private static final KeyPair KEY_PAIR = generateKeyPair();

	private static final KeyPair OTHER_KEY_PAIR = generateKeyPair();

	private TestTokens() {
	}

	/**
	 * A token for {@value #CLIENT_ID}, valid for five minutes, granting the given scopes.
	 * @param scopes the scopes, such as {@code catalog.read}; none for a token that
	 * grants nothing
	 * @return the encoded token, to send as {@code Authorization: Bearer <token>}
	 */
	public static String withScopes(String... scopes) {
		return sign(claims(CLIENT_ID, ISSUER, Instant.now(), Duration.ofMinutes(5), scopes), KEY_PAIR);
	}

	/**
	 * A token for the given client, valid for five minutes, granting the given scopes.
	 * @param clientId the client, in {@code sub} and, with {@value #AUDIENCE}, in
	 * {@code aud}
	 * @param scopes the scopes
	 * @return the encoded token
	 */
	public static String forClient(String clientId, String... scopes) {
		return sign(claims(clientId, ISSUER, Instant.now(), Duration.ofMinutes(5), scopes), KEY_PAIR);
	}

	/**
	 * A token that names only the given audience, not {@value #AUDIENCE}: issued for
	 * another API.
	 * @param audience the audience
	 * @param scopes the scopes
	 * @return the encoded token
	 */
	public static String forAudience(String audience, String... scopes) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder(
				claims(CLIENT_ID, ISSUER, Instant.now(), Duration.ofMinutes(5), scopes))
			.audience(audience)
			.build();
		return sign(claims, KEY_PAIR);
	}

	/**
	 * A token that expired a minute ago.
	 * @param scopes the scopes
	 * @return the encoded token
	 */
	public static String expired(String... scopes) {
		Instant issued = Instant.now().minus(Duration.ofMinutes(6));
		return sign(claims(CLIENT_ID, ISSUER, issued, Duration.ofMinutes(5), scopes), KEY_PAIR);
	}

	/**
	 * A token from another issuer, signed with the trusted key.
	 * @param issuer the issuer
	 * @param scopes the scopes
	 * @return the encoded token
	 */
	public static String fromIssuer(String issuer, String... scopes) {
		return sign(claims(CLIENT_ID, issuer, Instant.now(), Duration.ofMinutes(5), scopes), KEY_PAIR);
	}

	/**
	 * A token signed with a key the decoder does not trust.
	 * @param scopes the scopes
	 * @return the encoded token
	 */
	public static String signedWithUnknownKey(String... scopes) {
		return sign(claims(CLIENT_ID, ISSUER, Instant.now(), Duration.ofMinutes(5), scopes), OTHER_KEY_PAIR);
	}

	/**
	 * A decoder that accepts the tokens of this class: their signature, their lifetime,
	 * their issuer and their audience, as a service checks the auth server's.
	 * @return a new decoder
	 */
	public static JwtDecoder jwtDecoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEY_PAIR.getPublic()).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(ISSUER),
				new JwtAudienceValidator(AUDIENCE)));
		return decoder;
	}

	private static JWTClaimsSet claims(String clientId, String issuer, Instant issuedAt, Duration lifetime,
			String... scopes) {
		return new JWTClaimsSet.Builder().issuer(issuer)
			.subject(clientId)
			.audience(List.of(clientId, AUDIENCE))
			.issueTime(Date.from(issuedAt))
			.notBeforeTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plus(lifetime)))
			.jwtID(UUID.randomUUID().toString())
			.claim("scope", List.of(scopes))
			.build();
	}

	private static String sign(JWTClaimsSet claims, KeyPair keyPair) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) keyPair.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign test token", ex);
		}
		return jwt.serialize();
	}

	private static KeyPair generateKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
