/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.configserver.encryption;

/**
 * Thrown when a {@code {cipher}} value of the configuration repository cannot be
 * decrypted, so that the configuration holding it is not served.
 *
 * @author Trellis
 */
class UndecryptableValueException extends IllegalStateException {

	UndecryptableValueException(String message) {
		super(message);
	}

}
