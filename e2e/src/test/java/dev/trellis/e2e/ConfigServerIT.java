/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.e2e;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.trellis.launcher.Credentials;
import dev.trellis.launcher.Platform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The config server serves configuration only to clients with credentials.
 *
 * @author Trellis
 */
@PlatformTest
@Order(3)
class ConfigServerIT {

	@Test
	void refusesClientsWithoutCredentials(Platform platform, PlatformHttp http) {
		HttpResponse<String> response = http.get(catalogLocal(platform), null, null);
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void refusesAWrongPassword(Platform platform, PlatformHttp http) {
		HttpResponse<String> response = http.get(catalogLocal(platform), platform.credentials().configServerUser(),
				"not-the-password");
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void servesTheCatalogServiceLocalProfileWithCredentials(Platform platform, PlatformHttp http) {
		Credentials credentials = platform.credentials();
		HttpResponse<String> response = http.get(catalogLocal(platform), credentials.configServerUser(),
				credentials.configServerPassword());
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> sources = JsonPath.read(response.body(), "$.propertySources[*].name");
		assertThat(sources).anyMatch((name) -> name.endsWith("catalog-service-local.yml"))
			.anyMatch((name) -> name.contains("config-repo/application.yml"));
		List<String> urls = JsonPath.read(response.body(), "$.propertySources[*].source['spring.datasource.url']");
		assertThat(urls).contains("jdbc:postgresql://localhost:15432/catalog");
	}

	@Test
	void servesCipherValuesDecrypted(Platform platform, PlatformHttp http) {
		Credentials credentials = platform.credentials();
		HttpResponse<String> response = http.get(platform.url("config-server").resolve("/auth-server/local"),
				credentials.configServerUser(), credentials.configServerPassword());
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> passwords = JsonPath.read(response.body(),
				"$.propertySources[?(@.name =~ /.*auth-server-local.yml/)].source['trellis.auth.keys.password']");
		assertThat(passwords).isNotEmpty()
			.allSatisfy((password) -> assertThat(password).isNotBlank().doesNotStartWith("{cipher}"));
	}

	@Test
	void encryptsOnlyForTheAdministrator(Platform platform, PlatformHttp http) {
		Credentials credentials = platform.credentials();
		URI encrypt = platform.url("config-server").resolve("/encrypt");
		assertThat(http.post(encrypt, "value", null, null).statusCode()).isEqualTo(401);
		assertThat(http.post(encrypt, "value", credentials.configServerUser(), credentials.configServerPassword())
			.statusCode()).isEqualTo(403);
		HttpResponse<String> encrypted = http.post(encrypt, "value",
				credentials.get(Credentials.CONFIG_SERVER_ADMIN_USER),
				credentials.get(Credentials.CONFIG_SERVER_ADMIN_PASSWORD));
		assertThat(encrypted.statusCode()).isEqualTo(200);
		assertThat(encrypted.body()).isNotBlank().doesNotContain("value");
	}

	private static URI catalogLocal(Platform platform) {
		return platform.url("config-server").resolve("/catalog-service/local");
	}

}
