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
package dev.trellis.catalog.api;

import dev.trellis.catalog.domain.Product;
import dev.trellis.catalog.persistence.ProductRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST resource for the products of the catalog.
 * <p>
 * Paging parameters are validated rather than taken through a {@code Pageable}, which
 * would silently turn a negative page into the first one and cap an oversized page: a
 * client asking for something the API does not serve gets a 400 problem naming the
 * parameter. A SKU without the SKU format is a 400 problem as well, not a 404: it tells a
 * client with a typo (a lowercase SKU, a missing digit) what to fix, and keeps such
 * values away from the database.
 * <p>
 * Reading the catalog needs a token with the {@code catalog.read} scope.
 *
 * @author Trellis
 */
@RestController
@RequestMapping("/products")
class ProductResource {

	static final int MAX_PAGE_SIZE = 100;

	private static final Sort BY_SKU = Sort.by("sku");

	private final ProductRepository products;

	ProductResource(ProductRepository products) {
		this.products = products;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_catalog.read')")
	PageResponse<ProductResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		return PageResponse.of(this.products.findAll(PageRequest.of(page, size, BY_SKU)).map(ProductResponse::from));
	}

	@GetMapping("/{sku}")
	@PreAuthorize("hasAuthority('SCOPE_catalog.read')")
	ProductResponse get(@PathVariable @Pattern(regexp = Product.SKU_PATTERN,
			message = "must be a SKU such as TRL-MUG-001") String sku) {
		return this.products.findById(sku)
			.map(ProductResponse::from)
			.orElseThrow(() -> new ProductNotFoundException(sku));
	}

}
