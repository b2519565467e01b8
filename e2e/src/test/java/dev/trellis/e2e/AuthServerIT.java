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
package dev.trellis.e2e;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.Platform;
import dev.trellis.launcher.PlatformException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The authorization server of the launched platform: OIDC discovery, tokens for the
 * command-line client, refused scopes, and signing keys that survive a restart.
 *
 * @author Trellis
 */
@PlatformTest
@Order(8)
class AuthServerIT {

	@Test
	void publishesOpenIdDiscoveryWithItsIssuer(Platform platform, PlatformHttp http) {
		HttpResponse<String> response = http
			.get(platform.url("auth-server").resolve("/.well-known/openid-configuration"), null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.issuer")).isEqualTo("http://localhost:9000");
		assertThat((String) JsonPath.read(response.body(), "$.jwks_uri")).endsWith("/oauth2/jwks");
	}

	@Test
	void issuesATokenWithTheScopesAskedFor(Platform platform) {
		String token = platform.accessToken("catalog.read orders.write");
		String claims = part(token, 1);
		List<String> scopes = JsonPath.read(claims, "$.scope");
		assertThat(scopes).containsExactlyInAnyOrder("catalog.read", "orders.write");
		assertThat((String) JsonPath.read(claims, "$.iss")).isEqualTo("http://localhost:9000");
	}

	@Test
	void withoutScopesTheCommandLineClientGetsEveryScopeOfThePlatform(Platform platform) {
		List<String> scopes = JsonPath.read(part(platform.accessToken(""), 1), "$.scope");
		assertThat(scopes).containsExactlyInAnyOrder("catalog.read", "catalog.write", "orders.read", "orders.write",
				"inventory.read", "inventory.write", "inventory.reserve", "notifications.read");
	}

	@Test
	void refusesAScopeTheClientDoesNotHave(Platform platform) {
		assertThatExceptionOfType(PlatformException.class)
			.isThrownBy(() -> platform.accessToken("catalog.read admin.everything"))
			.withMessageContaining("invalid_scope");
	}

	@Test
	void restartKeepsTheSigningKeySoIssuedTokensStayValid(Platform platform, PlatformHttp http) {
		String before = platform.accessToken("catalog.read");
		String keyId = JsonPath.read(part(before, 0), "$.kid");
		AppProcess authServer = platform.process("auth-server");
		platform.restart(authServer);
		HttpResponse<String> jwks = http.get(platform.url("auth-server").resolve("/oauth2/jwks"), null, null);
		List<String> published = JsonPath.read(jwks.body(), "$.keys[*].kid");
		assertThat(published).contains(keyId);
		String after = platform.accessToken("catalog.read");
		assertThat((String) JsonPath.read(part(after, 0), "$.kid")).isEqualTo(keyId);
	}

	private static String part(String jwt, int index) {
		return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
	}

}
