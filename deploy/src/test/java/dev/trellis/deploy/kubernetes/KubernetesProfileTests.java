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
package dev.trellis.deploy.kubernetes;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.trellis.deploy.AppConfiguration;
import dev.trellis.deploy.kubernetes.KubernetesFiles.Manifest;
import dev.trellis.launcher.ComponentSpec;
import dev.trellis.launcher.Platform;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code kubernetes} profile of {@code config-repo/} together with the
 * manifests: every address an app is given is a Service of the local overlay on that
 * port, and every app registers an address other pods can reach.
 *
 * @author Trellis authors
 */
class KubernetesProfileTests {

	/** Properties holding a URL or host:port list the apps connect to. */
	private static final List<String> ADDRESS_PROPERTIES = List.of("eureka.client.service-url.defaultZone",
			"spring.kafka.bootstrap-servers", "spring.datasource.url",
			"spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
			"spring.security.oauth2.client.provider.trellis.token-uri",
			"spring.security.oauth2.client.provider.trellis.jwk-set-uri");

	/** Variables of the containers holding a URL. */
	private static final List<String> ADDRESS_VARIABLES = List.of("CONFIG_SERVER_URL", "ZIPKIN_BASE_URL");

	private final List<ComponentSpec> apps = Workloads.apps();

	private final Kustomization local = Kustomization.load(KubernetesFiles.LOCAL);

	private final List<Manifest> localManifests = KubernetesFiles.resources(this.local);

	private final List<Service> localServices = KubernetesFiles.objects(this.localManifests, Service.class);

	@Test
	void theLocalOverlaySendsSpansToItsZipkin() {
		for (ComponentSpec app : this.apps) {
			if (AppConfiguration.isConfigClient(app)) {
				assertThat(environment(app)).as(app.name()).containsKey("ZIPKIN_BASE_URL");
			}
		}
	}

	@Test
	void everyAddressAnAppIsGivenIsAServiceOfTheLocalOverlay() {
		for (ComponentSpec app : this.apps) {
			List<String> addresses = addresses(app);
			assertThat(addresses).as(app.name() + " connects to something").isNotEmpty();
			assertThat(addresses).as(app.name()).allSatisfy(this::assertService);
		}
	}

	@Test
	void theGatewaysRedisIsAServiceOfTheLocalOverlay() {
		AppConfiguration gateway = configuration(app("gateway"));
		assertService(gateway.get("spring.data.redis.host").orElseThrow() + ":"
				+ gateway.get("spring.data.redis.port").orElseThrow());
	}

	@Test
	void eurekaClientsRegisterTheirPodAddress() {
		// A pod's host name does not resolve in the cluster; its IP is what callers (the
		// gateway, order-service, Prometheus) can reach.
		for (ComponentSpec app : this.apps) {
			AppConfiguration configuration = configuration(app);
			if (configuration.get("eureka.client.register-with-eureka").orElse("true").equals("false")) {
				continue;
			}
			assertThat(configuration.get("eureka.instance.prefer-ip-address")).as(app.name()).contains("true");
		}
	}

	@Test
	void tokensAreIssuedAndCheckedWithTheSameIssuer() {
		String issuer = configuration(app(Platform.AUTH_SERVER))
			.get("spring.security.oauth2.authorizationserver.issuer")
			.orElseThrow();
		for (ComponentSpec app : this.apps) {
			configuration(app).get("spring.security.oauth2.resourceserver.jwt.issuer-uri")
				.ifPresent((checked) -> assertThat(checked).as(app.name()).isEqualTo(issuer));
		}
	}

	private void assertService(String address) {
		String host = hostAndPort(address)[0];
		int port = Integer.parseInt(hostAndPort(address)[1]);
		assertThat(this.localServices).as(address + " is a Service of the local overlay").anySatisfy((service) -> {
			assertThat(service.getMetadata().getName()).isEqualTo(host);
			assertThat(service.getSpec().getPorts()).extracting((servicePort) -> servicePort.getPort()).contains(port);
		});
	}

	private List<String> addresses(ComponentSpec app) {
		List<String> addresses = new ArrayList<>();
		AppConfiguration configuration = configuration(app);
		for (String property : ADDRESS_PROPERTIES) {
			configuration.get(property).ifPresent((value) -> addresses.addAll(List.of(value.split(","))));
		}
		Map<String, String> environment = environment(app);
		ADDRESS_VARIABLES.stream().map(environment::get).filter((value) -> value != null).forEach(addresses::add);
		return addresses;
	}

	private static String[] hostAndPort(String address) {
		String url = address.startsWith("jdbc:") ? address.substring("jdbc:".length()) : address;
		if (!url.contains("://")) {
			return url.split(":");
		}
		URI uri = URI.create(url);
		int port = (uri.getPort() != -1) ? uri.getPort() : (uri.getScheme().equals("https") ? 443 : 80);
		return new String[] { uri.getHost(), Integer.toString(port) };
	}

	private AppConfiguration configuration(ComponentSpec app) {
		return AppConfiguration.of(app, Workloads.PROFILES).withEnvironment(environment(app));
	}

	private Map<String, String> environment(ComponentSpec app) {
		Container container = Workloads.appContainer(Workloads.deployment(this.localManifests, app));
		return Workloads.literalEnvironment(container, this.local);
	}

	private ComponentSpec app(String name) {
		Optional<ComponentSpec> app = this.apps.stream()
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst();
		return app.orElseThrow();
	}

}
