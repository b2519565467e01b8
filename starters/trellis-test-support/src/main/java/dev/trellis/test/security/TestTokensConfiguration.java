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
package dev.trellis.test.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Test configuration that makes a service trust the tokens of {@link TestTokens} instead
 * of the auth server's: no auth server, no JWK set to fetch. Import it into a test with
 * {@code @Import(TestTokensConfiguration.class)} or use
 * {@link AutoConfigureTestTokens @AutoConfigureTestTokens}.
 *
 * @author Trellis
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestTokensConfiguration {

	@Bean
	JwtDecoder testTokensJwtDecoder() {
		return TestTokens.jwtDecoder();
	}

}
