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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications about an order. A missing or malformed {@code orderId} is answered with a
 * 400 problem by the starter's exception handling.
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
	List<NotificationResponse> byOrder(@RequestParam UUID orderId) {
		return this.notifications.findByOrderIdOrderByCreatedAt(orderId)
			.stream()
			.map(NotificationResponse::from)
			.toList();
	}

}
