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
package dev.trellis.order;

import dev.trellis.test.security.TestTokens;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

/**
 * Calls the order service's API over HTTP as a customer with a signed test token.
 *
 * @author Trellis
 */
final class OrdersClient {

	private final RestTestClient client;

	OrdersClient(int port) {
		// The JDK's client: Apache HttpClient, also on the classpath, would retry a 503
		// on its own after its Retry-After.
		this.client = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + port)
			.build();
	}

	RestTestClient client() {
		return this.client;
	}

	RestTestClientResponse place(String idempotencyKey, String body, String customer) {
		return RestTestClientResponse.from(this.client.post()
			.uri("/orders")
			.header("Authorization", "Bearer " + token(customer, "orders.write", "orders.read"))
			.header("Idempotency-Key", idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange());
	}

	RestTestClientResponse get(String uri, String customer) {
		return RestTestClientResponse.from(this.client.get()
			.uri(uri)
			.header("Authorization", "Bearer " + token(customer, "orders.read"))
			.exchange());
	}

	RestTestClientResponse cancel(String id, String customer) {
		return RestTestClientResponse.from(this.client.delete()
			.uri("/orders/" + id)
			.header("Authorization", "Bearer " + token(customer, "orders.write", "orders.read"))
			.exchange());
	}

	static String token(String customer, String... scopes) {
		return TestTokens.forClient(customer, scopes);
	}

	static String id(RestTestClientResponse response) {
		return new String(response.getExchangeResult().getResponseBodyContent()).replaceAll(".*\"id\":\"([^\"]+)\".*",
				"$1");
	}

}
