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
package dev.trellis.notification.api;

import java.util.List;
import java.util.UUID;

import dev.trellis.notification.persistence.NotificationRepository;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications about an order, oldest first. Reading them needs the
 * {@code notifications.read} scope, and a caller sees only those sent to itself: the
 * customer of an order is the subject ({@code sub}) of the token that placed it, so
 * another caller gets an empty list, as for an order without notifications. A missing or
 * malformed {@code orderId} is answered with a 400 problem by the starter's exception
 * handling.
 *
 * @author Trellis
 */
@RestController
@RequestMapping("/notifications")
class NotificationResource {

	private final NotificationRepository notifications;

	NotificationResource(NotificationRepository notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_notifications.read')")
	List<NotificationResponse> byOrder(@RequestParam UUID orderId, Authentication caller) {
		return this.notifications.findByOrderIdAndCustomerOrderByCreatedAt(orderId, caller.getName())
			.stream()
			.map(NotificationResponse::from)
			.toList();
	}

}
