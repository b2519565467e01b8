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
package dev.trellis.inventory.messaging;

/**
 * Thrown when an event cannot be applied because of what it is, not because of the state
 * of the service: its data cannot be read or lacks a required field. Retrying cannot fix
 * it, so the binding sends it straight to the dead-letter topic with this message as the
 * reason.
 *
 * @author Trellis
 */
public class InvalidEventException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message what is wrong with the event
	 */
	public InvalidEventException(String message) {
		super(message);
	}

	/**
	 * Create a new exception.
	 * @param message what is wrong with the event
	 * @param cause the failure to read it
	 */
	public InvalidEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
