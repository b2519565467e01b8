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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.trellis.order.client.CatalogPrices;
import dev.trellis.order.client.CatalogUnavailableException;
import dev.trellis.order.client.InventoryReservations;
import dev.trellis.order.client.InventoryReservations.Outcome;
import dev.trellis.order.client.UnknownSkusException;
import dev.trellis.order.domain.Order;
import dev.trellis.order.domain.OrderLine;
import dev.trellis.order.domain.OrderStatus;
import dev.trellis.order.domain.Price;
import dev.trellis.order.messaging.OrderEvents;
import dev.trellis.order.persistence.IdempotencyKeyRepository;
import dev.trellis.order.persistence.IdempotencyKeyRepository.StoredKey;
import dev.trellis.order.persistence.OrderRepository;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Places, quotes and finds orders.
 * <p>
 * Placing an order is idempotent per caller and {@code Idempotency-Key}: the order's id
 * is derived from both, so that a retried or concurrent duplicate request reserves stock
 * for the same order (the inventory's reservations are idempotent per order id), and the
 * key is stored with the hash of the request body in the transaction that stores the
 * order, so that only one of concurrent duplicates stores an order and the others answer
 * with it.
 *
 * @author Trellis
 */
@Service
class OrderService {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private static final List<String> CANCELLABLE = Arrays.stream(OrderStatus.values())
		.filter(OrderStatus::isCancellable)
		.map(OrderStatus::name)
		.toList();

	private static final String CANCELLED_REASON = "Cancelled by the customer.";

	private final CatalogPrices catalogPrices;

	private final InventoryReservations inventoryReservations;

	private final OrderRepository orders;

	private final IdempotencyKeyRepository idempotencyKeys;

	private final JdbcAggregateOperations aggregates;

	private final OrderEvents events;

	private final TransactionOperations transactions;

	OrderService(CatalogPrices catalogPrices, InventoryReservations inventoryReservations, OrderRepository orders,
			IdempotencyKeyRepository idempotencyKeys, JdbcAggregateOperations aggregates, OrderEvents events,
			TransactionOperations transactions) {
		this.catalogPrices = catalogPrices;
		this.inventoryReservations = inventoryReservations;
		this.orders = orders;
		this.idempotencyKeys = idempotencyKeys;
		this.aggregates = aggregates;
		this.events = events;
		this.transactions = transactions;
	}

	/**
	 * Place an order, or answer with the order already placed with the same key.
	 * @param customer the caller
	 * @param idempotencyKey the caller's key for this order
	 * @param request the order
	 * @return the order, and whether this request placed it
	 */
	Placement place(String customer, String idempotencyKey, OrderRequest request) {
		String requestHash = hash(request);
		Optional<Order> placed = placed(customer, idempotencyKey, requestHash);
		if (placed.isPresent()) {
			return new Placement(placed.get(), false);
		}
		Priced priced = price(request);
		UUID id = orderId(customer, idempotencyKey);
		Outcome outcome = this.inventoryReservations.reserve(id, priced.lines());
		if (outcome instanceof Outcome.Conflict) {
			throw new IdempotencyKeyConflictException(idempotencyKey);
		}
		Order order = new Order(id, customer, status(outcome), priced.lines(), priced.total(), priced.currency(),
				reason(outcome), Instant.now().truncatedTo(ChronoUnit.MICROS));
		try {
			this.transactions.executeWithoutResult((transaction) -> {
				this.aggregates.insert(order);
				this.idempotencyKeys.insert(customer, idempotencyKey, requestHash, id);
				// A pending order's event asks the inventory to reserve its stock; the
				// others tell who is interested (notifications) how it ended.
				this.events.announce(order);
			});
			return new Placement(order, true);
		}
		catch (DuplicateKeyException ex) {
			// A concurrent request with the same key stored its order first.
			return new Placement(placed(customer, idempotencyKey, requestHash).orElseThrow(() -> ex), false);
		}
	}

	/**
	 * Price an order without placing it.
	 * @param request the order
	 * @return its priced lines
	 */
	Priced price(OrderRequest request) {
		List<String> skus = request.lines().stream().map(OrderRequest.Line::sku).toList();
		rejectRepeatedSkus(skus);
		Map<String, Price> prices;
		try {
			prices = this.catalogPrices.prices(skus);
		}
		catch (UnknownSkusException ex) {
			throw new UnknownSkuException(request.lines(), ex.getSkus(), ex);
		}
		catch (CatalogUnavailableException ex) {
			throw new PricesUnavailableException(ex.getSku(), ex);
		}
		List<OrderLine> lines = new ArrayList<>();
		for (OrderRequest.Line line : request.lines()) {
			Price price = prices.get(line.sku());
			lines.add(new OrderLine(line.sku(), quantity(line), price.unitPrice(), price.source()));
		}
		return new Priced(lines, currency(prices));
	}

	/**
	 * Cancel a pending or confirmed order of the caller. The inventory releases its stock
	 * when it reads the {@code order.cancelled} event; cancelling a cancelled order again
	 * changes nothing.
	 * @param customer the caller
	 * @param id the order
	 * @return the order, cancelled
	 * @throws OrderNotFoundException if the caller has no such order
	 * @throws OrderNotCancellableException if the order was rejected
	 */
	Order cancel(String customer, UUID id) {
		return Objects.requireNonNull(this.transactions.execute((transaction) -> {
			Order order = find(customer, id).orElseThrow(() -> new OrderNotFoundException(id));
			if (order.status() == OrderStatus.CANCELLED) {
				return order;
			}
			// Conditional on the row: a reservation settling the order at the same time
			// either happens before (and the order is cancelled as confirmed or
			// rejected) or finds it cancelled and changes nothing.
			if (!this.orders.transition(id, CANCELLABLE, OrderStatus.CANCELLED.name(), CANCELLED_REASON)) {
				Order current = this.orders.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
				if (current.status() == OrderStatus.CANCELLED) {
					return current;
				}
				throw new OrderNotCancellableException(current);
			}
			Order cancelled = this.orders.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
			this.events.announce(cancelled);
			return cancelled;
		}));
	}

	Optional<Order> find(String customer, UUID id) {
		return this.orders.findByIdAndCustomer(id, customer);
	}

	Page<Order> find(String customer, int page, int size) {
		return this.orders.findByCustomer(customer, PageRequest.of(page, size, NEWEST_FIRST));
	}

	private Optional<Order> placed(String customer, String idempotencyKey, String requestHash) {
		Optional<StoredKey> stored = this.idempotencyKeys.find(customer, idempotencyKey);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		if (!stored.get().requestHash().equals(requestHash)) {
			throw new IdempotencyKeyConflictException(idempotencyKey);
		}
		return this.orders.findById(stored.get().orderId());
	}

	private static void rejectRepeatedSkus(List<String> skus) {
		for (int i = 0; i < skus.size(); i++) {
			if (skus.indexOf(skus.get(i)) != i) {
				throw new InvalidOrderException("lines[" + i + "].sku", "repeats the SKU of lines["
						+ skus.indexOf(skus.get(i)) + "]; order it once with the total quantity");
			}
		}
	}

	private static String currency(Map<String, Price> prices) {
		List<String> currencies = prices.values().stream().map(Price::currency).distinct().toList();
		if (currencies.size() > 1) {
			throw new InvalidOrderException("lines", "mixes prices in " + String.join(" and ", currencies));
		}
		return currencies.isEmpty() ? "EUR" : currencies.get(0);
	}

	private static int quantity(OrderRequest.Line line) {
		Integer quantity = line.quantity();
		if (quantity == null) {
			throw new IllegalArgumentException("quantity is validated before");
		}
		return quantity;
	}

	private static OrderStatus status(Outcome outcome) {
		if (outcome instanceof Outcome.Reserved) {
			return OrderStatus.CONFIRMED;
		}
		if (outcome instanceof Outcome.Unavailable) {
			return OrderStatus.PENDING;
		}
		return OrderStatus.REJECTED;
	}

	private static @Nullable String reason(Outcome outcome) {
		if (outcome instanceof Outcome.InsufficientStock insufficient) {
			return "Insufficient stock of " + String.join(", ", insufficient.skus()) + ".";
		}
		if (outcome instanceof Outcome.Refused refused) {
			return "Refused by the inventory: " + refused.reason() + ".";
		}
		if (outcome instanceof Outcome.Unavailable unavailable) {
			return "Stock not reserved yet: " + unavailable.reason() + "; the reservation is settled later.";
		}
		return null;
	}

	/**
	 * Id of the order a caller places with a key: the same for every request with that
	 * key, and different for every caller and key.
	 */
	static UUID orderId(String customer, String idempotencyKey) {
		return UUID.nameUUIDFromBytes(("order-service:" + customer.length() + ":" + customer + ":" + idempotencyKey)
			.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Hash of the canonical form of a request: its lines sorted by SKU, so that the same
	 * order sent with its lines in another order is the same request.
	 */
	static String hash(OrderRequest request) {
		String canonical = request.lines()
			.stream()
			.sorted(Comparator.comparing(OrderRequest.Line::sku))
			.map((line) -> line.sku() + "*" + line.quantity())
			.collect(Collectors.joining("\n"));
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The lines of an order with their prices.
	 *
	 * @param lines the priced lines
	 * @param currency ISO 4217 code of their prices' currency
	 */
	record Priced(List<OrderLine> lines, String currency) {

		BigDecimal total() {
			return this.lines.stream()
				.map(OrderLine::price)
				.reduce(BigDecimal.ZERO, BigDecimal::add)
				.setScale(2, RoundingMode.HALF_EVEN);
		}

	}

	/**
	 * An order, and whether the request placed it or found it placed with its key.
	 *
	 * @param order the order
	 * @param created whether this request placed it
	 */
	record Placement(Order order, boolean created) {

	}

}
