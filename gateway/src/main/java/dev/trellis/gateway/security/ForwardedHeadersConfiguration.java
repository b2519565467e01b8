/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.gateway.security;

import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configuration of the forwarding headers the gateway passes on to services.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeadersConfiguration {

	@Bean
	UntrustedForwardedHeadersFilter untrustedForwardedHeadersFilter(GatewayProperties properties) {
		return new UntrustedForwardedHeadersFilter(properties.getTrustedProxies());
	}

}
