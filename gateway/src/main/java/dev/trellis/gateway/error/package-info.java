/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
/**
 * RFC 9457 problem responses for every error of the gateway.
 */
@NullMarked
package dev.trellis.gateway.error;

import org.jspecify.annotations.NullMarked;
