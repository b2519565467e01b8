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

import java.net.URI;
import java.util.UUID;

import io.micrometer.common.KeyValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * REST resource for orders. The customer of an order is the subject ({@code sub}) of the
 * token that placed it; a caller sees only its own orders.
 * <p>
 * Placing an order needs the {@code orders.write} scope and an {@code Idempotency-Key}
 * header: the same key with the same body answers with the order already placed (200),
 * never a second one; with another body it is a 409 problem. Reading orders needs
 * {@code orders.read}; a quote either. Cancelling a pending or confirmed order
 * ({@code DELETE}) needs {@code orders.write}; a rejected order cannot be cancelled (409
 * problem), a cancelled one stays cancelled.
 *
 * @author Trellis
 */
@RestController
@RequestMapping("/orders")
class OrderResource {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final int MAX_PAGE_SIZE = 100;

	static final String ORDER_ID_TAG = "order.id";

	private final OrderService orders;

	OrderResource(OrderService orders) {
		this.orders = orders;
	}

	@PostMapping
	@PreAuthorize("hasAuthority('SCOPE_orders.write')")
	ResponseEntity<OrderResponse> place(
			@RequestHeader(IDEMPOTENCY_KEY) @NotBlank @Size(max = 255) String idempotencyKey,
			@RequestBody @Valid OrderRequest request, Authentication caller, HttpServletRequest http) {
		OrderService.Placement placement = this.orders.place(caller.getName(), idempotencyKey, request);
		OrderResponse order = OrderResponse.from(placement.order());
		tagOrder(http, order.id());
		if (!placement.created()) {
			return ResponseEntity.ok(order);
		}
		return ResponseEntity.created(URI.create("/orders/" + order.id())).body(order);
	}

	@PostMapping("/quote")
	@PreAuthorize("hasAnyAuthority('SCOPE_orders.read', 'SCOPE_orders.write')")
	QuoteResponse quote(@RequestBody @Valid OrderRequest request) {
		OrderService.Priced priced = this.orders.price(request);
		return new QuoteResponse(priced.lines().stream().map(OrderResponse.LineResponse::from).toList(), priced.total(),
				priced.currency());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_orders.read')")
	OrderResponse get(@PathVariable UUID id, Authentication caller) {
		return this.orders.find(caller.getName(), id)
			.map(OrderResponse::from)
			.orElseThrow(() -> new OrderNotFoundException(id));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_orders.write')")
	OrderResponse cancel(@PathVariable UUID id, Authentication caller, HttpServletRequest http) {
		tagOrder(http, id);
		return OrderResponse.from(this.orders.cancel(caller.getName(), id));
	}

	/**
	 * Tag the request's observation with the order id: a span tag (high cardinality, so
	 * never a metric tag) by which {@code ./trellis trace} finds the order's trace in
	 * Zipkin.
	 */
	private static void tagOrder(HttpServletRequest http, UUID id) {
		ServerHttpObservationFilter.findObservationContext(http)
			.ifPresent((context) -> context.addHighCardinalityKeyValue(KeyValue.of(ORDER_ID_TAG, id.toString())));
	}

	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_orders.read')")
	PageResponse<OrderResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size, Authentication caller) {
		return PageResponse.of(this.orders.find(caller.getName(), page, size).map(OrderResponse::from));
	}

}
