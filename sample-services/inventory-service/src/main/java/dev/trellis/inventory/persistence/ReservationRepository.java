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
package dev.trellis.inventory.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.Supplier;

import dev.trellis.inventory.domain.InsufficientStockException;
import dev.trellis.inventory.domain.Reservation;
import dev.trellis.inventory.domain.ReservationConflictException;
import dev.trellis.inventory.domain.ReservationLine;
import dev.trellis.inventory.domain.ReservationStatus;
import dev.trellis.inventory.domain.UnknownSkuException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repository of {@link Reservation reservations}: reserving takes the units from the
 * stock and records the reservation in one transaction, releasing returns them once.
 * <p>
 * Units are taken with a conditional update,
 * {@code UPDATE stock ... WHERE sku = ? AND available >= ?}, one SKU after the other in
 * SKU order. PostgreSQL re-checks the condition on the latest version of the row after
 * waiting for a concurrent update of it, so two reservations can never both take the last
 * units; the SKU order keeps two reservations of the same SKUs from deadlocking. If any
 * SKU is short the transaction rolls back, and nothing is reserved.
 * <p>
 * The order id is the reservation's primary key. A request for an order that already has
 * a reservation is a repeat if it asks for the same quantities (it gets the reservation
 * as it is) and a conflict otherwise. Two concurrent requests for the same order cannot
 * both insert their row: the second waits for the first to commit, fails on the primary
 * key, rolls back what it took, and is then answered from the first one's reservation.
 * <p>
 * Reserving and releasing run in a transaction of their own when called without one (the
 * REST API), and in a savepoint of the caller's transaction otherwise
 * ({@link TransactionDefinition#PROPAGATION_NESTED}): an event consumer whose reservation
 * is refused keeps its transaction, and records the refusal in it.
 * <p>
 * Cancelling an order that has no reservation records a released reservation without
 * lines, a tombstone: any later reservation for that order is a conflict.
 *
 * @author Trellis
 */
@Repository
public class ReservationRepository {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	public ReservationRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		// A savepoint inside a caller's transaction (an event consumer's), so that a
		// refused reservation rolls back only its own statements and the caller can go
		// on to record the refusal; without a transaction (the REST API) a transaction
		// of its own, as REQUIRED would.
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * The reservation of an order.
	 * @param orderId the order
	 * @return its reservation, or empty if it has none
	 */
	public Optional<Reservation> findByOrderId(UUID orderId) {
		Optional<ReservationStatus> status = this.jdbc.sql("SELECT status FROM reservations WHERE order_id = :orderId")
			.param("orderId", orderId)
			.query((rs, rowNum) -> ReservationStatus.valueOf(rs.getString("status")))
			.optional();
		return status.map((found) -> new Reservation(orderId, found, linesOf(orderId)));
	}

	/**
	 * Reserve the units of every line for an order, or none.
	 * @param orderId the order
	 * @param lines the lines; several lines of the same SKU add up
	 * @return the order's reservation, and whether this call made it
	 * @throws UnknownSkuException if the inventory does not know some of the SKUs
	 * @throws InsufficientStockException if some SKUs have fewer units available than
	 * asked for
	 * @throws ReservationConflictException if the order already has a reservation of
	 * other quantities
	 */
	public ReservationResult reserve(UUID orderId, List<ReservationLine> lines) {
		try {
			return inTransaction(() -> reserveInTransaction(orderId, lines));
		}
		catch (DuplicateKeyException ex) {
			// A concurrent request for the same order committed its reservation while
			// this one waited on the primary key; what this one took is rolled back.
			return inTransaction(
					() -> findByOrderId(orderId).map((existing) -> repeated(existing, lines)).orElseThrow(() -> ex));
		}
	}

	private ReservationResult reserveInTransaction(UUID orderId, List<ReservationLine> lines) {
		Optional<Reservation> existing = findByOrderId(orderId);
		if (existing.isPresent()) {
			return repeated(existing.get(), lines);
		}
		SortedMap<String, Integer> totals = ReservationLine.totalsBySku(lines);
		List<String> unknown = unknownSkus(totals.keySet());
		if (!unknown.isEmpty()) {
			throw new UnknownSkuException(unknown);
		}
		// The order's row first: a concurrent request for the same order waits here
		// until this transaction ends, instead of taking units itself.
		this.jdbc.sql("INSERT INTO reservations (order_id, status) VALUES (:orderId, 'RESERVED')")
			.param("orderId", orderId)
			.update();
		List<String> shortOfStock = new ArrayList<>();
		for (Map.Entry<String, Integer> total : totals.entrySet()) {
			if (!take(total.getKey(), total.getValue())) {
				shortOfStock.add(total.getKey());
			}
		}
		if (!shortOfStock.isEmpty()) {
			// Rolls back the units taken from the other SKUs, and the order's row.
			throw new InsufficientStockException(shortOfStock);
		}
		for (int i = 0; i < lines.size(); i++) {
			ReservationLine line = lines.get(i);
			this.jdbc
				.sql("INSERT INTO reservation_lines (order_id, line_no, sku, quantity) "
						+ "VALUES (:orderId, :lineNo, :sku, :quantity)")
				.param("orderId", orderId)
				.param("lineNo", i)
				.param("sku", line.sku())
				.param("quantity", line.quantity())
				.update();
		}
		return new ReservationResult(new Reservation(orderId, ReservationStatus.RESERVED, lines), true);
	}

	private ReservationResult repeated(Reservation existing, List<ReservationLine> lines) {
		if (!existing.hasSameQuantitiesAs(lines)) {
			throw new ReservationConflictException(existing);
		}
		return new ReservationResult(existing, false);
	}

	private List<String> unknownSkus(Set<String> skus) {
		List<String> known = this.jdbc.sql("SELECT sku FROM stock WHERE sku IN (:skus)")
			.param("skus", skus)
			.query(String.class)
			.list();
		return skus.stream().filter((sku) -> !known.contains(sku)).sorted().toList();
	}

	private boolean take(String sku, int quantity) {
		return this.jdbc.sql("""
				UPDATE stock SET available = available - :quantity, reserved = reserved + :quantity
				WHERE sku = :sku AND available >= :quantity""")
			.param("sku", sku)
			.param("quantity", quantity)
			.update() == 1;
	}

	/**
	 * Release the reservation of an order: return its units to the available stock. Only
	 * the first release of a reservation returns them.
	 * @param orderId the order
	 * @return {@code true} if this call released the reservation, {@code false} if the
	 * order has no reservation or it was already released
	 */
	public boolean release(UUID orderId) {
		return inTransaction(() -> {
			// Concurrent releases of the same reservation queue on its row: only the
			// first finds it RESERVED.
			int released = this.jdbc.sql("""
					UPDATE reservations SET status = 'RELEASED', released_at = now()
					WHERE order_id = :orderId AND status = 'RESERVED'""").param("orderId", orderId).update();
			if (released == 0) {
				return false;
			}
			for (Map.Entry<String, Integer> total : ReservationLine.totalsBySku(linesOf(orderId)).entrySet()) {
				this.jdbc.sql("""
						UPDATE stock SET available = available + :quantity, reserved = reserved - :quantity
						WHERE sku = :sku""").param("sku", total.getKey()).param("quantity", total.getValue()).update();
			}
			return true;
		});
	}

	/**
	 * Cancel the reservation of an order: release it, or, if the order has none yet,
	 * record a released reservation without lines (a tombstone), so that a reservation
	 * for the order that comes later (a request that was under way when the order was
	 * cancelled) is refused as a conflict instead of taking stock. Only the first release
	 * of a reservation returns its units.
	 * @param orderId the order
	 * @return {@code true} if this call returned units to the available stock
	 */
	public boolean cancel(UUID orderId) {
		return inTransaction(() -> {
			if (release(orderId)) {
				return true;
			}
			// ON CONFLICT DO NOTHING: a reservation committed meanwhile (or one already
			// released) keeps its row instead of failing the statement.
			int tombstones = this.jdbc.sql("""
					INSERT INTO reservations (order_id, status, released_at) VALUES (:orderId, 'RELEASED', now())
					ON CONFLICT (order_id) DO NOTHING""").param("orderId", orderId).update();
			// No tombstone: the order has a row. It may be a reservation that a
			// concurrent
			// request committed after the release above looked, which this statement
			// now sees.
			return tombstones == 0 && release(orderId);
		});
	}

	private List<ReservationLine> linesOf(UUID orderId) {
		return this.jdbc.sql("SELECT sku, quantity FROM reservation_lines WHERE order_id = :orderId ORDER BY line_no")
			.param("orderId", orderId)
			.query((rs, rowNum) -> new ReservationLine(rs.getString("sku"), rs.getInt("quantity")))
			.list();
	}

	private <T> T inTransaction(Supplier<T> work) {
		return Objects.requireNonNull(this.transactions.execute((status) -> work.get()));
	}

	/**
	 * Outcome of {@link #reserve}.
	 *
	 * @param reservation the order's reservation
	 * @param created {@code true} if this call made it, {@code false} if it existed and
	 * the call repeated it
	 */
	public record ReservationResult(Reservation reservation, boolean created) {

	}

}
