/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
/**
 * The Trellis gateway application.
 */
@NullMarked
package dev.trellis.gateway;

import org.jspecify.annotations.NullMarked;
