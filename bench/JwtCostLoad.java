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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load generator of bench/jwt-cost.sh and bench/tracing-cost.sh: GETs each target in
 * alternating rounds with a fixed number of concurrent clients, and prints a Markdown
 * table of requests per second and latency per target. Loopback only; each round is
 * bounded in time and in requests.
 * <p>
 * {@code java [-Dbench.cost=<what the first target adds>] bench/JwtCostLoad.java <token> <rounds> <seconds> <concurrency> name=url...}
 * <p>
 * With two targets, the ratio line says what the first one's difference costs: "the
 * check" unless {@code bench.cost} names it.
 *
 * @author Trellis
 */
public final class JwtCostLoad {

	/** Upper bound of requests one client sends in one round. */
	private static final int MAX_REQUESTS_PER_CLIENT = 200_000;

	private JwtCostLoad() {
	}

	public static void main(String[] args) throws Exception {
		String token = args[0];
		int rounds = Integer.parseInt(args[1]);
		Duration round = Duration.ofSeconds(Long.parseLong(args[2]));
		int concurrency = Integer.parseInt(args[3]);
		Map<String, URI> targets = new LinkedHashMap<>();
		for (int i = 4; i < args.length; i++) {
			String[] target = args[i].split("=", 2);
			URI uri = URI.create(target[1]);
			if (!"localhost".equals(uri.getHost()) && !"127.0.0.1".equals(uri.getHost())) {
				throw new IllegalArgumentException("Loopback targets only: " + uri);
			}
			targets.put(target[0], uri);
		}
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		ExecutorService clients = Executors.newFixedThreadPool(concurrency);
		Map<String, Totals> totals = new LinkedHashMap<>();
		targets.keySet().forEach((name) -> totals.put(name, new Totals()));
		try {
			for (Map.Entry<String, URI> target : targets.entrySet()) {
				// Warm-up, not counted: JIT, connection pools, key set fetched and cached.
				run(client, clients, target.getValue(), token, concurrency, round);
			}
			for (int i = 0; i < rounds; i++) {
				for (Map.Entry<String, URI> target : targets.entrySet()) {
					Round result = run(client, clients, target.getValue(), token, concurrency, round);
					totals.get(target.getKey()).add(result);
					System.err.printf(Locale.ROOT, "round %d %s: %.0f req/s, %d errors%n", i + 1, target.getKey(),
							result.perSecond(), result.errors);
				}
			}
		}
		finally {
			clients.shutdownNow();
		}
		print(totals);
	}

	private static Round run(HttpClient client, ExecutorService clients, URI uri, String token, int concurrency,
			Duration duration) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.GET()
			.build();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		List<Future<long[]>> futures = new ArrayList<>();
		int[] errors = new int[concurrency];
		for (int c = 0; c < concurrency; c++) {
			int index = c;
			futures.add(clients.submit(() -> {
				long[] latencies = new long[MAX_REQUESTS_PER_CLIENT];
				int n = 0;
				while (n < latencies.length && System.nanoTime() < deadline) {
					long sent = System.nanoTime();
					try {
						HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
						if (response.statusCode() != 200) {
							errors[index]++;
							continue;
						}
					}
					catch (java.io.IOException ex) {
						errors[index]++;
						continue;
					}
					latencies[n++] = System.nanoTime() - sent;
				}
				return Arrays.copyOf(latencies, n);
			}));
		}
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> future : futures) {
			all.add(future.get());
		}
		long elapsed = System.nanoTime() - start;
		long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Round(latencies, elapsed, Arrays.stream(errors).sum());
	}

	private static void print(Map<String, Totals> totals) {
		System.out.println("| gateway | requests | errors | req/s | p50 (ms) | p99 (ms) |");
		System.out.println("|---|---|---|---|---|---|");
		totals.forEach((name, total) -> System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.2f | %.2f |%n",
				name, total.requests(), total.errors, total.perSecond(), total.percentile(0.50), total.percentile(0.99)));
		List<Totals> values = new ArrayList<>(totals.values());
		if (values.size() == 2) {
			System.out.println();
			System.out.printf(Locale.ROOT,
					"Ratio %s / %s: %.2f of the throughput (%s costs %.0f%% of requests per second), "
							+ "p50 %+.2f ms, p99 %+.2f ms.%n",
					nameAt(totals, 0), nameAt(totals, 1), values.get(0).perSecond() / values.get(1).perSecond(),
					System.getProperty("bench.cost", "the check"),
					100 * (1 - values.get(0).perSecond() / values.get(1).perSecond()),
					values.get(0).percentile(0.50) - values.get(1).percentile(0.50),
					values.get(0).percentile(0.99) - values.get(1).percentile(0.99));
			System.out.println();
			System.out.println("Per round (req/s), in the order run:");
			System.out.println();
			for (int i = 0; i < values.get(0).rounds.size(); i++) {
				System.out.printf(Locale.ROOT, "- round %d: %s %.0f, %s %.0f%n", i + 1, nameAt(totals, 0),
						values.get(0).rounds.get(i).perSecond(), nameAt(totals, 1),
						values.get(1).rounds.get(i).perSecond());
			}
		}
	}

	private static String nameAt(Map<String, Totals> totals, int index) {
		return new ArrayList<>(totals.keySet()).get(index);
	}

	private record Round(long[] latencies, long elapsedNanos, int errors) {

		double perSecond() {
			return this.latencies.length / (this.elapsedNanos / 1e9);
		}

	}

	private static final class Totals {

		private final List<Round> rounds = new ArrayList<>();

		private int errors;

		void add(Round round) {
			this.rounds.add(round);
			this.errors += round.errors();
		}

		long requests() {
			return this.rounds.stream().mapToLong((round) -> round.latencies().length).sum();
		}

		double perSecond() {
			return requests() / (this.rounds.stream().mapToLong(Round::elapsedNanos).sum() / 1e9);
		}

		double percentile(double p) {
			long[] all = this.rounds.stream().flatMapToLong((round) -> Arrays.stream(round.latencies())).sorted().toArray();
			if (all.length == 0) {
				return Double.NaN;
			}
			return all[(int) Math.min(all.length - 1, Math.ceil(p * all.length) - 1)] / 1e6;
		}

	}

}
