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
 * Thrown when a reservation names SKUs the inventory has no stock record of; nothing is
 * reserved.
 *
 * @author Trellis
 */
public class UnknownSkuException extends RuntimeException {

	private final List<String> skus;

	/**
	 * Create a new exception.
	 * @param skus the unknown SKUs, sorted
	 */
	public UnknownSkuException(List<String> skus) {
		super("Unknown SKU " + String.join(", ", skus));
		this.skus = List.copyOf(skus);
	}

	/**
	 * SKUs the inventory does not know.
	 * @return the SKUs, sorted
	 */
	public List<String> getSkus() {
		return this.skus;
	}

}
