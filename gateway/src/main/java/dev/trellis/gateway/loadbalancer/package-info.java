/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
/**
 * Load balancing that reacts to unreachable instances before the registry does.
 */
@NullMarked
package dev.trellis.gateway.loadbalancer;

import org.jspecify.annotations.NullMarked;
