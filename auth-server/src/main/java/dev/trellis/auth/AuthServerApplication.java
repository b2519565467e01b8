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
package dev.trellis.auth;

import dev.trellis.auth.keys.KeyRotation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The authorization server: issues the platform's OAuth2 access tokens and OpenID Connect
 * ID tokens as JWTs signed with persistent, rotatable keys.
 * <p>
 * {@code --trellis.auth.keys.rotate} on the command line rotates the signing keys and
 * exits instead of starting the server (see {@link KeyRotation}).
 *
 * @author Trellis
 */
@SpringBootApplication
public class AuthServerApplication {

	public static void main(String[] args) {
		if (KeyRotation.isRequested(args)) {
			KeyRotation.rotate(args);
			return;
		}
		SpringApplication.run(AuthServerApplication.class, args);
	}

}
