/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
/**
 * Wrapper programs that run the platform's infrastructure (PostgreSQL, Redis, Kafka) as
 * child processes of the launcher.
 */
@NullMarked
package dev.trellis.launcher.infra;

import org.jspecify.annotations.NullMarked;
