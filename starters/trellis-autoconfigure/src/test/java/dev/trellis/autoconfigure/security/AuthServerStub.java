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
package dev.trellis.autoconfigure.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The parts of the platform's auth server that services talk to, for tests: the JWK set,
 * a client credentials token endpoint that counts its requests, and a protected resource
 * that echoes the bearer token it received.
 *
 * @author Trellis
 */
final class AuthServerStub implements AutoCloseable {

	static final String ISSUER = "http://localhost:9000";

	private static final KeyPair KEY_PAIR = generateKeyPair();

	private static final KeyPair OTHER_KEY_PAIR = generateKeyPair();

	private final HttpServer server;

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private volatile long tokenLifetimeSeconds = 300;

	AuthServerStub() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.server.createContext("/oauth2/jwks", (exchange) -> respond(exchange, "application/json",
				new JWKSet(new RSAKey.Builder((RSAPublicKey) KEY_PAIR.getPublic()).keyID("test").build()).toString()));
		this.server.createContext("/oauth2/token", (exchange) -> {
			int number = this.tokenRequests.incrementAndGet();
			respond(exchange, "application/json", "{\"access_token\":\"token-" + number
					+ "\",\"token_type\":\"Bearer\",\"expires_in\":" + this.tokenLifetimeSeconds + "}");
		});
		this.server.createContext("/echo", (exchange) -> respond(exchange, "text/plain",
				String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
		this.server.start();
	}

	String url() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	int tokenRequests() {
		return this.tokenRequests.get();
	}

	void tokenLifetime(Duration lifetime) {
		this.tokenLifetimeSeconds = lifetime.toSeconds();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	static String token(String... scopes) {
		return sign(ISSUER, Instant.now(), KEY_PAIR, scopes);
	}

	static String tokenFromIssuer(String issuer, String... scopes) {
		return sign(issuer, Instant.now(), KEY_PAIR, scopes);
	}

	static String expiredToken(String... scopes) {
		return sign(ISSUER, Instant.now().minus(Duration.ofMinutes(10)), KEY_PAIR, scopes);
	}

	static String tokenSignedWithUnknownKey(String... scopes) {
		return sign(ISSUER, Instant.now(), OTHER_KEY_PAIR, scopes);
	}

	private static String sign(String issuer, Instant issuedAt, KeyPair keyPair, String... scopes) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("test-client")
			.audience("test-client")
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(5))))
			.claim("scope", List.of(scopes))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) keyPair.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static void respond(HttpExchange exchange, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getRequestBody().readAllBytes();
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream output = exchange.getResponseBody()) {
			output.write(bytes);
		}
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
