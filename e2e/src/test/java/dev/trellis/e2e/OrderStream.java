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
package dev.trellis.e2e;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded stream of orders for one SKU placed through the gateway by a fixed number of
 * clients at once, at most at a given rate, so that the gateway's rate limit per
 * principal (config-repo/gateway-local.yml: 40 requests/s per route) is kept rather than
 * tested. A request the gateway still answers 429 (its bucket shared with other requests
 * of the test) is sent again with the same idempotency key, as a client would; so is one
 * whose connection failed, which order-service's idempotency keys make safe. Quantities
 * cycle through 1, 2, 3.
 *
 * @author Trellis
 */
final class OrderStream {

	private final Shop shop;

	private final String sku;

	private final int count;

	private final ExecutorService clients;

	private final Pace pace;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicInteger placed = new AtomicInteger();

	private final AtomicInteger rateLimited = new AtomicInteger();

	private final List<Placed> orders = new ArrayList<>();

	private volatile boolean stopped;

	private OrderStream(Shop shop, String sku, int count, int concurrency, int perSecond) {
		this.shop = shop;
		this.sku = sku;
		this.count = count;
		this.clients = Executors.newFixedThreadPool(concurrency);
		this.pace = new Pace(perSecond);
		for (int i = 0; i < concurrency; i++) {
			this.clients.execute(this::placeUntilDone);
		}
		this.clients.shutdown();
	}

	/**
	 * Starts placing orders in the background.
	 * @param shop the shop
	 * @param sku the SKU of every order
	 * @param count how many orders
	 * @param concurrency how many orders at most are in flight at once
	 * @param perSecond how many orders at most are sent per second
	 * @return the running stream
	 */
	static OrderStream start(Shop shop, String sku, int count, int concurrency, int perSecond) {
		return new OrderStream(shop, sku, count, concurrency, perSecond);
	}

	static int quantity(int index) {
		return index % 3 + 1;
	}

	/**
	 * Returns how many orders have been answered so far.
	 * @return the count
	 */
	int placed() {
		return this.placed.get();
	}

	/**
	 * Waits until at least {@code count} orders have been answered.
	 * @param count the count
	 * @param timeout the longest wait
	 */
	void awaitPlaced(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (placed() < count && !this.clients.isTerminated()) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException(
						"Only " + placed() + " of " + count + " orders placed within " + timeout);
			}
			Thread.sleep(50);
		}
	}

	/**
	 * Stops sending further orders; those in flight complete.
	 */
	void stop() {
		this.stopped = true;
	}

	/**
	 * Waits for every order of the stream (or, once {@link #stop() stopped}, those sent).
	 * @param timeout the longest wait
	 * @return the orders in the order their answers came
	 */
	List<Placed> await(Duration timeout) throws InterruptedException {
		if (!this.clients.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.clients.shutdownNow();
			throw new IllegalStateException("Orders still in flight after " + timeout + ": " + placed() + " placed");
		}
		synchronized (this.orders) {
			return List.copyOf(this.orders);
		}
	}

	/**
	 * Returns how many requests the gateway answered 429 and were sent again.
	 * @return the count
	 */
	int rateLimited() {
		return this.rateLimited.get();
	}

	private void placeUntilDone() {
		int index;
		while (!this.stopped && (index = this.next.getAndIncrement()) < this.count) {
			Placed order = place(index);
			synchronized (this.orders) {
				this.orders.add(order);
			}
			this.placed.incrementAndGet();
		}
	}

	private Placed place(int index) {
		String key = UUID.randomUUID().toString();
		int quantity = quantity(index);
		String body = Shop.lines(this.sku, quantity);
		Instant sentAt = null;
		String failure = null;
		for (int attempt = 1; attempt <= 20; attempt++) {
			try {
				this.pace.await();
				if (sentAt == null) {
					sentAt = Instant.now();
				}
				HttpResponse<String> response = this.shop.placeOrder(key, body);
				if (response.statusCode() == 429) {
					this.rateLimited.incrementAndGet();
					Thread.sleep(200);
					continue;
				}
				return Placed.of(quantity, sentAt, response);
			}
			catch (UncheckedIOException ex) {
				failure = ex.getMessage();
				sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = "interrupted";
				break;
			}
		}
		return new Placed(null, quantity, sentAt, 0, failure, null);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One order as its placement was answered.
	 *
	 * @param id the order id, {@code null} when it was not accepted
	 * @param quantity the units ordered
	 * @param sentAt when it was first sent
	 * @param httpStatus the status of the answer, 0 when none came
	 * @param body the answer, or what went wrong
	 * @param status the order's status at placement, {@code null} when not accepted
	 */
	record Placed(String id, int quantity, Instant sentAt, int httpStatus, String body, String status) {

		static Placed of(int quantity, Instant sentAt, HttpResponse<String> response) {
			boolean accepted = response.statusCode() == 200 || response.statusCode() == 201;
			return new Placed(accepted ? Shop.id(response) : null, quantity, sentAt, response.statusCode(),
					response.body(), accepted ? Shop.status(response) : null);
		}

		boolean accepted() {
			return this.id != null;
		}

	}

	/**
	 * Spaces requests evenly: at most {@code perSecond} start per second, whichever
	 * client sends them.
	 */
	static final class Pace {

		private final long intervalNanos;

		private long next = System.nanoTime();

		Pace(int perSecond) {
			this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
		}

		void await() throws InterruptedException {
			long wait;
			synchronized (this) {
				long now = System.nanoTime();
				long at = Math.max(now, this.next);
				this.next = at + this.intervalNanos;
				wait = at - now;
			}
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
		}

	}

}
