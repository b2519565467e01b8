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
package dev.trellis.gateway.loadbalancer;

import java.net.ConnectException;

import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@link GlobalFilter} that puts the instance a request was balanced to into
 * {@link InstanceQuarantine quarantine} when connecting to it fails, so that the retry of
 * the request and the requests after it go elsewhere.
 *
 * @author Trellis
 */
public class QuarantineOnConnectFailureFilter implements GlobalFilter, Ordered {

	/**
	 * Right after the load balancer filter has picked the instance.
	 */
	public static final int ORDER = ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;

	private final InstanceQuarantine quarantine;

	public QuarantineOnConnectFailureFilter(InstanceQuarantine quarantine) {
		this.quarantine = quarantine;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return chain.filter(exchange).doOnError((ex) -> {
			if (isConnectFailure(ex)) {
				Response<ServiceInstance> response = exchange
					.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
				if (response != null && response.hasServer()) {
					this.quarantine.quarantine(response.getServer());
				}
			}
		});
	}

	private static boolean isConnectFailure(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
