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
package dev.trellis.auth.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * {@link OAuth2TokenCustomizer} that adds the platform's API audiences to the {@code aud}
 * claim of every JWT access token, after the client id Spring Authorization Server puts
 * there. ID tokens keep the client id alone: they are for the client, not for an API.
 *
 * @author Trellis
 */
class AccessTokenAudienceCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final List<String> audiences;

	AccessTokenAudienceCustomizer(List<String> audiences) {
		this.audiences = List.copyOf(audiences);
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) || this.audiences.isEmpty()) {
			return;
		}
		context.getClaims().claims((claims) -> {
			Set<String> audience = new LinkedHashSet<>();
			if (claims.get(JwtClaimNames.AUD) instanceof Collection<?> existing) {
				existing.forEach((value) -> audience.add(value.toString()));
			}
			else if (claims.get(JwtClaimNames.AUD) instanceof String existing) {
				audience.add(existing);
			}
			audience.addAll(this.audiences);
			claims.put(JwtClaimNames.AUD, new ArrayList<>(audience));
		});
	}

}
