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
package dev.trellis.inventory.domain;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link Reservation} and {@link ReservationLine}.
 *
 * @author Trellis
 */
class ReservationTests {

	private final Reservation reservation = new Reservation(UUID.randomUUID(), ReservationStatus.RESERVED,
			List.of(new ReservationLine("TRL-MUG-001", 2), new ReservationLine("TRL-TEE-001", 1)));

	@Test
	void sameLinesInAnotherOrderHaveTheSameQuantities() {
		assertThat(this.reservation
			.hasSameQuantitiesAs(List.of(new ReservationLine("TRL-TEE-001", 1), new ReservationLine("TRL-MUG-001", 2))))
			.isTrue();
	}

	@Test
	void quantityOfASkuSplitAcrossLinesIsTheSameQuantity() {
		assertThat(this.reservation.hasSameQuantitiesAs(List.of(new ReservationLine("TRL-MUG-001", 1),
				new ReservationLine("TRL-TEE-001", 1), new ReservationLine("TRL-MUG-001", 1))))
			.isTrue();
	}

	@Test
	void otherQuantityIsNotTheSame() {
		assertThat(this.reservation
			.hasSameQuantitiesAs(List.of(new ReservationLine("TRL-MUG-001", 3), new ReservationLine("TRL-TEE-001", 1))))
			.isFalse();
	}

	@Test
	void missingSkuIsNotTheSame() {
		assertThat(this.reservation.hasSameQuantitiesAs(List.of(new ReservationLine("TRL-MUG-001", 2)))).isFalse();
	}

	@Test
	void totalsBySkuAddUpLinesAndSortBySku() {
		assertThat(ReservationLine.totalsBySku(List.of(new ReservationLine("TRL-TEE-001", 1),
				new ReservationLine("TRL-BAG-001", 2), new ReservationLine("TRL-TEE-001", 4))))
			.containsExactly(entry("TRL-BAG-001", 2), entry("TRL-TEE-001", 5));
	}

	@Test
	void releasedReservationWithoutLinesIsATombstone() {
		Reservation tombstone = new Reservation(UUID.randomUUID(), ReservationStatus.RELEASED, List.of());
		assertThat(tombstone.isTombstone()).isTrue();
		assertThat(tombstone.hasSameQuantitiesAs(List.of(new ReservationLine("TRL-MUG-001", 1)))).isFalse();
	}

	@Test
	void releasedReservationWithLinesIsNoTombstone() {
		assertThat(
				new Reservation(UUID.randomUUID(), ReservationStatus.RELEASED, this.reservation.lines()).isTombstone())
			.isFalse();
	}

	@Test
	void heldReservationWithoutLinesIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Reservation(UUID.randomUUID(), ReservationStatus.RESERVED, List.of()));
	}

	@Test
	void lineOfNoUnitsIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReservationLine("TRL-MUG-001", 0));
	}

}
