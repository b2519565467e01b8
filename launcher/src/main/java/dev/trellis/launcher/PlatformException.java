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

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the platform cannot be started or a process cannot be controlled. The
 * message is one line that names the cause and what to do; {@link #detail()} holds the
 * most telling line of the failed process's log, when there is one.
 *
 * @author Trellis authors
 */
public class PlatformException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String detail;

	/**
	 * Creates an exception.
	 * @param message the one-line cause
	 */
	public PlatformException(String message) {
		this(message, null, null);
	}

	/**
	 * Creates an exception with a detail line.
	 * @param message the one-line cause
	 * @param detail the most telling log line, or {@code null}
	 * @param cause the cause, or {@code null}
	 */
	public PlatformException(String message, @Nullable String detail, @Nullable Throwable cause) {
		super(message, cause);
		this.detail = detail;
	}

	/**
	 * Returns the most telling line of the failed process's log.
	 * @return the line, or empty
	 */
	public Optional<String> detail() {
		return Optional.ofNullable(this.detail);
	}

	/**
	 * Returns the message followed, on a second indented line, by the detail.
	 * @return the full description
	 */
	public String describe() {
		return (this.detail != null) ? getMessage() + System.lineSeparator() + "  " + this.detail : getMessage();
	}

}
