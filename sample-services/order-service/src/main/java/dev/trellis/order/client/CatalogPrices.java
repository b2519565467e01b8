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
package dev.trellis.order.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trellis.autoconfigure.resilience.DownstreamCalls;
import dev.trellis.order.domain.Price;
import dev.trellis.order.domain.PriceSource;
import dev.trellis.order.persistence.LastKnownPriceRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Prices of SKUs from catalog-service, through the catalog's time limit, bulkhead and
 * circuit breaker, with the last known price as the fallback.
 * <p>
 * Every live price is remembered ({@link LastKnownPriceRepository}). When the catalog
 * cannot answer, a SKU gets its last known price; once one SKU of a request had to fall
 * back, the rest of that request does not try the catalog again, so that one request
 * waits at most one catalog time limit.
 *
 * @author Trellis
 */
@Component
public class CatalogPrices {

	/**
	 * Name of the catalog in discovery, and of its circuit breaker.
	 */
	public static final String CATALOG_SERVICE = "catalog-service";

	private static final Log logger = LogFactory.getLog(CatalogPrices.class);

	private final CatalogClient catalog;

	private final DownstreamCalls downstreamCalls;

	private final LastKnownPriceRepository lastKnownPrices;

	CatalogPrices(CatalogClient catalog, DownstreamCalls downstreamCalls, LastKnownPriceRepository lastKnownPrices) {
		this.catalog = catalog;
		this.downstreamCalls = downstreamCalls;
		this.lastKnownPrices = lastKnownPrices;
	}

	/**
	 * Price each of the given SKUs.
	 * @param skus the SKUs
	 * @return the price of each SKU
	 * @throws UnknownSkusException if the catalog has no product for some of them
	 * @throws CatalogUnavailableException if the catalog cannot answer and no price is
	 * known for a SKU
	 */
	public Map<String, Price> prices(List<String> skus) {
		Map<String, Price> prices = new LinkedHashMap<>();
		List<String> unknown = new ArrayList<>();
		boolean catalogAvailable = true;
		for (String sku : skus) {
			if (prices.containsKey(sku) || unknown.contains(sku)) {
				continue;
			}
			Lookup lookup = catalogAvailable ? lookUp(sku) : new Lookup.Unavailable();
			if (lookup instanceof Lookup.Found found) {
				prices.put(sku, found.price());
			}
			else if (lookup instanceof Lookup.Unknown) {
				unknown.add(sku);
			}
			else {
				catalogAvailable = false;
				prices.put(sku, this.lastKnownPrices.find(sku).orElseThrow(() -> new CatalogUnavailableException(sku)));
			}
		}
		if (!unknown.isEmpty()) {
			throw new UnknownSkusException(unknown);
		}
		return prices;
	}

	private Lookup lookUp(String sku) {
		Lookup lookup = this.downstreamCalls.call(CATALOG_SERVICE, () -> {
			CatalogClient.Product product = this.catalog.product(sku);
			return new Lookup.Found(new Price(sku, product.price(), product.currency(), PriceSource.LIVE));
		}, (failure) -> {
			if (failure instanceof HttpClientErrorException clientError
					&& clientError.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
				return new Lookup.Unknown();
			}
			logger.warn("Catalog unavailable for " + sku + ", trying the last known price: " + failure);
			return new Lookup.Unavailable();
		});
		if (lookup instanceof Lookup.Found found) {
			this.lastKnownPrices.save(sku, found.price().unitPrice(), found.price().currency());
		}
		return lookup;
	}

	/**
	 * What the catalog said about one SKU.
	 */
	private sealed interface Lookup {

		record Found(Price price) implements Lookup {

		}

		record Unknown() implements Lookup {

		}

		record Unavailable() implements Lookup {

		}

	}

}
