/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
/**
 * Rate limiting of the gateway's requests per principal or client address.
 */
@NullMarked
package dev.trellis.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
