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
package dev.trellis.autoconfigure.resilience;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import org.springframework.web.client.HttpClientErrorException;

/**
 * Tells which exceptions of a call to a downstream count as failures of that downstream
 * for its circuit breaker.
 * <p>
 * A 4xx answer is the downstream working as it should (a conflict, an unknown id): it is
 * not a failure. Everything else is: 5xx answers, timeouts, I/O errors, no instance to
 * call. Refusals by the bulkhead or an open breaker are neither failures nor successes,
 * since the call never reached the downstream; they are ignored.
 *
 * @author Trellis
 */
final class DownstreamFailures {

	private DownstreamFailures() {
	}

	static boolean isFailure(Throwable ex) {
		return !(ex instanceof HttpClientErrorException) && !isRefusal(ex);
	}

	static boolean isRefusal(Throwable ex) {
		return ex instanceof BulkheadFullException || ex instanceof CallNotPermittedException;
	}

}
