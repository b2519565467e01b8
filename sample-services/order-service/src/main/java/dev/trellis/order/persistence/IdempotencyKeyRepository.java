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

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of placed orders: which order a caller's key stands for, and the hash
 * of the request body it was placed with.
 *
 * @author Trellis
 */
@Repository
public class IdempotencyKeyRepository {

	private final JdbcClient jdbc;

	public IdempotencyKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Find what a caller's key stands for.
	 * @param customer the caller
	 * @param key the idempotency key
	 * @return the stored key, if the caller used it before
	 */
	public Optional<StoredKey> find(String customer, String key) {
		return this.jdbc
			.sql("SELECT request_hash, order_id FROM idempotency_keys WHERE customer = ? AND idempotency_key = ?")
			.params(customer, key)
			.query((rs, row) -> new StoredKey(rs.getString("request_hash"), rs.getObject("order_id", UUID.class)))
			.optional();
	}

	/**
	 * Store a caller's key, in the transaction that stores its order.
	 * @param customer the caller
	 * @param key the idempotency key
	 * @param requestHash hash of the canonical request body
	 * @param orderId the order placed
	 * @throws org.springframework.dao.DuplicateKeyException if the caller used the key
	 * before (or a concurrent request just did)
	 */
	public void insert(String customer, String key, String requestHash, UUID orderId) {
		this.jdbc
			.sql("INSERT INTO idempotency_keys (customer, idempotency_key, request_hash, order_id, created_at)"
					+ " VALUES (?, ?, ?, ?, ?)")
			.params(customer, key, requestHash, orderId, Timestamp.from(Instant.now()))
			.update();
	}

	/**
	 * What an idempotency key stands for.
	 *
	 * @param requestHash hash of the canonical request body
	 * @param orderId the order placed with the key
	 */
	public record StoredKey(String requestHash, UUID orderId) {

	}

}
