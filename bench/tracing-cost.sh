#!/usr/bin/env bash
# What tracing costs: gateway-to-service requests per second on the same route
# (GET /api/catalog/products/TRL-MUG-001) with every request traced and reported to Zipkin
# (sampling 1.0) and with none (sampling 0.0), side by side in one run. Loopback only,
# bounded in time; stops what it started.
#
#   bench/tracing-cost.sh [rounds] [seconds-per-round] [concurrency]   (default 6 10 8)
#
# The platform runs with ./trellis up -d, Zipkin included (ZIPKIN_BASE_URL: every app
# exports spans). Two extra gateway instances are started from the same jar with the same
# settings, except management.tracing.sampling.probability: 1.0 for one, 0.0 for the other.
# catalog-service keeps the gateway's decision (the sampled flag of traceparent), so the
# whole request path is recorded and exported, or not at all; trace ids are created and
# propagated either way. Both get a rate limit far above the load (a property of this run
# only, on their command line), and the client sends the same token to both. Rounds
# alternate between the two (after a warm-up of each), so that both see the same machine.
# Zipkin's span counter (its /prometheus endpoint) checks that the sampling applied and
# counts what the run reported. Writes bench/reports/tracing-cost.md.
#
# Holds /tmp/trellis-platform.lock while it runs, like every user of the local platform,
# and builds the jars first (under the lock) when they are older than their sources.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${TRELLIS_BENCH_LOCKED:-}" != 1 ]]; then
	exec env TRELLIS_BENCH_LOCKED=1 flock /tmp/trellis-platform.lock "$0" "$@"
fi

rounds="${1:-6}"
seconds="${2:-10}"
concurrency="${3:-8}"
sampled_port=18180
unsampled_port=18190
path=/api/catalog/products/TRL-MUG-001
report=bench/reports/tracing-cost.md
logs=.trellis/logs
probe_requests=20

if [[ -f .trellis/state.json ]] && TRELLIS_SKIP_BUILD=1 ./trellis status >/dev/null 2>&1; then
	echo "bench: Trellis is already running; run ./trellis down first" >&2
	exit 1
fi

# Build when a jar is missing or older than its module, the starters or the parent pom
# (the check of ./trellis up, without the modules no application runs from).
stale=""
for module in launcher config-server discovery gateway auth-server sample-services/*; do
	[[ -f "$module/pom.xml" && -d "$module/src/main" ]] || continue
	if [[ "$module" == launcher ]]; then
		jar=launcher/target/trellis-launcher.jar
	else
		jar="$module/target/$(basename "$module").jar"
	fi
	if [[ ! -f "$jar" ]] ||
		[[ -n "$(find "$module/src/main" "$module/pom.xml" pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]] ||
		[[ -n "$(find starters \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" -print -quit 2>/dev/null)" ]]; then
		stale="$jar"
		break
	fi
done
if [[ -n "$stale" ]]; then
	echo "bench: $stale is missing or older than its sources: ./mvnw -o -q -DskipTests package -pl '!e2e,!deploy'" >&2
	./mvnw -o -q -DskipTests package -pl '!e2e,!deploy'
fi

pids=()
cleanup() {
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${pids[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	TRELLIS_SKIP_BUILD=1 ./trellis down >/dev/null 2>&1 || true
}
trap cleanup EXIT

TRELLIS_SKIP_BUILD=1 ./trellis up -d >/tmp/trellis-bench-tracing-up.log 2>&1 || { cat /tmp/trellis-bench-tracing-up.log >&2; exit 1; }
eval "$(TRELLIS_SKIP_BUILD=1 ./trellis env)"
[[ -n "${ZIPKIN_BASE_URL:-}" ]] || { echo "bench: the platform runs no Zipkin (no ZIPKIN_BASE_URL in ./trellis env)" >&2; exit 1; }

# Spans Zipkin's HTTP collector has received since it started.
zipkin_spans() {
	curl -fs --max-time 5 "$ZIPKIN_BASE_URL/prometheus" |
		awk '/^zipkin_collector_spans_total/ && /transport="http"/ { sum += $NF; found = 1 } END { if (found) printf "%d\n", sum }'
}
[[ -n "$(zipkin_spans)" ]] || { echo "bench: no span counter at $ZIPKIN_BASE_URL/prometheus" >&2; exit 1; }

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
start_gateway() {
	local port="$1" name="$2"
	shift 2
	"$java_cmd" -jar gateway/target/gateway.jar --server.port="$port" \
		--trellis.gateway.rate-limit.replenish-rate=1000000 --trellis.gateway.rate-limit.burst-capacity=1000000 \
		"$@" >"$logs/bench-$name.log" 2>&1 &
	pids+=("$!")
}
start_gateway "$sampled_port" gateway-sampled --management.tracing.sampling.probability=1.0
start_gateway "$unsampled_port" gateway-unsampled --management.tracing.sampling.probability=0.0

token="$(TRELLIS_SKIP_BUILD=1 ./trellis token --scope catalog.read)"
for port in "$sampled_port" "$unsampled_port"; do
	# Up when it routes: the catalog route needs the registry fetched (about 10 s).
	for _ in $(seq 1 180); do
		if curl -fs -o /dev/null --max-time 2 -H "Authorization: Bearer $token" "http://localhost:$port$path"; then
			break
		fi
		sleep 1
	done
	curl -fs -o /dev/null --max-time 2 -H "Authorization: Bearer $token" "http://localhost:$port$path" ||
		{ echo "bench: the gateway on port $port does not route $path" >&2; exit 1; }
done
# The run's limit applies (command line over config-repo):
curl -fsI -H "Authorization: Bearer $token" "http://localhost:$sampled_port$path" | grep -qi '^X-RateLimit-Replenish-Rate: 1000000' ||
	{ echo "bench: the rate limit of the run was not applied" >&2; exit 1; }

# The sampling differs: spans Zipkin receives for a few requests through each gateway.
# Brave reports every second; wait until the spans have arrived (or 15 s).
probe() {
	local port="$1" before
	before="$(zipkin_spans)"
	for _ in $(seq 1 "$probe_requests"); do
		curl -fs -o /dev/null --max-time 5 -H "Authorization: Bearer $token" "http://localhost:$port$path"
	done
	sleep 3
	for _ in $(seq 1 12); do
		(($(zipkin_spans) - before >= 2 * probe_requests)) && break
		sleep 1
	done
	echo $(($(zipkin_spans) - before))
}
sampled_probe="$(probe "$sampled_port")"
((sampled_probe >= 2 * probe_requests)) ||
	{ echo "bench: $probe_requests requests through the sampled gateway reported $sampled_probe spans" >&2; exit 1; }
unsampled_probe="$(probe "$unsampled_port")"
((unsampled_probe < probe_requests)) ||
	{ echo "bench: $probe_requests requests through the unsampled gateway reported $unsampled_probe spans" >&2; exit 1; }

spans_before="$(zipkin_spans)"
results="$("$java_cmd" -Dbench.cost=tracing bench/JwtCostLoad.java "$token" "$rounds" "$seconds" "$concurrency" \
	"sampling-1.0=http://localhost:$sampled_port$path" "sampling-0.0=http://localhost:$unsampled_port$path")"
sleep 3
spans_run=$(($(zipkin_spans) - spans_before))
dropped="$(curl -fs --max-time 5 "$ZIPKIN_BASE_URL/prometheus" |
	awk '/^zipkin_collector_spans_dropped_total/ && /transport="http"/ { sum += $NF } END { printf "%d\n", sum }')"

{
	echo "# Tracing cost at the gateway and the service behind it"
	echo
	echo "Gateway requests per second on \`GET $path\` (gateway → catalog-service) with every"
	echo "request traced and reported to Zipkin (\`management.tracing.sampling.probability=1.0\`) and with"
	echo "none (\`0.0\`). catalog-service keeps the gateway's decision, so the whole path is recorded or not;"
	echo "trace ids are created, propagated and logged in both. Two gateway instances from the same jar, same"
	echo "settings, run side by side; $rounds rounds of ${seconds} s each, alternating, after a warm-up round"
	echo "of each; $concurrency concurrent clients, keep-alive, the same token."
	echo
	echo "$results"
	echo
	echo "Zipkin (in-memory store, its own JVM on the same cores) received $spans_run spans during the run"
	echo "(warm-ups included; $dropped dropped since it started). Before the run, $probe_requests requests through"
	echo "each gateway reported $sampled_probe spans (sampling 1.0) and $unsampled_probe spans (sampling 0.0)."
	echo
	echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), $("$java_cmd" -version 2>&1 | head -n 1)."
	echo "Everything (load generator, gateways, auth server, catalog-service, PostgreSQL, Redis, Zipkin, the"
	echo "rest of the platform) shares these cores, and other work may have shared them during the run: the"
	echo "figures compare the two gateways, they are not the platform's capacity."
	echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC')."
	echo
	echo "Repeat with:"
	echo
	echo '```bash'
	echo "./mvnw -o -q -DskipTests package -pl '!e2e,!deploy'   # the script does it when a jar is out of date"
	echo "bench/tracing-cost.sh $rounds $seconds $concurrency"
	echo '```'
} >"$report"
cat "$report"
