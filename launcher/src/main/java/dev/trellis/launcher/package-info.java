/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
/**
 * Runs the Trellis platform on one machine without Docker:
 * {@link dev.trellis.launcher.Platform} is the API that the {@code ./trellis} command and
 * the end-to-end tests use.
 */
@NullMarked
package dev.trellis.launcher;

import org.jspecify.annotations.NullMarked;
