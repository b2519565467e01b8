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
package dev.trellis.gateway.observability;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configuration of the gateway's request log and trace id header.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "trellis.web.request-log.enabled", matchIfMissing = true)
	RequestLogWebFilter requestLogWebFilter() {
		return new RequestLogWebFilter();
	}

}
