#!/usr/bin/env bash
# What the gateway's JWT check costs: gateway requests per second on the same route
# (GET /api/catalog/products/TRL-MUG-001) with and without the gateway checking the token,
# side by side in one run. Loopback only, bounded in time; stops what it started.
#
#   bench/jwt-cost.sh [rounds] [seconds-per-round] [concurrency]   (default 6 10 8)
#
# The platform runs with ./trellis up -d. Two extra gateway instances are started from the
# same jar with the same settings, except that the second one does not check tokens on
# /api/catalog/products/** (trellis.gateway.security.unchecked-paths): the client sends the
# same token to both and catalog-service checks it either way, so the difference is the
# gateway's check alone. Both get a rate limit far above the load (a property of this run
# only, on their command line). Rounds alternate between the two (after a warm-up of each),
# so that both see the same machine. Writes bench/reports/jwt-cost.md.
#
# Holds /tmp/trellis-platform.lock while it runs, like every user of the local platform.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${TRELLIS_BENCH_LOCKED:-}" != 1 ]]; then
	exec env TRELLIS_BENCH_LOCKED=1 flock /tmp/trellis-platform.lock "$0" "$@"
fi

rounds="${1:-6}"
seconds="${2:-10}"
concurrency="${3:-8}"
checked_port=18080
unchecked_port=18090
path=/api/catalog/products/TRL-MUG-001
report=bench/reports/jwt-cost.md
logs=.trellis/logs

if [[ -f .trellis/state.json ]] && TRELLIS_SKIP_BUILD=1 ./trellis status >/dev/null 2>&1; then
	echo "bench: Trellis is already running; run ./trellis down first" >&2
	exit 1
fi
for jar in gateway/target/gateway.jar launcher/target/trellis-launcher.jar; do
	[[ -f "$jar" ]] || { echo "bench: $jar is missing: ./mvnw -DskipTests package first" >&2; exit 1; }
done

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

TRELLIS_SKIP_BUILD=1 ./trellis up -d >/tmp/trellis-bench-jwt-up.log 2>&1 || { cat /tmp/trellis-bench-jwt-up.log >&2; exit 1; }
eval "$(TRELLIS_SKIP_BUILD=1 ./trellis env)"

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
start_gateway() {
	local port="$1" name="$2"
	shift 2
	"$java_cmd" -jar gateway/target/gateway.jar --server.port="$port" \
		--trellis.gateway.rate-limit.replenish-rate=1000000 --trellis.gateway.rate-limit.burst-capacity=1000000 \
		"$@" >"$logs/bench-$name.log" 2>&1 &
	pids+=("$!")
}
start_gateway "$checked_port" gateway-checked
start_gateway "$unchecked_port" gateway-unchecked "--trellis.gateway.security.unchecked-paths=/api/catalog/products/**"

token="$(TRELLIS_SKIP_BUILD=1 ./trellis token --scope catalog.read)"
for port in "$checked_port" "$unchecked_port"; do
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
# The run's limit applies (command line over config-repo), and the check differs:
curl -fsI -H "Authorization: Bearer $token" "http://localhost:$checked_port$path" | grep -qi '^X-RateLimit-Replenish-Rate: 1000000' ||
	{ echo "bench: the rate limit of the run was not applied" >&2; exit 1; }
[[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer not-a-token' "http://localhost:$checked_port$path")" == 401 ]] ||
	{ echo "bench: the checked gateway let a bad token through" >&2; exit 1; }
[[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer not-a-token' "http://localhost:$unchecked_port$path")" == 401 ]] ||
	{ echo "bench: catalog-service did not refuse a bad token sent through the unchecked gateway" >&2; exit 1; }

results="$("$java_cmd" bench/JwtCostLoad.java "$token" "$rounds" "$seconds" "$concurrency" \
	"checked=http://localhost:$checked_port$path" "unchecked=http://localhost:$unchecked_port$path")"

{
	echo "# JWT check cost at the gateway"
	echo
	echo "Gateway requests per second on \`GET $path\` with the gateway checking the bearer"
	echo "token (signature, issuer, expiry, audience, scope) and with the gateway forwarding it"
	echo "unchecked (\`trellis.gateway.security.unchecked-paths\`); catalog-service checks it in both."
	echo "Two gateway instances from the same jar, same settings, run side by side; $rounds rounds of"
	echo "${seconds} s each, alternating, after a warm-up round of each; $concurrency concurrent clients, keep-alive."
	echo
	echo "$results"
	echo
	echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), $("$java_cmd" -version 2>&1 | head -n 1)."
	echo "Everything (load generator, gateway, auth server, catalog-service, PostgreSQL, Redis) shares"
	echo "these cores: the figures compare the two gateways, they are not the platform's capacity."
	echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC')."
	echo
	echo "Repeat with:"
	echo
	echo '```bash'
	echo "./mvnw -q -DskipTests -pl '!e2e' package"
	echo "bench/jwt-cost.sh $rounds $seconds $concurrency"
	echo '```'
} >"$report"
cat "$report"
