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
package dev.trellis.order.domain;

/**
 * Format of a SKU, as the catalog defines it.
 *
 * @author Trellis
 */
public final class Sku {

	/**
	 * Brand, product family and a three-digit number, such as {@code TRL-MUG-001}.
	 */
	public static final String PATTERN = "^[A-Z]{3}-[A-Z]{3}-[0-9]{3}$";

	private Sku() {
	}

}
