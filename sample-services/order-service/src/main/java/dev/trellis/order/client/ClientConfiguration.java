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

import dev.trellis.autoconfigure.client.ServiceClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP service clients of the services the order service calls, by their name in
 * discovery. The service starter's {@link ServiceClients} builds them on the
 * load-balanced RestClient, which carries this service's own token (client credentials)
 * and retries idempotent requests on the next instance.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

	@Bean
	CatalogClient catalogClient(ServiceClients clients) {
		return clients.create("catalog-service", CatalogClient.class);
	}

	@Bean
	InventoryClient inventoryClient(ServiceClients clients) {
		return clients.create("inventory-service", InventoryClient.class);
	}

}
