/*
 * Copyright 2026 the Trellis authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.trellis.inventory.domain;

/**
 * Status of a {@link Reservation}.
 *
 * @author Trellis
 */
public enum ReservationStatus {

	/**
	 * The reservation holds its units: they count as reserved, not available.
	 */
	RESERVED,

	/**
	 * The reservation was released and its units returned to the available stock. A
	 * released reservation stays released: the same order is never reserved again. An
	 * order cancelled before it was reserved is recorded released without lines (a
	 * tombstone), so that a late request cannot reserve for it either.
	 */
	RELEASED

}
