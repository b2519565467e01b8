/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
/**
 * The {@code ./trellis} command line.
 */
@NullMarked
package dev.trellis.launcher.cli;

import org.jspecify.annotations.NullMarked;
