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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The authorization server's RSA signing keys, kept in a PKCS12 keystore file so that
 * tokens survive a restart. Each key is stored under its key id, which starts with its
 * creation time ({@code 20260611-101530-123-9f3a1c7e}), so the keys order by age without
 * relying on keystore metadata.
 * <p>
 * {@link #loadOrCreate()} creates the keystore with one key on first use;
 * {@link #rotate(int)} adds a new key, which signs from then on, and keeps older ones for
 * the tokens they signed. Changes are written to a temporary file and moved into place,
 * so a crash never leaves half a keystore.
 *
 * @author Trellis
 */
public final class SigningKeyStore {

	private static final String KEYSTORE_TYPE = "PKCS12";

	private static final int KEY_SIZE = 2048;

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
		.withZone(ZoneOffset.UTC);

	private static final int ID_TIME_LENGTH = 19;

	/** The certificate only wraps the key; its validity is not checked by anyone. */
	private static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(3650);

	private static final SecureRandom random = new SecureRandom();

	private final Path path;

	private final char[] password;

	private final Clock clock;

	/**
	 * Creates a store for the keystore file at the given path.
	 * @param path the PKCS12 file
	 * @param password the password of the keystore and of every key in it
	 */
	public SigningKeyStore(Path path, char[] password) {
		this(path, password, Clock.systemUTC());
	}

	SigningKeyStore(Path path, char[] password, Clock clock) {
		if (password.length == 0) {
			throw new SigningKeyStoreException("No password for the signing keystore " + path
					+ ": set trellis.auth.keys.password (AUTH_KEYSTORE_PASSWORD)");
		}
		this.path = path;
		this.password = password.clone();
		this.clock = clock;
	}

	/**
	 * Returns the keystore file.
	 * @return the path
	 */
	public Path getPath() {
		return this.path;
	}

	/**
	 * Returns the keys, newest first, creating the keystore with one new key if the file
	 * does not exist.
	 * @return the keys, newest first, never empty
	 */
	public List<SigningKey> loadOrCreate() {
		if (Files.exists(this.path)) {
			return load();
		}
		SigningKey key = generate(null);
		save(List.of(key));
		return List.of(key);
	}

	/**
	 * Returns the keys of an existing keystore, newest first.
	 * @return the keys, newest first
	 * @throws SigningKeyStoreException if the file is missing, cannot be read, the
	 * password is wrong, or it holds no key
	 */
	public List<SigningKey> load() {
		KeyStore keyStore = read();
		List<SigningKey> keys = new ArrayList<>();
		try {
			for (String alias : Collections.list(keyStore.aliases())) {
				if (keyStore.isKeyEntry(alias)) {
					PrivateKey privateKey = (PrivateKey) keyStore.getKey(alias, this.password);
					Certificate certificate = keyStore.getCertificate(alias);
					keys.add(new SigningKey(alias, createdAt(alias),
							new KeyPair(certificate.getPublicKey(), privateKey)));
				}
			}
		}
		catch (UnrecoverableKeyException ex) {
			throw new SigningKeyStoreException("Cannot read a key of the signing keystore " + this.path
					+ ": its password differs from the keystore's", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new SigningKeyStoreException("Cannot read the signing keystore " + this.path + ": " + ex, ex);
		}
		if (keys.isEmpty()) {
			throw new SigningKeyStoreException("The signing keystore " + this.path + " holds no key");
		}
		keys.sort(Comparator.comparing(SigningKey::createdAt).thenComparing(SigningKey::id).reversed());
		return List.copyOf(keys);
	}

	/**
	 * Adds a new key, which becomes the newest and signs new tokens from the next start
	 * on, and keeps the newest {@code retained} keys in total (older ones are dropped:
	 * tokens they signed have long expired). Creates the keystore if it does not exist.
	 * @param retained how many keys to keep, the new one included; at least 1
	 * @return the new key
	 */
	public SigningKey rotate(int retained) {
		if (retained < 1) {
			throw new IllegalArgumentException("At least one key must be retained, not " + retained);
		}
		List<SigningKey> keys = new ArrayList<>(Files.exists(this.path) ? load() : List.of());
		SigningKey key = generate(keys.isEmpty() ? null : keys.get(0));
		keys.add(0, key);
		save(keys.subList(0, Math.min(retained, keys.size())));
		return key;
	}

	private SigningKey generate(@Nullable SigningKey newest) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (newest != null && !now.isAfter(newest.createdAt())) {
			// the newest key must sort first even if the clock went back or did not move
			now = newest.createdAt().plusMillis(1);
		}
		String id = ID_TIME.format(now) + "-" + HexFormat.of().formatHex(randomBytes(4));
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(KEY_SIZE, random);
			return new SigningKey(id, now, generator.generateKeyPair());
		}
		catch (GeneralSecurityException ex) {
			throw new SigningKeyStoreException("Cannot generate an RSA key: " + ex, ex);
		}
	}

	private KeyStore read() {
		if (!Files.exists(this.path)) {
			throw new SigningKeyStoreException("The signing keystore " + this.path + " does not exist");
		}
		try (InputStream in = Files.newInputStream(this.path)) {
			KeyStore keyStore = KeyStore.getInstance(KEYSTORE_TYPE);
			keyStore.load(in, this.password);
			return keyStore;
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof UnrecoverableKeyException) {
				throw new SigningKeyStoreException("Cannot open the signing keystore " + this.path
						+ ": wrong password (trellis.auth.keys.password, AUTH_KEYSTORE_PASSWORD)", ex);
			}
			throw new SigningKeyStoreException("Cannot read the signing keystore " + this.path + ": " + ex, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new SigningKeyStoreException("Cannot read the signing keystore " + this.path + ": " + ex, ex);
		}
	}

	private void save(List<SigningKey> keys) {
		try {
			KeyStore keyStore = KeyStore.getInstance(KEYSTORE_TYPE);
			keyStore.load(null, this.password);
			for (SigningKey key : keys) {
				Certificate certificate = SelfSignedCertificate.create(key.keyPair(), "trellis-auth-server " + key.id(),
						key.createdAt(), key.createdAt().plus(CERTIFICATE_VALIDITY));
				keyStore.setKeyEntry(key.id(), key.keyPair().getPrivate(), this.password,
						new Certificate[] { certificate });
			}
			Path directory = this.path.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, this.path.getFileName().toString(), ".tmp");
			try {
				if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
					// private keys: readable by the owner only
					Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
				}
				try (OutputStream out = Files.newOutputStream(temporary)) {
					keyStore.store(out, this.password);
				}
				move(temporary);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new SigningKeyStoreException("Cannot write the signing keystore " + this.path + ": " + ex, ex);
		}
	}

	private void move(Path temporary) throws IOException {
		try {
			Files.move(temporary, this.path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, this.path, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private Instant createdAt(String alias) {
		try {
			return ID_TIME.parse(alias.substring(0, Math.min(ID_TIME_LENGTH, alias.length())), Instant::from);
		}
		catch (DateTimeParseException ex) {
			throw new SigningKeyStoreException("The signing keystore " + this.path + " holds a key '" + alias
					+ "' whose id does not start with its creation time (yyyyMMdd-HHmmss-SSS)", ex);
		}
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

}
