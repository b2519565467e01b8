/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
/**
 * Bearer token authentication and scope rules for the gateway's routes.
 */
@NullMarked
package dev.trellis.gateway.security;

import org.jspecify.annotations.NullMarked;
