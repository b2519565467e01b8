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
