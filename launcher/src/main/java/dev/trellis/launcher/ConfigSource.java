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
package dev.trellis.launcher;

import java.util.Map;

/**
 * The configuration source chosen for the config server.
 *
 * @param mode {@link ConfigMode#GIT} or {@link ConfigMode#NATIVE}
 * @param profiles the config server's active profiles
 * @param environment the variables that point the config server at the source
 * @param description one line for users, such as {@code git commit 1a2b3c4 (main)}
 * @author Trellis authors
 */
public record ConfigSource(ConfigMode mode, String profiles, Map<String, String> environment, String description) {

	/** Variable holding the git URI of the configuration repository. */
	public static final String GIT_URI = "TRELLIS_CONFIG_GIT_URI";

	/** Variable holding the git label (branch or commit id). */
	public static final String GIT_LABEL = "TRELLIS_CONFIG_GIT_LABEL";

	/** Variable holding the directory the config server clones the repository into. */
	public static final String GIT_BASEDIR = "TRELLIS_CONFIG_GIT_BASEDIR";

	/** Variable holding the native search location. */
	public static final String NATIVE_LOCATION = "TRELLIS_CONFIG_NATIVE_LOCATION";

	/**
	 * Copies the environment.
	 * @param mode the mode
	 * @param profiles the profiles
	 * @param environment the environment
	 * @param description the description
	 */
	public ConfigSource {
		environment = Map.copyOf(environment);
	}

}
