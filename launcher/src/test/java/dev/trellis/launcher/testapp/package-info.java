/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
/**
 * Small programs that tests run as child processes.
 */
@NullMarked
package dev.trellis.launcher.testapp;

import org.jspecify.annotations.NullMarked;
