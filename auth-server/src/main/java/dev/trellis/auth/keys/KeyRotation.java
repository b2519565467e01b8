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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;

/**
 * Rotates the signing keys: {@code java -jar auth-server.jar --trellis.auth.keys.rotate}
 * adds a new key to the keystore, keeps the older ones (up to
 * {@code trellis.auth.keys.retained}) and exits. A running auth server keeps signing with
 * the key it started with; from its next start the new key signs and the previous one
 * stays in the JWK set, so tokens issued before stay valid until they expire.
 * <p>
 * The keystore path and password are read like the server reads them (config server,
 * profile, environment, command line), but nothing else starts: no web server, no
 * registration with Eureka.
 *
 * @author Trellis
 */
@EnableConfigurationProperties(SigningKeyProperties.class)
public final class KeyRotation {

	/** Command line option that asks for a rotation instead of a server. */
	public static final String OPTION = "trellis.auth.keys.rotate";

	private static final Log logger = LogFactory.getLog(KeyRotation.class);

	private KeyRotation() {
	}

	/**
	 * Whether the command line asks for a rotation ({@code --trellis.auth.keys.rotate},
	 * optionally {@code =true}).
	 * @param args the command line
	 * @return whether to rotate
	 */
	public static boolean isRequested(String... args) {
		SimpleCommandLinePropertySource commandLine = new SimpleCommandLinePropertySource(args);
		return commandLine.containsProperty(OPTION) && !"false".equalsIgnoreCase(commandLine.getProperty(OPTION));
	}

	/**
	 * Adds a new signing key to the configured keystore.
	 * @param args the command line, as for the server
	 * @return the new key
	 */
	public static SigningKey rotate(String... args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KeyRotation.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(args)) {
			SigningKeyProperties properties = context.getBean(SigningKeyProperties.class);
			SigningKeyStore store = properties.createStore();
			SigningKey key = store.rotate(properties.getRetained());
			logger.info("Added signing key " + key.id() + " to " + store.getPath()
					+ "; it signs tokens from the next start of the auth server");
			return key;
		}
	}

}
