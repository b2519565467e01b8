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

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;
import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every catalog instance killed with SIGKILL: order-service prices what it has seen at
 * the last known price, refuses what it has never seen with 503 and {@code Retry-After},
 * and goes back to live prices once the catalog is back.
 *
 * @author Trellis
 */
@PlatformTest
@Order(12)
class CatalogOutageIT {

	/** A product order-service has seen: the outage test prices it first. */
	private static final String SEEN = "TRL-TEE-001";

	/** A product order-service has never priced: the test makes sure of it. */
	private static final String UNSEEN = "TRL-TEE-002";

	@BeforeAll
	static void warmUp(Platform platform, PlatformHttp http) throws InterruptedException {
		new Shop(platform, http).awaitWarm();
	}

	@Test
	void killedCatalogMeansLastKnownPricesOrRetryAfterThenLivePricesAgain(Platform platform, PlatformHttp http)
			throws Exception {
		Shop shop = new Shop(platform, http);
		HttpResponse<String> live = shop.quote(Shop.lines(SEEN, 2));
		assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
		assertThat(priceSource(live)).isEqualTo("LIVE");
		forgetPrice(platform, UNSEEN);
		// The running instances only: earlier tests leave stopped ones in the list.
		List<AppProcess> catalog = platform.instances("catalog-service").stream().filter(AppProcess::isAlive).toList();
		catalog.forEach(AppProcess::kill);
		try {
			HttpResponse<String> lastKnown = shop.quote(Shop.lines(SEEN, 2));
			assertThat(lastKnown.statusCode()).as(lastKnown.body()).isEqualTo(200);
			assertThat(priceSource(lastKnown)).isEqualTo("LAST_KNOWN");
			assertThat(total(lastKnown)).isEqualByComparingTo(total(live));

			shop.setStock(SEEN, 1000);
			HttpResponse<String> order = shop.placeOrder(Shop.lines(SEEN, 1));
			assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
			assertThat(Shop.status(order)).isEqualTo("CONFIRMED");
			assertThat(priceSource(order)).isEqualTo("LAST_KNOWN");

			HttpResponse<String> unknown = shop.quote(Shop.lines(UNSEEN, 1));
			OrderPlacementIT.assertProblem(unknown, 503);
			assertThat(unknown.headers().firstValue("Retry-After")).isPresent();
		}
		finally {
			// All at once: each waits for its own health.
			catalog.stream()
				.map((instance) -> CompletableFuture.runAsync(() -> platform.restart(instance)))
				.toList()
				.forEach(CompletableFuture::join);
		}
		assertThat(awaitLivePrice(shop)).isEqualTo("LIVE");
	}

	/**
	 * Quotes until the price is live again: the catalog's breaker in order-service closes
	 * once its wait in the open state is over and a trial call succeeds.
	 */
	private static String awaitLivePrice(Shop shop) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		String source;
		do {
			HttpResponse<String> quote = shop.quote(Shop.lines(UNSEEN, 1));
			source = (quote.statusCode() == 200) ? priceSource(quote) : "HTTP " + quote.statusCode();
			if ("LIVE".equals(source)) {
				return source;
			}
			Thread.sleep(500);
		}
		while (System.nanoTime() - deadline < 0);
		return source;
	}

	/**
	 * Removes a price from order-service's memory of catalog prices, straight in its
	 * database (the launcher's PostgreSQL trusts loopback connections): the data of
	 * earlier runs survives under .trellis/.
	 */
	private static void forgetPrice(Platform platform, String sku) throws Exception {
		String url = "jdbc:postgresql://localhost:" + platform.topology().component("postgres").defaultPort()
				+ "/orders";
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				PreparedStatement delete = connection.prepareStatement("DELETE FROM last_known_prices WHERE sku = ?")) {
			delete.setString(1, sku);
			delete.executeUpdate();
		}
	}

	private static String priceSource(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.lines[0].priceSource");
	}

	private static BigDecimal total(HttpResponse<String> response) {
		return new BigDecimal(JsonPath.<Object>read(response.body(), "$.total").toString());
	}

}
