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
package dev.trellis.notification.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import dev.trellis.notification.domain.Notification;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the notification that tells a customer what happened to their order, one per
 * event, in the consumer's transaction.
 *
 * @author Trellis
 */
@Component
class OrderNotifications {

	static final String ORDER_CONFIRMED = "ORDER_CONFIRMED";

	static final String ORDER_REJECTED = "ORDER_REJECTED";

	static final String ORDER_CANCELLED = "ORDER_CANCELLED";

	private static final Log logger = LogFactory.getLog(OrderNotifications.class);

	private final JdbcAggregateTemplate jdbc;

	OrderNotifications(JdbcAggregateTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void confirmed(UUID orderId, String customer, BigDecimal total, String currency, Instant at) {
		record(orderId, customer, ORDER_CONFIRMED,
				"Your order " + orderId + " is confirmed: " + amount(total, currency) + " " + currency + ".", at);
	}

	void rejected(UUID orderId, String customer, String reason, Instant at) {
		record(orderId, customer, ORDER_REJECTED, "Your order " + orderId + " was rejected: " + sentence(reason), at);
	}

	void cancelled(UUID orderId, String customer, Instant at) {
		record(orderId, customer, ORDER_CANCELLED, "Your order " + orderId + " was cancelled.", at);
	}

	private void record(UUID orderId, String customer, String type, String message, Instant at) {
		// An insert, not a save: the identity is assigned here, so Spring Data would
		// take the notification for an existing one and update nothing.
		this.jdbc.insert(new Notification(UUID.randomUUID(), orderId, customer, type, message, at));
		logger.info("Order " + orderId + ": notified its customer, " + type);
	}

	/**
	 * The total with at least the currency's usual decimals, so that {@code 25.8 EUR}
	 * reads {@code 25.80 EUR}; never rounded.
	 */
	private static String amount(BigDecimal total, String currency) {
		int digits = fractionDigits(currency);
		return ((total.scale() < digits) ? total.setScale(digits) : total).toPlainString();
	}

	private static int fractionDigits(String currency) {
		try {
			return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
		}
		catch (IllegalArgumentException ex) {
			// Not an ISO 4217 code: show the total as sent.
			return 0;
		}
	}

	private static String sentence(String text) {
		String trimmed = text.strip();
		return (trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?")) ? trimmed : trimmed + ".";
	}

}
