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
package dev.trellis.order.api;

import java.util.List;

import dev.trellis.order.domain.Sku;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /orders} and {@code POST /orders/quote}: the SKUs to order and how
 * many of each.
 *
 * @param lines the lines, at least one
 * @author Trellis
 */
public record OrderRequest(@NotEmpty @Size(max = OrderRequest.MAX_LINES) @Valid List<@NotNull @Valid Line> lines) {

	static final int MAX_LINES = 100;

	static final int MAX_QUANTITY = 1000;

	/**
	 * One line of an order request.
	 *
	 * @param sku stock keeping unit, such as {@code TRL-MUG-001}
	 * @param quantity number of items, at least one
	 */
	public record Line(
			@NotNull @Pattern(regexp = Sku.PATTERN, message = "must be a SKU such as TRL-MUG-001") String sku,
			@NotNull @Positive @Max(MAX_QUANTITY) @Nullable Integer quantity) {

	}

}
