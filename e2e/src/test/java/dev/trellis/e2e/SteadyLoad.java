/*
 * Copyright 2026 the Trellis authors. Licensed under the Apache License, Version 2.0
 */
package dev.trellis.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.Platform;

/**
 * A steady stream of requests through the gateway at a fixed rate for a fixed time,
 * recording how each one ended. Bounded in count and time, loopback only.
 *
 * @author Trellis
 */
final class SteadyLoad {

	private final Supplier<CompletableFuture<HttpResponse<String>>> request;

	private final int expectedStatus;

	private final int requestsPerSecond;

	private final Duration duration;

	/**
	 * A load of GET requests, each expected to answer 200.
	 * @param http the client
	 * @param path the path through the gateway
	 * @param requestsPerSecond the rate
	 * @param duration how long
	 */
	SteadyLoad(PlatformHttp http, String path, int requestsPerSecond, Duration duration) {
		this(() -> http.gatewayAsync(path), 200, requestsPerSecond, duration);
	}

	/**
	 * A load of any request.
	 * @param request sends one request
	 * @param expectedStatus the status of a request that did not fail
	 * @param requestsPerSecond the rate
	 * @param duration how long
	 */
	SteadyLoad(Supplier<CompletableFuture<HttpResponse<String>>> request, int expectedStatus, int requestsPerSecond,
			Duration duration) {
		this.request = request;
		this.expectedStatus = expectedStatus;
		this.requestsPerSecond = requestsPerSecond;
		this.duration = duration;
	}

	/**
	 * Send the requests, running {@code action} once when {@code actionAfter} has passed.
	 * @param actionAfter when to run the action, from the first request
	 * @param action what to do to the platform meanwhile (a fault)
	 * @return the outcome of every request
	 */
	Result run(Duration actionAfter, Runnable action) throws Exception {
		long total = this.requestsPerSecond * this.duration.toSeconds();
		long periodMicros = 1_000_000L / this.requestsPerSecond;
		List<CompletableFuture<Outcome>> outcomes = Collections.synchronizedList(new ArrayList<>());
		ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
		long start = System.nanoTime();
		try {
			for (long i = 0; i < total; i++) {
				long at = i * periodMicros;
				scheduler.schedule(() -> outcomes.add(send(start)), at, TimeUnit.MICROSECONDS);
			}
			scheduler.schedule(action, actionAfter.toMillis(), TimeUnit.MILLISECONDS).get();
			scheduler.shutdown();
			scheduler.awaitTermination(this.duration.toSeconds() + 10, TimeUnit.SECONDS);
			CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		finally {
			scheduler.shutdownNow();
		}
		return new Result(outcomes.stream().map(CompletableFuture::join).toList());
	}

	/**
	 * Send the requests, killing an instance (SIGKILL) when {@code killAfter} has passed,
	 * and restart it afterwards on the same port, also when the run failed: the tests
	 * that follow need the platform as it was.
	 * @param killAfter when to kill, from the first request
	 * @param victim the instance to kill
	 * @param platform the platform that restarts it
	 * @return the outcome of every request, and whether the victim was down at the end
	 */
	KillResult runKillingAndRestarting(Duration killAfter, AppProcess victim, Platform platform) throws Exception {
		Result result;
		boolean killed;
		try {
			result = run(killAfter, victim::kill);
		}
		finally {
			killed = !victim.isAlive();
			platform.restart(victim);
		}
		return new KillResult(result, killed);
	}

	private CompletableFuture<Outcome> send(long start) {
		long sent = System.nanoTime();
		Function<Long, Long> sinceStart = (now) -> TimeUnit.NANOSECONDS.toMillis(now - start);
		return this.request.get()
			.thenApply((response) -> Outcome.of(sinceStart.apply(sent), response, this.expectedStatus))
			.exceptionally((ex) -> new Outcome(sinceStart.apply(sent), 0, null, ex.toString(), null));
	}

	/**
	 * How one request ended.
	 *
	 * @param sentAtMillis when it was sent, from the start of the load
	 * @param status the HTTP status, 0 when no response came
	 * @param instance the instance that served it
	 * @param error the error when no response came or it had another status than expected
	 * @param body the body of the response, {@code null} when none came
	 */
	record Outcome(long sentAtMillis, int status, String instance, String error, String body) {

		static Outcome of(long sentAtMillis, HttpResponse<String> response, int expectedStatus) {
			return new Outcome(sentAtMillis, response.statusCode(),
					response.headers().firstValue(PlatformHttp.INSTANCE_HEADER).orElse(null),
					(response.statusCode() == expectedStatus) ? null : response.body(), response.body());
		}

		boolean failed() {
			return this.error != null;
		}

	}

	/**
	 * The outcomes of a load run with a kill.
	 *
	 * @param result every request's outcome
	 * @param victimKilled whether the victim was not running at the end of the load (so
	 * the kill happened)
	 */
	record KillResult(Result result, boolean victimKilled) {

	}

	/**
	 * The outcomes of a load run.
	 *
	 * @param outcomes every request's outcome
	 */
	record Result(List<Outcome> outcomes) {

		List<Outcome> failures() {
			return this.outcomes.stream().filter(Outcome::failed).toList();
		}

		Map<String, Long> requestsPerInstance() {
			Map<String, Long> counts = new TreeMap<>();
			this.outcomes.stream()
				.filter((outcome) -> outcome.instance() != null)
				.forEach((outcome) -> counts.merge(outcome.instance(), 1L, Long::sum));
			return counts;
		}

		@Override
		public String toString() {
			return this.outcomes.size() + " requests, " + failures().size() + " failed, per instance "
					+ requestsPerInstance();
		}

	}

}
