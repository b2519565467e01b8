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

import java.util.Optional;
import java.util.UUID;

import dev.trellis.order.domain.Order;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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

}
