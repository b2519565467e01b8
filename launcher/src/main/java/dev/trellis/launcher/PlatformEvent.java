/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.launcher;

import java.time.Duration;

/**
 * Something that happened to the platform or one of its processes, for progress output.
 *
 * @param elapsed time since the {@link Platform} was created
 * @param type what happened
 * @param process display name of the process ({@code catalog-service-2}), or empty for
 * the platform itself
 * @param pid the pid, or -1
 * @param port the port, or -1
 * @param message a short description
 * @author Trellis authors
 */
public record PlatformEvent(Duration elapsed, Type type, String process, long pid, int port, String message) {

	/**
	 * Kinds of events.
	 */
	public enum Type {

		/** General information (which configuration is served, for example). */
		INFO,

		/** A process was started. */
		STARTING,

		/** A process became healthy. */
		HEALTHY,

		/** A process failed to start. */
		FAILED,

		/** A process exited without being asked to. */
		EXITED,

		/** A process was killed, frozen or thawed on request. */
		SIGNALLED,

		/** A process was stopped on request. */
		STOPPED

	}

}
