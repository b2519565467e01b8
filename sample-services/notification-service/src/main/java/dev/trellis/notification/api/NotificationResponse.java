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

import java.time.Instant;
import java.util.UUID;

import dev.trellis.notification.domain.Notification;

/**
 * A notification as the API shows it.
 *
 * @param id identity of the notification
 * @param orderId the order it is about
 * @param type what happened to the order
 * @param message the text sent
 * @param createdAt when it was recorded
 * @author Trellis
 */
public record NotificationResponse(UUID id, UUID orderId, String type, String message, Instant createdAt) {

	static NotificationResponse from(Notification notification) {
		return new NotificationResponse(notification.id(), notification.orderId(), notification.type(),
				notification.message(), notification.createdAt());
	}

}
