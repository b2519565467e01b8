/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
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
