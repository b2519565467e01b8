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
package dev.trellis.order.messaging;

/**
 * Thrown for an event whose data cannot be read or lacks a required field. Retrying
 * cannot fix it, so the binding sends it to the dead-letter topic at once (see
 * {@code retryable-exceptions} in {@code config-repo/order-service.yml}).
 *
 * @author Trellis
 */
public class UnreadableEventException extends RuntimeException {

	UnreadableEventException(String message, Throwable cause) {
		super(message, cause);
	}

	UnreadableEventException(String message) {
		super(message);
	}

}
