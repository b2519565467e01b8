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
package dev.trellis.notification.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A message sent to a customer about one of their orders.
 *
 * @param id identity of the notification
 * @param orderId the order it is about
 * @param customer who it was sent to (the subject of the token that placed the order)
 * @param type what happened to the order, such as {@code ORDER_CONFIRMED}
 * @param message the text sent
 * @param createdAt when it was recorded
 * @author Trellis
 */
@Table("notifications")
public record Notification(@Id UUID id, UUID orderId, String customer, String type, String message, Instant createdAt) {

	public Notification {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(orderId, "orderId must not be null");
		Objects.requireNonNull(customer, "customer must not be null");
		Objects.requireNonNull(type, "type must not be null");
		Objects.requireNonNull(message, "message must not be null");
		Objects.requireNonNull(createdAt, "createdAt must not be null");
	}

}
