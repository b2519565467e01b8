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
package dev.trellis.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.trellis.gateway.error.ProblemDetailWriter;
import io.netty.channel.ChannelOption;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.http.client.HttpClient;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Configuration of the gateway's security: bearer JWTs on {@code /api/**} with the scopes
 * of {@link GatewaySecurityProperties} for API clients, browser login (OAuth2
 * authorization code with PKCE) with a session for browsers, anonymous health, info and
 * OIDC discovery.
 * <p>
 * Four filter chains, the first that matches a request decides:
 * <ol>
 * <li>actuator endpoints other than health and info: the operator credential (HTTP
 * basic), see {@link OpsEndpointsSecurityConfiguration};</li>
 * <li>paths listed in {@code unchecked-paths}: forwarded without looking at the token
 * (the service checks it);</li>
 * <li>a request with an {@code Authorization} header: a resource server request,
 * stateless, answered 401/403 problem JSON when the token is not good enough;</li>
 * <li>everything else: a browser, with a session once signed in. Without one it is sent
 * to the auth server's login if it asks for HTML, and answered 401 problem JSON
 * otherwise.</li>
 * </ol>
 *
 * @author Trellis
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Log logger = LogFactory.getLog(SecurityConfiguration.class);

	/**
	 * Requests that carry credentials of their own: resource server requests.
	 */
	private static final ServerWebExchangeMatcher AUTHORIZATION_HEADER = (
			exchange) -> exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
					? MatchResult.match() : MatchResult.notMatch();

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityWebFilterChain uncheckedPathsSecurityWebFilterChain(ServerHttpSecurity http,
			GatewaySecurityProperties properties) {
		List<String> paths = properties.getUncheckedPaths();
		ServerWebExchangeMatcher matcher = paths.isEmpty() ? (exchange) -> MatchResult.notMatch()
				: ServerWebExchangeMatchers.pathMatchers(paths.toArray(String[]::new));
		if (!paths.isEmpty()) {
			logger.warn("The gateway does not check tokens on " + paths + ": only the services do");
		}
		return stateless(http.securityMatcher(matcher))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	SecurityWebFilterChain bearerTokenSecurityWebFilterChain(ServerHttpSecurity http,
			GatewaySecurityProperties properties, ProblemDetailWriter problemDetailWriter) {
		BearerTokenProblemHandler problems = new BearerTokenProblemHandler(problemDetailWriter);
		return stateless(http.securityMatcher(AUTHORIZATION_HEADER))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems)
				.jwt((jwt) -> {
				}))
			.authorizeExchange((exchanges) -> authorizeAll(exchanges, properties))
			.build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 3)
	SecurityWebFilterChain browserSecurityWebFilterChain(ServerHttpSecurity http, GatewaySecurityProperties properties,
			ProblemDetailWriter problemDetailWriter,
			ObjectProvider<ReactiveClientRegistrationRepository> clientRegistrations,
			@Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
		BearerTokenProblemHandler problems = new BearerTokenProblemHandler(problemDetailWriter);
		ServerAuthenticationEntryPoint entryPoint = problems;
		ReactiveClientRegistrationRepository registrations = clientRegistrations.getIfAvailable();
		if (registrations != null) {
			// PKCE even though trellis-web is a confidential client: an intercepted code
			// is
			// useless without the verifier (the auth server requires it for this client).
			DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(
					registrations);
			resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
			http.oauth2Login((login) -> login.authorizationRequestResolver(resolver));
			String loginUri = "/oauth2/authorization/" + properties.getLogin().getRegistrationId();
			DelegatingServerAuthenticationEntryPoint browsersToLogin = new DelegatingServerAuthenticationEntryPoint(
					new DelegateEntry(htmlRequests(), new RedirectServerAuthenticationEntryPoint(loginUri)));
			browsersToLogin.setDefaultEntryPoint(problems);
			entryPoint = browsersToLogin;
		}
		ServerAuthenticationEntryPoint browserEntryPoint = entryPoint;
		// A session cookie authenticates these requests: writes that send one need the
		// CSRF token. Without the cookie nothing could be forged: the request is
		// anonymous and answered 401.
		ServerWebExchangeMatcher sessionWrites = new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
				(exchange) -> exchange.getRequest().getCookies().containsKey(sessionCookie) ? MatchResult.match()
						: MatchResult.notMatch());
		return http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(sessionWrites)
				.accessDeniedHandler((exchange, denied) -> problemDetailWriter.write(exchange,
						ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
								"A session request that changes something needs a valid CSRF token."))))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(browserEntryPoint).accessDeniedHandler(problems))
			.authorizeExchange((exchanges) -> authorizeAll(exchanges, properties))
			.build();
	}

	/**
	 * No session, no saved request and no CSRF token: every request carries its
	 * credential, no cookie authenticates anything.
	 */
	private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()));
	}

	private static void authorizeAll(AuthorizeExchangeSpec exchanges, GatewaySecurityProperties properties) {
		exchanges.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			.pathMatchers("/actuator/**")
			.denyAll();
		for (GatewaySecurityProperties.Rule rule : properties.getRules()) {
			authorize(exchanges, rule);
		}
		// Secure by default: an API path without a rule is nobody's.
		exchanges.pathMatchers("/api/**").denyAll();
		// The rest is OIDC discovery, the login endpoints and paths no route serves
		// (404).
		exchanges.anyExchange().permitAll();
	}

	/** Requests from a browser: they accept HTML explicitly, not just anything. */
	private static ServerWebExchangeMatcher htmlRequests() {
		MediaTypeServerWebExchangeMatcher matcher = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
		matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return matcher;
	}

	private static void authorize(AuthorizeExchangeSpec exchanges, GatewaySecurityProperties.Rule rule) {
		String path = rule.getPath();
		Assert.hasText(path, "trellis.gateway.security.rules[].path must be set");
		Assert.isTrue(!rule.getScopes().isEmpty() && rule.getScopes().stream().allMatch(StringUtils::hasText),
				() -> "trellis.gateway.security.rules[].scopes must name at least one scope (rule for " + path + ": "
						+ rule.getScopes() + ")");
		String[] authorities = rule.getScopes().stream().map((scope) -> "SCOPE_" + scope).toArray(String[]::new);
		if (rule.getMethods().isEmpty()) {
			exchanges.pathMatchers(path).hasAnyAuthority(authorities);
		}
		for (HttpMethod method : rule.getMethods()) {
			exchanges.pathMatchers(method, path).hasAnyAuthority(authorities);
		}
	}

	/**
	 * Decoder of the auth server's RS256 tokens. The key set is fetched on the first
	 * token and cached for good; a token with a key id not in the cache makes the decoder
	 * fetch the set again (Spring Security's {@code ReactiveRemoteJWKSource}). So tokens
	 * signed with a known key keep working while the auth server is down.
	 * @param jwkSetUri where the auth server publishes its keys
	 * @param issuer the issuer every token must name
	 * @param audiences audiences of which every token must name one, none to not check
	 * the audience (as Spring Boot's own decoder)
	 * @param properties the timeouts of the key set request
	 * @return the decoder
	 */
	@Bean
	ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
			@Value("${spring.security.oauth2.resourceserver.jwt.audiences:}") List<String> audiences,
			GatewaySecurityProperties properties) {
		// Without timeouts a frozen auth server would hold every request with a new key
		// id for good.
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.getJwkSetConnectTimeout().toMillis())
			.responseTimeout(properties.getJwkSetReadTimeout());
		WebClient webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.webClient(webClient)
			.build();
		// Signature, exp and nbf (60 s clock skew), iss, and aud naming one of the
		// audiences: the checks Spring Boot's decoder makes in every service.
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtIssuerValidator(issuer));
		List<String> expected = audiences.stream().filter(StringUtils::hasText).toList();
		if (!expected.isEmpty()) {
			validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
					(aud) -> aud != null && aud.stream().anyMatch(expected::contains)));
		}
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
		return (token) -> decoder.decode(token).onErrorMap((ex) -> !(ex instanceof BadJwtException), (ex) -> {
			// Typically the key set cannot be fetched for an unknown key id: the token
			// cannot be verified, which is the client's 401, not the gateway's 500.
			logger.warn("Access token could not be verified: " + ex.getMessage());
			return new BadJwtException("The access token could not be verified.", ex);
		});
	}

}
