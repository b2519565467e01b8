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
package dev.trellis.order.persistence;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import dev.trellis.order.domain.Order;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Spring Data JDBC repository of {@link Order orders}. New orders are inserted with
 * {@link org.springframework.data.jdbc.core.JdbcAggregateOperations#insert}, since they
 * come with their id.
 *
 * @author Trellis
 */
public interface OrderRepository extends ListCrudRepository<Order, UUID> {

	Optional<Order> findByIdAndCustomer(UUID id, String customer);

	Page<Order> findByCustomer(String customer, Pageable pageable);

	/**
	 * Move an order to another status if it is in one of the given statuses. The
	 * condition is checked on the row itself, so of two concurrent transitions (a
	 * reservation confirming a pending order, its customer cancelling it) only the one
	 * that finds the order still in a {@code from} status changes it.
	 * @param id the order's id
	 * @param from the statuses (names) the order may be in
	 * @param to the new status (name)
	 * @param reason the new reason, or {@code null} for none
	 * @return whether the order was changed
	 */
	@Modifying
	@Query("UPDATE orders SET status = :to, reason = :reason WHERE id = :id AND status IN (:from)")
	boolean transition(UUID id, Collection<String> from, String to, @Nullable String reason);

}
