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

/**
 * Where the config server reads {@code config-repo/} from.
 *
 * @author Trellis authors
 */
public enum ConfigMode {

	/**
	 * Git when the project is a git checkout with no uncommitted change under
	 * {@code config-repo/}, else the working tree.
	 */
	AUTO,

	/**
	 * The current commit of the project's git repository (profile {@code git}).
	 */
	GIT,

	/**
	 * The working tree of {@code config-repo/} (profile {@code native}).
	 */
	NATIVE

}
