#!/usr/bin/env bash
# HTTP model client benchmark (issue 4): wrk (the anchor) and shadowd's client (shadow-httpbench: records encoded in
# the model's protocol, batches of 512, 4 in flight, answers decoded) against the same instant server with the same
# number of connections, in this run. Servers: a C epoll responder (scripts/bench/responder.c) and
# shadow-testserver --instant. Prints requests/s for both and the ratio, the client's added p50 latency (one
# connection, one request at a time: our p50 minus wrk's p50 on the same server), and RSS over the run.
#   scripts/bench-http.sh [--smoke] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
requests=1000000; seconds=5
if [ "${1:-}" = "--smoke" ]; then requests=100000; seconds=2; shift; fi
conns="${1:-32}"
command -v wrk >/dev/null || { echo "wrk is missing (scripts/ensure-deps.sh installs it)" >&2; exit 1; }
if [ -z "${BIN:-}" ]; then   # BIN=folder uses binaries built elsewhere
    swift build -c release --product shadow-httpbench >&2
    swift build -c release --product shadow-testserver >&2
fi
bin="${BIN:-.build/release}"
work=$(mktemp -d /tmp/shadowd-bench-http.XXXXXX)
gcc -O2 -o "$work/responder" scripts/bench/responder.c
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
start() {  # start NAME CMD… → sets port
    "${@:2}" > "$work/$1.port" 2>/dev/null &
    pids+=($!)
    for _ in $(seq 100); do grep -q listening "$work/$1.port" 2>/dev/null && break; sleep 0.05; done
    port=$(awk '/listening/ {print $2}' "$work/$1.port")
}
wrk_rate() { wrk -t1 -c"$2" -d"${seconds}s" -s scripts/bench/wrk_post.lua "http://127.0.0.1:$1/invocations" \
    | awk '/Requests\/sec/ {printf "%d\n", $2}'; }
wrk_p50() { wrk -t1 -c1 -d"${seconds}s" --latency -s scripts/bench/wrk_post.lua "http://127.0.0.1:$1/invocations" \
    | python3 -c "
import re, sys
for line in sys.stdin:
    m = re.match(r'\s+50%\s+([\d.]+)(us|ms|s)\s*$', line)
    if m: print(float(m.group(1)) * {'us': 1, 'ms': 1e3, 's': 1e6}[m.group(2)])"; }
ours() { "$bin/shadow-httpbench" --url "http://127.0.0.1:$1/invocations" --protocol mlflow --connections "$2" "${@:3}"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }
row() { printf '%-48s %12s %12s %8s\n' "$@"; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)  connections: $conns  requests: $requests"
row "measure" "shadowd" "wrk" "ratio"
for server in responder testserver; do
    if [ $server = responder ]; then start responder "$work/responder" 0
    else start testserver "$bin/shadow-testserver" --instant; fi
    anchor=$(wrk_rate "$port" "$conns")
    ours "$port" "$conns" --requests "$requests" > "$work/ours.txt"
    rate=$(awk '/requests_per_s/ {print $2}' "$work/ours.txt")
    errors=$(awk '/^requests / {print $4}' "$work/ours.txt")
    row "requests/s vs $server (c=$conns)" "$rate" "$anchor" "$(ratio "$rate" "$anchor")"
    [ "$errors" = "0" ] || echo "  client errors: $errors" >&2
    [ $server != responder ] || rss=$(awk '/rss_kb/ {print "start " $3 " kB, middle " $5 " kB, end " $7 " kB"}' "$work/ours.txt")
    wrk1=$(wrk_p50 "$port")
    ours1=$(ours "$port" 1 --requests $((requests / 10)) --in-flight 1 | awk '/p50_us/ {print $2}')
    added=$(python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.1f}')" "$ours1" "$wrk1")
    row "p50 µs, 1 connection, vs $server" "$ours1" "$wrk1" "+$added µs"
    kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
done
echo "client RSS over $requests requests (responder run): $rss"
