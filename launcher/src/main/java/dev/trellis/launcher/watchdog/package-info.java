/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
/**
 * Java agent that stops a child JVM once the process that started it is gone.
 */
@NullMarked
package dev.trellis.launcher.watchdog;

import org.jspecify.annotations.NullMarked;
