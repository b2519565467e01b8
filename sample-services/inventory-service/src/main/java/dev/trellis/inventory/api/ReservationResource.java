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

import java.net.URI;
import java.util.Objects;
import java.util.UUID;

import dev.trellis.inventory.persistence.ReservationRepository;
import dev.trellis.inventory.persistence.ReservationRepository.ReservationResult;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST resource for the reservations of stock for orders.
 * <p>
 * Reserving is all or nothing, never oversells, and is idempotent per order: sending the
 * same reservation again answers 200 with it as it is (even once released), other lines
 * for the same order a 409 problem. Releasing is idempotent too: it returns the units
 * once, and answers 204 whether there was anything to release or not, so that a caller
 * may retry it freely.
 * <p>
 * An order cancelled before anything was reserved for it (the {@code order-events}
 * consumer records it as a released reservation without lines) can no longer be reserved:
 * a request for it is a 409 problem, so that a request that was under way when the order
 * was cancelled does not take stock for it.
 * <p>
 * Reserving and releasing need a token with the {@code inventory.reserve} scope; reading
 * a reservation {@code inventory.reserve} or {@code inventory.read}.
 *
 * @author Trellis
 */
@RestController
@RequestMapping("/reservations")
class ReservationResource {

	private final ReservationRepository reservations;

	ReservationResource(ReservationRepository reservations) {
		this.reservations = reservations;
	}

	@PostMapping
	@PreAuthorize("hasAuthority('SCOPE_inventory.reserve')")
	ResponseEntity<ReservationResponse> reserve(@RequestBody @Valid ReservationRequest request) {
		UUID orderId = Objects.requireNonNull(request.orderId());
		ReservationResult result = this.reservations.reserve(orderId, request.reservationLines());
		ReservationResponse body = ReservationResponse.from(result.reservation());
		if (result.created()) {
			// A path, not an absolute URL: the client may have come through the gateway,
			// whose external address this service does not know.
			return ResponseEntity.created(URI.create("/reservations/" + orderId)).body(body);
		}
		return ResponseEntity.ok(body);
	}

	@GetMapping("/{orderId}")
	@PreAuthorize("hasAnyAuthority('SCOPE_inventory.reserve', 'SCOPE_inventory.read')")
	ReservationResponse get(@PathVariable UUID orderId) {
		return this.reservations.findByOrderId(orderId)
			.map(ReservationResponse::from)
			.orElseThrow(() -> new ReservationNotFoundException(orderId));
	}

	@DeleteMapping("/{orderId}")
	@PreAuthorize("hasAuthority('SCOPE_inventory.reserve')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void release(@PathVariable UUID orderId) {
		this.reservations.release(orderId);
	}

}
