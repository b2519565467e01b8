#!/usr/bin/env bash
# Measures how fast the platform starts with ./trellis up -d (jars already built) and how
# much memory it holds once idle. Loopback only; stops what it started.
#
#   bench/startup.sh [runs]        (default 3 runs)
#
# For each run: seconds from `./trellis up -d` to its return (every app healthy and the
# gateway routing to every service), seconds to the first 200 through the gateway, and the
# resident memory of every platform process and its children after 30 s idle.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"

if [[ -f .trellis/state.json ]] && ./trellis status >/dev/null 2>&1; then
	echo "bench: Trellis is already running; run ./trellis down first" >&2
	exit 1
fi
./mvnw -q -DskipTests -pl '!e2e' package # every jar up to date, outside the timing

rss_mb() {
	# Sum of RSS over the recorded processes and all their descendants.
	python3 - <<'PY'
import json, subprocess
state = json.load(open('.trellis/state.json'))
roots = set()
for p in state['processes']:
    roots.add(p['pid'])
    if p.get('serverPid'):
        roots.add(p['serverPid'])
rows = [l.split() for l in subprocess.run(['ps', '-eo', 'pid=,ppid=,rss='], capture_output=True, text=True).stdout.splitlines()]
children = {}
rss = {}
for pid, ppid, r in rows:
    children.setdefault(int(ppid), []).append(int(pid))
    rss[int(pid)] = int(r)
seen = set()
stack = list(roots)
while stack:
    pid = stack.pop()
    if pid in seen or pid not in rss:
        continue
    seen.add(pid)
    stack.extend(children.get(pid, []))
print(round(sum(rss[p] for p in seen) / 1024))
PY
}

printf '| run | up -d returned (s) | first 200 via gateway (s) | RSS idle (MB) |\n|---|---|---|---|\n'
for run in $(seq 1 "$runs"); do
	start=$(date +%s.%N)
	(
		# First 200 through the gateway, polled every 100 ms while up -d runs.
		until curl -fs -o /dev/null --max-time 2 "http://localhost:8080/api/catalog/products?size=1"; do sleep 0.1; done
		date +%s.%N >/tmp/trellis-bench-first-200
	) &
	poller=$!
	TRELLIS_SKIP_BUILD=1 ./trellis up -d >/tmp/trellis-bench-up.log 2>&1 || { kill "$poller"; cat /tmp/trellis-bench-up.log >&2; exit 1; }
	up=$(date +%s.%N)
	wait "$poller"
	first=$(cat /tmp/trellis-bench-first-200)
	sleep 30
	rss=$(rss_mb)
	TRELLIS_SKIP_BUILD=1 ./trellis down >/dev/null
	awk -v run="$run" -v start="$start" -v up="$up" -v first="$first" -v rss="$rss" \
		'BEGIN { printf "| %d | %.1f | %.1f | %s |\n", run, up - start, first - start, rss }'
done
