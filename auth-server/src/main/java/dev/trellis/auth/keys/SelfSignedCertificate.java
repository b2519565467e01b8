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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds the minimal self-signed X.509 certificate that a PKCS12 keystore needs to hold a
 * private key. Nobody validates the certificate: tokens are checked against the JWK set,
 * so it only wraps the public key. Written out in DER here because the JDK has no public
 * API to create a certificate and one certificate does not justify a dependency.
 *
 * @author Trellis
 */
final class SelfSignedCertificate {

	/** sha256WithRSAEncryption, 1.2.840.113549.1.1.11. */
	private static final byte[] SHA256_WITH_RSA = { 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
			0x0b };

	/** commonName, 2.5.4.3. */
	private static final byte[] COMMON_NAME = { 0x55, 0x04, 0x03 };

	private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private SelfSignedCertificate() {
	}

	/**
	 * Creates a certificate for the given key pair, signed by its own private key.
	 * @param keyPair the RSA key pair
	 * @param commonName the subject's and issuer's common name
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @return the certificate
	 * @throws GeneralSecurityException if signing or parsing fails
	 */
	static X509Certificate create(KeyPair keyPair, String commonName, Instant notBefore, Instant notAfter)
			throws GeneralSecurityException {
		byte[] algorithm = sequence(tlv(0x06, SHA256_WITH_RSA), new byte[] { 0x05, 0x00 });
		byte[] name = sequence(
				tlv(0x31, sequence(tlv(0x06, COMMON_NAME), tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
		byte[] tbs = sequence(tlv(0xa0, tlv(0x02, new byte[] { 2 })),
				tlv(0x02, BigInteger.valueOf(notBefore.toEpochMilli()).toByteArray()), algorithm, name,
				sequence(time(notBefore), time(notAfter)), name, keyPair.getPublic().getEncoded());
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(keyPair.getPrivate());
		signature.update(tbs);
		byte[] signed = signature.sign();
		byte[] bits = new byte[signed.length + 1];
		System.arraycopy(signed, 0, bits, 1, signed.length);
		byte[] certificate = sequence(tbs, algorithm, tlv(0x03, bits));
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(certificate));
	}

	private static byte[] time(Instant instant) {
		// RFC 5280: UTCTime through 2049, GeneralizedTime from 2050 on
		boolean utcTime = instant.atZone(ZoneOffset.UTC).getYear() < 2050;
		String text = (utcTime ? UTC_TIME : GENERALIZED_TIME).format(instant);
		return tlv(utcTime ? 0x17 : 0x18, text.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] sequence(byte[]... elements) {
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		for (byte[] element : elements) {
			content.writeBytes(element);
		}
		return tlv(0x30, content.toByteArray());
	}

	private static byte[] tlv(int tag, byte[] value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(tag);
		int length = value.length;
		if (length < 0x80) {
			out.write(length);
		}
		else {
			int bytes = (length > 0xffff) ? 3 : ((length > 0xff) ? 2 : 1);
			out.write(0x80 | bytes);
			for (int i = bytes - 1; i >= 0; i--) {
				out.write(length >>> (8 * i));
			}
		}
		out.writeBytes(value);
		return out.toByteArray();
	}

}
