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

package dev.trellis.autoconfigure.service;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InstanceHeaderFilter}.
 *
 * @author Trellis
 */
class InstanceHeaderFilterTests {

	private final InstanceHeaderFilter filter = new InstanceHeaderFilter("X-Trellis-Instance",
			() -> "host1:catalog-service:8081");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final MockFilterChain chain = new MockFilterChain();

	@Test
	void headerNamesTheInstance() throws ServletException, IOException {
		this.filter.doFilter(new MockHttpServletRequest("GET", "/products"), this.response, this.chain);
		assertThat(this.response.getHeader("X-Trellis-Instance")).isEqualTo("host1:catalog-service:8081");
	}

	@Test
	void requestIsPassedOn() throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/products");
		this.filter.doFilter(request, this.response, this.chain);
		assertThat(this.chain.getRequest()).isSameAs(request);
		assertThat(this.chain.getResponse()).isSameAs(this.response);
	}

	@Test
	void headerIsSetOnErrorDispatch() throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setDispatcherType(DispatcherType.ERROR);
		this.filter.doFilter(request, this.response, this.chain);
		assertThat(this.response.getHeader("X-Trellis-Instance")).isEqualTo("host1:catalog-service:8081");
	}

	@Test
	void headerIsSetOnceWhenHeaderAlreadyPresent() throws ServletException, IOException {
		this.response.setHeader("X-Trellis-Instance", "stale");
		this.filter.doFilter(new MockHttpServletRequest("GET", "/products"), this.response, this.chain);
		assertThat(this.response.getHeaders("X-Trellis-Instance")).containsExactly("host1:catalog-service:8081");
	}

}
