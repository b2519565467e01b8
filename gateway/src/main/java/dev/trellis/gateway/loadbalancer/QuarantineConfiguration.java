/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.gateway.loadbalancer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configuration of passive health checking: instances that refuse connections are skipped
 * for a while.
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "trellis.gateway.quarantine.enabled", matchIfMissing = true)
class QuarantineConfiguration {

	@Bean
	InstanceQuarantine instanceQuarantine(QuarantineProperties properties) {
		return new InstanceQuarantine(properties.getDuration());
	}

	@Bean
	QuarantineOnConnectFailureFilter quarantineOnConnectFailureFilter(InstanceQuarantine quarantine) {
		return new QuarantineOnConnectFailureFilter(quarantine);
	}

}
