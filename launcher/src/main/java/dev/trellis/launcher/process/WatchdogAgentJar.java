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
package dev.trellis.launcher.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import dev.trellis.launcher.watchdog.Watchdog;

/**
 * Writes the watchdog agent jar that every child JVM gets with {@code -javaagent}.
 * <p>
 * The agent jar holds the {@link Watchdog} class and nothing else: an agent jar is
 * appended to the system class path of the JVM it runs in, and the launcher jar (with
 * Jackson, the PostgreSQL driver and more) would shadow the libraries of the Spring Boot
 * applications, whose class loader asks its parent first.
 *
 * @author Trellis authors
 */
public final class WatchdogAgentJar {

	private WatchdogAgentJar() {
	}

	/**
	 * Returns the agent jar in the given directory, writing it first if needed.
	 * @param directory where to keep it
	 * @return the agent jar
	 */
	public static Path ensure(Path directory) {
		try {
			byte[] classFile = classFile();
			String hash = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(classFile))
				.substring(0, 12);
			Path target = directory.resolve("trellis-watchdog-" + hash + ".jar");
			if (Files.exists(target)) {
				return target;
			}
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, "watchdog", ".jar.tmp");
			Files.write(temporary, jar(classFile));
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the watchdog agent jar to " + directory, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] classFile() throws IOException {
		try (InputStream in = Watchdog.class.getResourceAsStream(Watchdog.class.getSimpleName() + ".class")) {
			if (in == null) {
				throw new IOException("Class file of " + Watchdog.class.getName() + " not found");
			}
			return in.readAllBytes();
		}
	}

	private static byte[] jar(byte[] classFile) throws IOException {
		Manifest manifest = new Manifest();
		Attributes attributes = manifest.getMainAttributes();
		attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		attributes.putValue("Premain-Class", Watchdog.class.getName());
		attributes.putValue("Agent-Class", Watchdog.class.getName());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
			jar.putNextEntry(new JarEntry(Watchdog.class.getName().replace('.', '/') + ".class"));
			jar.write(classFile);
			jar.closeEntry();
		}
		return bytes.toByteArray();
	}

}
