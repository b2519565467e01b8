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

package dev.trellis.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The auth server of the gateway's tests: an RSA key whose public half an in-test HTTP
 * server publishes as a JWKS (and an OIDC discovery document), and tokens signed with it.
 *
 * @author Trellis
 */
final class TestTokens {

	static final String ISSUER = "http://localhost:9000";

	/**
	 * Audience of the platform's APIs, which the auth server adds to every access token
	 * (config-repo/application.yml).
	 */
	static final String AUDIENCE = "trellis-api";

	private final RSAKey key;

	private final HttpServer server;

	private TestTokens(RSAKey key, HttpServer server) {
		this.key = key;
		this.server = server;
		byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		server.createContext("/oauth2/jwks", (exchange) -> respond(exchange, jwks));
		byte[] discovery = ("{\"issuer\":\"" + ISSUER + "\"}").getBytes(StandardCharsets.UTF_8);
		server.createContext("/.well-known/openid-configuration", (exchange) -> respond(exchange, discovery));
		server.start();
	}

	private static void respond(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream response = exchange.getResponseBody()) {
			response.write(body);
		}
	}

	static TestTokens start() {
		try {
			return new TestTokens(newKey(),
					HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void register(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> uri() + "/oauth2/jwks");
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void stop() {
		this.server.stop(0);
	}

	RSAKey key() {
		return this.key;
	}

	/**
	 * A valid token of a fresh subject with the given scopes.
	 * @param scopes the scopes
	 * @return the serialized token
	 */
	String token(String... scopes) {
		return token((claims) -> claims.claim("scope", List.of(scopes)));
	}

	/**
	 * A token signed with this server's key: valid unless the customizer makes it not.
	 * @param customizer changes to the claims
	 * @return the serialized token
	 */
	String token(Consumer<JWTClaimsSet.Builder> customizer) {
		return sign(this.key, claims(customizer));
	}

	static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> customizer) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject("user-" + UUID.randomUUID())
			.audience(List.of("trellis-test", AUDIENCE))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.claim("scope", List.of("catalog.read"));
		customizer.accept(claims);
		return claims.build();
	}

	static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
