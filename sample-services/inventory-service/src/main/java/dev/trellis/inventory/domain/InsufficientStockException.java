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

import java.util.List;

/**
 * Thrown when a reservation asks for more units of one or more SKUs than are available;
 * nothing is reserved.
 *
 * @author Trellis
 */
public class InsufficientStockException extends RuntimeException {

	private final List<String> skus;

	/**
	 * Create a new exception.
	 * @param skus the SKUs short of stock, sorted
	 */
	public InsufficientStockException(List<String> skus) {
		super("Not enough stock of " + String.join(", ", skus));
		this.skus = List.copyOf(skus);
	}

	/**
	 * SKUs of the lines that could not be reserved.
	 * @return the SKUs, sorted
	 */
	public List<String> getSkus() {
		return this.skus;
	}

}
