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
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the access tokens the authorization server issues.
 *
 * @author Trellis
 */
@ConfigurationProperties("trellis.auth.access-token")
public class AccessTokenProperties {

	/**
	 * Audiences every access token names in its "aud" claim besides the client it was
	 * issued to: the APIs that accept it. Resource servers refuse a token that does not
	 * name theirs (spring.security.oauth2.resourceserver.jwt.audiences).
	 */
	private List<String> audiences = new ArrayList<>(List.of("trellis-api"));

	public List<String> getAudiences() {
		return this.audiences;
	}

	public void setAudiences(List<String> audiences) {
		this.audiences = audiences;
	}

}
