/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.gateway.loadbalancer;

import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * {@link ServiceInstanceListSupplier} that leaves out instances in
 * {@link InstanceQuarantine quarantine}.
 *
 * @author Trellis
 */
public class QuarantineServiceInstanceListSupplier extends DelegatingServiceInstanceListSupplier {

	private final InstanceQuarantine quarantine;

	public QuarantineServiceInstanceListSupplier(ServiceInstanceListSupplier delegate, InstanceQuarantine quarantine) {
		super(delegate);
		this.quarantine = quarantine;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return getDelegate().get().map(this.quarantine::filter);
	}

}
