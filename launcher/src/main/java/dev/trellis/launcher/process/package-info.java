/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
/**
 * Process plumbing shared by the {@code Platform} API and the CLI: starting children,
 * signals, the state file, ports, health probes and log files. Not a public API.
 */
@NullMarked
package dev.trellis.launcher.process;

import org.jspecify.annotations.NullMarked;
