/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
/**
 * Server-side decryption of {@code {cipher}} values, which fails instead of serving a
 * placeholder.
 */
@NullMarked
package dev.trellis.configserver.encryption;

import org.jspecify.annotations.NullMarked;
