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
package dev.trellis.e2e;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.trellis.launcher.Credentials;
import dev.trellis.launcher.Platform;

/**
 * Forges access tokens for the tests that check the platform refuses them: with the
 * authorization server's real signing key (read from its keystore, whose password the
 * config server serves decrypted) so that only the one thing under test is wrong, or with
 * a key of the test's own.
 *
 * @author Trellis
 */
final class Tokens {

	static final String ISSUER = "http://localhost:9000";

	/**
	 * The audience of the platform's APIs, in every access token the auth server issues.
	 */
	static final String AUDIENCE = "trellis-api";

	private final String keyId;

	private final PrivateKey signingKey;

	private Tokens(String keyId, PrivateKey signingKey) {
		this.keyId = keyId;
		this.signingKey = signingKey;
	}

	/**
	 * Loads the key that signed the given real token.
	 * @param platform the running platform
	 * @param http a client of it
	 * @param realToken a token issued by the authorization server
	 * @return forged tokens signed like the real one
	 */
	static Tokens signedLike(Platform platform, PlatformHttp http, String realToken) throws Exception {
		String keyId = JsonPath.read(part(realToken, 0), "$.kid");
		Credentials credentials = platform.credentials();
		HttpResponse<String> config = http.get(platform.url("config-server").resolve("/auth-server/local"),
				credentials.configServerUser(), credentials.configServerPassword());
		List<String> passwords = JsonPath.read(config.body(),
				"$.propertySources[?(@.name =~ /.*auth-server-local.yml/)].source['trellis.auth.keys.password']");
		char[] password = passwords.get(0).toCharArray();
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		Path file = platform.root().resolve(".trellis/data/auth-server/signing-keys.p12");
		try (InputStream in = Files.newInputStream(file)) {
			keyStore.load(in, password);
		}
		return new Tokens(keyId, (PrivateKey) keyStore.getKey(keyId, password));
	}

	/**
	 * Forged tokens signed by a key the platform has never seen, under a real key id.
	 * @param keyId the key id to claim
	 * @return the forger
	 */
	static Tokens signedByAnotherKey(String keyId) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		return new Tokens(keyId, pair.getPrivate());
	}

	/**
	 * A token that is right in every way but the given claims.
	 * @param claims the claims, see {@link #claims(String, Instant, Instant, String...)}
	 * @return the serialized token
	 */
	String sign(JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.keyId).type(JOSEObjectType.JWT).build(), claims);
		jwt.sign(new RSASSASigner(this.signingKey));
		return jwt.serialize();
	}

	/**
	 * An unsigned token ({@code alg: none}) with the given claims.
	 * @param claims the claims
	 * @return the serialized token
	 */
	static String unsigned(JWTClaimsSet claims) {
		return new PlainJWT(claims).serialize();
	}

	/**
	 * Claims of a command-line client token.
	 * @param issuer the issuer
	 * @param notBefore start of validity
	 * @param expires end of validity
	 * @param scopes the scopes
	 * @return the claims
	 */
	static JWTClaimsSet claims(String issuer, Instant notBefore, Instant expires, String... scopes) {
		return new JWTClaimsSet.Builder().issuer(issuer)
			.subject("trellis-cli")
			.audience(List.of("trellis-cli", AUDIENCE))
			.issueTime(Date.from(notBefore))
			.notBeforeTime(Date.from(notBefore))
			.expirationTime(Date.from(expires))
			.claim("scope", List.of(scopes))
			.build();
	}

	/**
	 * Claims valid now for five minutes.
	 * @param scopes the scopes
	 * @return the claims
	 */
	static JWTClaimsSet validClaims(String... scopes) {
		Instant now = Instant.now();
		return claims(ISSUER, now.minusSeconds(5), now.plus(Duration.ofMinutes(5)), scopes);
	}

	/**
	 * The same claims with another audience.
	 * @param claims the claims
	 * @param audience the audience
	 * @return the claims
	 */
	static JWTClaimsSet withAudience(JWTClaimsSet claims, String... audience) {
		return new JWTClaimsSet.Builder(claims).audience(List.of(audience)).build();
	}

	static String part(String jwt, int index) {
		return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
	}

}
