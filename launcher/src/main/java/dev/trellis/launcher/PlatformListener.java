/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.launcher;

/**
 * Callback for {@link PlatformEvent events}, called from the threads that start and watch
 * processes.
 *
 * @author Trellis authors
 */
@FunctionalInterface
public interface PlatformListener {

	/**
	 * Listener that ignores every event.
	 */
	PlatformListener NONE = (event) -> {
	};

	/**
	 * Called for each event.
	 * @param event the event
	 */
	void onEvent(PlatformEvent event);

}
