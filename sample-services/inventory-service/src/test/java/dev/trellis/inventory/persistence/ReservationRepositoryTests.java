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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.trellis.inventory.domain.InsufficientStockException;
import dev.trellis.inventory.domain.Reservation;
import dev.trellis.inventory.domain.ReservationConflictException;
import dev.trellis.inventory.domain.ReservationLine;
import dev.trellis.inventory.domain.ReservationStatus;
import dev.trellis.inventory.domain.Stock;
import dev.trellis.inventory.domain.UnknownSkuException;
import dev.trellis.inventory.persistence.ReservationRepository.ReservationResult;
import dev.trellis.test.postgres.AutoConfigureEmbeddedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ReservationRepository} on a real PostgreSQL: reservations are all or
 * nothing, never oversell under concurrent requests, are idempotent per order, release
 * their units once, run in a savepoint inside a caller's transaction, and an order
 * cancelled before it was reserved can no longer be.
 * <p>
 * Not run in a test transaction: the repository commits its own, and concurrent requests
 * must see each other's commits as they would in production.
 *
 * @author Trellis
 */
@JdbcTest
@AutoConfigureEmbeddedPostgres
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import({ ReservationRepository.class, StockRepository.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ReservationRepositoryTests {

	private static final String MUG = "TST-MUG-001";

	private static final String TEE = "TST-TEE-001";

	private static final String CAP = "TST-CAP-001";

	@Autowired
	private ReservationRepository reservations;

	@Autowired
	private StockRepository stock;

	@Autowired
	private JdbcClient jdbc;

	private TransactionTemplate transactions;

	@Autowired
	void createTransactions(PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@BeforeEach
	void stockTestSkus() {
		this.jdbc.sql("DELETE FROM reservations").update();
		this.jdbc.sql("DELETE FROM stock WHERE sku LIKE 'TST-%'").update();
		this.stock.setAvailable(MUG, 10);
		this.stock.setAvailable(TEE, 3);
		this.stock.setAvailable(CAP, 1);
	}

	@Test
	void reserveTakesUnitsFromAvailableAndHoldsThemAsReserved() {
		UUID orderId = UUID.randomUUID();
		ReservationResult result = this.reservations.reserve(orderId,
				List.of(new ReservationLine(MUG, 2), new ReservationLine(TEE, 3)));
		assertThat(result.created()).isTrue();
		assertThat(result.reservation()).isEqualTo(new Reservation(orderId, ReservationStatus.RESERVED,
				List.of(new ReservationLine(MUG, 2), new ReservationLine(TEE, 3))));
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 8, 2));
		assertThat(stockOf(TEE)).isEqualTo(new Stock(TEE, 0, 3));
		assertThat(this.reservations.findByOrderId(orderId)).hasValue(result.reservation());
	}

	@Test
	void reserveAddsUpLinesOfTheSameSkuAndKeepsTheLinesAsSent() {
		UUID orderId = UUID.randomUUID();
		List<ReservationLine> lines = List.of(new ReservationLine(TEE, 2), new ReservationLine(MUG, 1),
				new ReservationLine(TEE, 1));
		this.reservations.reserve(orderId, lines);
		assertThat(stockOf(TEE)).isEqualTo(new Stock(TEE, 0, 3));
		assertThat(this.reservations.findByOrderId(orderId))
			.hasValueSatisfying((reservation) -> assertThat(reservation.lines()).containsExactlyElementsOf(lines));
	}

	@Test
	void reserveOfMoreThanAvailableReservesNoLineAndNamesTheShortSkus() {
		UUID orderId = UUID.randomUUID();
		List<ReservationLine> lines = List.of(new ReservationLine(TEE, 4), new ReservationLine(MUG, 1),
				new ReservationLine(CAP, 2));
		assertThatExceptionOfType(InsufficientStockException.class)
			.isThrownBy(() -> this.reservations.reserve(orderId, lines))
			.satisfies((ex) -> assertThat(ex.getSkus()).containsExactly(CAP, TEE));
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 10, 0));
		assertThat(stockOf(TEE)).isEqualTo(new Stock(TEE, 3, 0));
		assertThat(stockOf(CAP)).isEqualTo(new Stock(CAP, 1, 0));
		assertThat(this.reservations.findByOrderId(orderId)).isEmpty();
	}

	@Test
	void reserveOfLinesOfOneSkuThatTogetherExceedItsStockReservesNothing() {
		UUID orderId = UUID.randomUUID();
		assertThatExceptionOfType(InsufficientStockException.class).isThrownBy(() -> this.reservations.reserve(orderId,
				List.of(new ReservationLine(TEE, 2), new ReservationLine(TEE, 2))));
		assertThat(stockOf(TEE)).isEqualTo(new Stock(TEE, 3, 0));
	}

	@Test
	void reserveOfUnknownSkuReservesNothingAndNamesIt() {
		UUID orderId = UUID.randomUUID();
		assertThatExceptionOfType(UnknownSkuException.class)
			.isThrownBy(() -> this.reservations.reserve(orderId,
					List.of(new ReservationLine(MUG, 1), new ReservationLine("TST-XXX-999", 1))))
			.satisfies((ex) -> assertThat(ex.getSkus()).containsExactly("TST-XXX-999"));
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 10, 0));
		assertThat(this.reservations.findByOrderId(orderId)).isEmpty();
	}

	@Test
	void failedReservationLeavesTheOrderFreeToReserveLater() {
		UUID orderId = UUID.randomUUID();
		List<ReservationLine> lines = List.of(new ReservationLine(TEE, 5));
		assertThatExceptionOfType(InsufficientStockException.class)
			.isThrownBy(() -> this.reservations.reserve(orderId, lines));
		this.stock.setAvailable(TEE, 5);
		assertThat(this.reservations.reserve(orderId, lines).created()).isTrue();
		assertThat(stockOf(TEE)).isEqualTo(new Stock(TEE, 0, 5));
	}

	@Test
	void concurrentReservationsNeverOversell() throws Exception {
		this.stock.setAvailable(MUG, 5);
		List<Callable<Boolean>> requests = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			requests.add(() -> {
				try {
					return this.reservations.reserve(UUID.randomUUID(), List.of(new ReservationLine(MUG, 1))).created();
				}
				catch (InsufficientStockException ex) {
					return false;
				}
			});
		}
		List<Boolean> reserved = runConcurrently(requests);
		assertThat(reserved).filteredOn(Boolean::booleanValue).hasSize(5);
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 0, 5));
		assertThat(this.jdbc.sql("SELECT count(*) FROM reservations WHERE status = 'RESERVED'")
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

	@Test
	void concurrentReservationsOfTheSameSkusInOppositeOrderAllSucceed() throws Exception {
		this.stock.setAvailable(MUG, 100);
		this.stock.setAvailable(TEE, 100);
		List<Callable<Boolean>> requests = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			List<ReservationLine> lines = (i % 2 == 0)
					? List.of(new ReservationLine(MUG, 1), new ReservationLine(TEE, 1))
					: List.of(new ReservationLine(TEE, 1), new ReservationLine(MUG, 1));
			requests.add(() -> this.reservations.reserve(UUID.randomUUID(), lines).created());
		}
		assertThat(runConcurrently(requests)).containsOnly(true);
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 80, 20));
		assertThat(stockOf(TEE)).isEqualTo(new Stock(TEE, 80, 20));
	}

	@Test
	void sameOrderWithSameLinesAgainIsTheSameReservationAndTakesNothingMore() {
		UUID orderId = UUID.randomUUID();
		List<ReservationLine> lines = List.of(new ReservationLine(MUG, 2));
		ReservationResult first = this.reservations.reserve(orderId, lines);
		ReservationResult second = this.reservations.reserve(orderId, lines);
		assertThat(second.created()).isFalse();
		assertThat(second.reservation()).isEqualTo(first.reservation());
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 8, 2));
	}

	@Test
	void sameOrderWithTheSameQuantitiesInOtherLinesIsARepeat() {
		UUID orderId = UUID.randomUUID();
		this.reservations.reserve(orderId, List.of(new ReservationLine(MUG, 2), new ReservationLine(TEE, 1)));
		ReservationResult repeat = this.reservations.reserve(orderId,
				List.of(new ReservationLine(TEE, 1), new ReservationLine(MUG, 1), new ReservationLine(MUG, 1)));
		assertThat(repeat.created()).isFalse();
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 8, 2));
	}

	@Test
	void sameOrderWithOtherLinesIsAConflictAndChangesNothing() {
		UUID orderId = UUID.randomUUID();
		ReservationResult first = this.reservations.reserve(orderId, List.of(new ReservationLine(MUG, 2)));
		assertThatExceptionOfType(ReservationConflictException.class)
			.isThrownBy(() -> this.reservations.reserve(orderId, List.of(new ReservationLine(MUG, 3))))
			.satisfies((ex) -> assertThat(ex.getExisting()).isEqualTo(first.reservation()));
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 8, 2));
		assertThat(this.reservations.findByOrderId(orderId)).hasValue(first.reservation());
	}

	@Test
	void concurrentRequestsForTheSameOrderReserveOnce() throws Exception {
		UUID orderId = UUID.randomUUID();
		List<Callable<Boolean>> requests = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			requests.add(() -> this.reservations.reserve(orderId, List.of(new ReservationLine(MUG, 2))).created());
		}
		List<Boolean> created = runConcurrently(requests);
		assertThat(created).filteredOn(Boolean::booleanValue).hasSize(1);
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 8, 2));
	}

	@Test
	void releaseReturnsTheUnitsToAvailable() {
		UUID orderId = UUID.randomUUID();
		this.reservations.reserve(orderId, List.of(new ReservationLine(MUG, 2), new ReservationLine(MUG, 1)));
		assertThat(this.reservations.release(orderId)).isTrue();
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 10, 0));
		assertThat(this.reservations.findByOrderId(orderId)).hasValueSatisfying(
				(reservation) -> assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED));
	}

	@Test
	void secondReleaseReturnsNothing() {
		UUID orderId = UUID.randomUUID();
		this.reservations.reserve(orderId, List.of(new ReservationLine(MUG, 2)));
		this.reservations.release(orderId);
		assertThat(this.reservations.release(orderId)).isFalse();
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 10, 0));
	}

	@Test
	void concurrentReleasesReturnTheUnitsOnce() throws Exception {
		UUID orderId = UUID.randomUUID();
		this.reservations.reserve(orderId, List.of(new ReservationLine(MUG, 4)));
		List<Callable<Boolean>> requests = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			requests.add(() -> this.reservations.release(orderId));
		}
		assertThat(runConcurrently(requests)).filteredOn(Boolean::booleanValue).hasSize(1);
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 10, 0));
	}

	@Test
	void releaseOfOrderWithoutReservationReturnsNothing() {
		assertThat(this.reservations.release(UUID.randomUUID())).isFalse();
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 10, 0));
	}

	@Test
	void releasedReservationAskedForAgainStaysReleased() {
		UUID orderId = UUID.randomUUID();
		List<ReservationLine> lines = List.of(new ReservationLine(MUG, 2));
		this.reservations.reserve(orderId, lines);
		this.reservations.release(orderId);
		ReservationResult repeat = this.reservations.reserve(orderId, lines);
		assertThat(repeat.created()).isFalse();
		assertThat(repeat.reservation().status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 10, 0));
	}

	@Test
	void cancelReleasesTheReservationOnce() {
		UUID orderId = UUID.randomUUID();
		this.reservations.reserve(orderId, List.of(new ReservationLine(MUG, 2)));
		assertThat(this.reservations.cancel(orderId)).isTrue();
		assertThat(this.reservations.cancel(orderId)).isFalse();
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 10, 0));
		assertThat(this.reservations.findByOrderId(orderId))
			.hasValue(new Reservation(orderId, ReservationStatus.RELEASED, List.of(new ReservationLine(MUG, 2))));
	}

	@Test
	void cancelOfOrderWithoutReservationLeavesATombstone() {
		UUID orderId = UUID.randomUUID();
		assertThat(this.reservations.cancel(orderId)).isFalse();
		assertThat(this.reservations.findByOrderId(orderId))
			.hasValue(new Reservation(orderId, ReservationStatus.RELEASED, List.of()));
	}

	@Test
	void reservationOfOrderCancelledBeforehandIsAConflictAndTakesNothing() {
		UUID orderId = UUID.randomUUID();
		this.reservations.cancel(orderId);
		assertThatExceptionOfType(ReservationConflictException.class)
			.isThrownBy(() -> this.reservations.reserve(orderId, List.of(new ReservationLine(MUG, 1))))
			.satisfies((ex) -> assertThat(ex.getExisting().isTombstone()).isTrue());
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 10, 0));
	}

	@Test
	void concurrentReservationAndCancelNeverLeaveTheOrderHoldingUnits() throws Exception {
		for (int i = 0; i < 10; i++) {
			UUID orderId = UUID.randomUUID();
			runConcurrently(List.<Callable<Boolean>>of(() -> {
				try {
					return this.reservations.reserve(orderId, List.of(new ReservationLine(MUG, 1))).created();
				}
				catch (ReservationConflictException ex) {
					return false;
				}
			}, () -> this.reservations.cancel(orderId)));
			assertThat(this.reservations.findByOrderId(orderId)).hasValueSatisfying(
					(reservation) -> assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED));
		}
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 10, 0));
	}

	@Test
	void refusedReservationInsideATransactionRollsBackToItsSavepointAndTheTransactionGoesOn() {
		UUID refused = UUID.randomUUID();
		UUID reserved = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			assertThatExceptionOfType(InsufficientStockException.class).isThrownBy(() -> this.reservations
				.reserve(refused, List.of(new ReservationLine(MUG, 1), new ReservationLine(TEE, 4))));
			this.reservations.reserve(reserved, List.of(new ReservationLine(MUG, 1)));
		});
		assertThat(this.reservations.findByOrderId(refused)).isEmpty();
		assertThat(this.reservations.findByOrderId(reserved)).isPresent();
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 9, 1));
		assertThat(stockOf(TEE)).isEqualTo(new Stock(TEE, 3, 0));
	}

	@Test
	void reservationInsideATransactionRollsBackWithIt() {
		UUID orderId = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			this.reservations.reserve(orderId, List.of(new ReservationLine(MUG, 2)));
			status.setRollbackOnly();
		});
		assertThat(this.reservations.findByOrderId(orderId)).isEmpty();
		assertThat(stockOf(MUG)).isEqualTo(new Stock(MUG, 10, 0));
	}

	@Test
	void restockKeepsReservedUnits() {
		this.reservations.reserve(UUID.randomUUID(), List.of(new ReservationLine(MUG, 4)));
		assertThat(this.stock.setAvailable(MUG, 50)).isEqualTo(new Stock(MUG, 50, 4));
	}

	private Stock stockOf(String sku) {
		return this.stock.findBySku(sku).orElseThrow();
	}

	/**
	 * Run the requests on as many threads, all released at once, and return their
	 * results.
	 */
	private static <T> List<T> runConcurrently(List<Callable<T>> requests) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(requests.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> request : requests) {
				futures.add(executor.submit(() -> {
					start.await();
					return request.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
