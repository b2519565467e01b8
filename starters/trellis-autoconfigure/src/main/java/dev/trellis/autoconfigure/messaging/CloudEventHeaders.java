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
package dev.trellis.autoconfigure.messaging;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;

/**
 * Names of the Kafka headers that carry an event's CloudEvents attributes (binary content
 * mode of the CloudEvents Kafka protocol binding), and readers for them on a received
 * {@link Message}.
 *
 * @author Trellis
 */
public final class CloudEventHeaders {

	/**
	 * CloudEvents specification version.
	 */
	public static final String SPEC_VERSION = "ce_specversion";

	/**
	 * Event id, a UUID unique per event.
	 */
	public static final String ID = "ce_id";

	/**
	 * Event type, such as {@code dev.trellis.order.placed.v1}.
	 */
	public static final String TYPE = "ce_type";

	/**
	 * Producing service, such as {@code /order-service}.
	 */
	public static final String SOURCE = "ce_source";

	/**
	 * Aggregate the event is about, such as the order id.
	 */
	public static final String SUBJECT = "ce_subject";

	/**
	 * When the event occurred (RFC 3339).
	 */
	public static final String TIME = "ce_time";

	/**
	 * Media type of the data; the Kafka binding maps {@code datacontenttype} to this
	 * header.
	 */
	public static final String CONTENT_TYPE = "content-type";

	/**
	 * W3C trace context of the transaction that appended the event.
	 */
	public static final String TRACEPARENT = "traceparent";

	private CloudEventHeaders() {
	}

	/**
	 * Return the id of a received event.
	 * @param message the message
	 * @return the event id
	 * @throws IllegalArgumentException if the message has no {@code ce_id} header
	 */
	public static String id(Message<?> message) {
		String id = header(message, ID);
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("Message has no " + ID + " header: not a CloudEvent");
		}
		return id;
	}

	/**
	 * Return the type of a received event.
	 * @param message the message
	 * @return the event type or {@code null}
	 */
	public static @Nullable String type(Message<?> message) {
		return header(message, TYPE);
	}

	/**
	 * Return the subject (aggregate id) of a received event.
	 * @param message the message
	 * @return the subject or {@code null}
	 */
	public static @Nullable String subject(Message<?> message) {
		return header(message, SUBJECT);
	}

	/**
	 * Return a header of a received message as text, whether the binder mapped it to a
	 * {@code String} or left it as the raw bytes of the Kafka header.
	 * @param message the message
	 * @param name the header name
	 * @return the header value or {@code null}
	 */
	public static @Nullable String header(Message<?> message, String name) {
		Object value = message.getHeaders().get(name);
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}

}
