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
package dev.trellis.inventory.api;

import java.util.List;
import java.util.Objects;

import dev.trellis.inventory.domain.Stock;
import dev.trellis.inventory.persistence.StockRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST resource for the stock of each SKU.
 * <p>
 * A SKU without the SKU format is a 400 problem naming the parameter, as in the catalog:
 * it tells a client with a typo what to fix. Reading stock needs a token with the
 * {@code inventory.read} scope, setting it {@code inventory.write}.
 *
 * @author Trellis
 */
@RestController
@RequestMapping("/stock")
class StockResource {

	static final String SKU_MESSAGE = "must be a SKU such as TRL-MUG-001";

	/**
	 * Most SKUs one request may ask for.
	 */
	static final int MAX_SKUS = 100;

	private final StockRepository stock;

	StockResource(StockRepository stock) {
		this.stock = stock;
	}

	@GetMapping("/{sku}")
	@PreAuthorize("hasAuthority('SCOPE_inventory.read')")
	StockResponse get(@PathVariable @Pattern(regexp = Stock.SKU_PATTERN, message = SKU_MESSAGE) String sku) {
		return this.stock.findBySku(sku).map(StockResponse::from).orElseThrow(() -> new StockNotFoundException(sku));
	}

	/**
	 * The stock of the requested SKUs the inventory knows, in the order requested; an
	 * unknown SKU is left out rather than failing the request, so that a client checking
	 * a basket gets what there is.
	 * @param skus the SKUs, comma-separated
	 * @return their stock
	 */
	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_inventory.read')")
	List<StockResponse> list(@RequestParam @NotEmpty @Size(
			max = MAX_SKUS) List<@Pattern(regexp = Stock.SKU_PATTERN, message = SKU_MESSAGE) String> skus) {
		return this.stock.findBySkus(skus).stream().map(StockResponse::from).toList();
	}

	/**
	 * Set the units of a SKU free to reserve (a restock or a stock take), creating the
	 * SKU's stock if it is new. Units held by reservations are not touched.
	 * @param sku the SKU
	 * @param request the units available
	 * @return the SKU's stock
	 */
	@PutMapping("/{sku}")
	@PreAuthorize("hasAuthority('SCOPE_inventory.write')")
	StockResponse put(@PathVariable @Pattern(regexp = Stock.SKU_PATTERN, message = SKU_MESSAGE) String sku,
			@RequestBody @Valid StockUpdateRequest request) {
		int available = Objects.requireNonNull(request.available());
		return StockResponse.from(this.stock.setAvailable(sku, available));
	}

}
