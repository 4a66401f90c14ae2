#!/usr/bin/env bash
# https model benchmark: wrk (the anchor, over TLS) and shadowd's https model (async-http-client, `connections`
# TLS connections, answers decoded) against the same TLS server in this run: stunnel4 with a throwaway certificate
# in front of shadow-testserver --instant. Ours is `shadowctl replay --local` with one https champion (mlflow,
# 10 features) over a generated log: the model's achieved requests/s as the replay reports it. Prints anchor, ours
# and the ratio.   scripts/bench-https.sh [--smoke] [CONNECTIONS]   (BIN=folder uses binaries built elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
records=200000; seconds=5
if [ "${1:-}" = "--smoke" ]; then records=20000; seconds=2; shift; fi
conns="${1:-32}"
for tool in wrk stunnel4 openssl; do
    command -v $tool >/dev/null || { echo "$tool is missing (scripts/ensure-deps.sh installs it)" >&2; exit 1; }
done
if [ -z "${BIN:-}" ]; then
    swift build -c release --product shadowctl >&2
    swift build -c release --product shadow-testserver >&2
fi
bin="${BIN:-.build/release}"
work=$(mktemp -d /tmp/shadowd-bench-https.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT
source scripts/https/tls-front.sh
scripts/https/make-certs.sh "$work"
"$bin/shadow-testserver" --instant > "$work/server.port" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do grep -q listening "$work/server.port" 2>/dev/null && break; sleep 0.05; done
start_tls_front bench "$(awk '/listening/ {print $2}' "$work/server.port")"
python3 scripts/bench/gen_traffic.py "$records" "$work/traffic.jsonl" 10
names=$(python3 -c 'print(", ".join(f"\"f{i:02d}\"" for i in range(10)))')
cat > "$work/bench.toml" <<TOML
[[models]]
name = "champion"
role = "champion"
kind = "http"
url = "https://127.0.0.1:$tls_port/invocations"
protocol = "mlflow"
connections = $conns
timeout_ms = 5000
ca_file = "$work/ca.pem"
features = [$names]

[compare]
task = "binary"

[store]
path = "$work/bench.db"
TOML

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)  connections: $conns  records: $records"
anchor=$(wrk -t1 -c"$conns" -d"${seconds}s" -s scripts/bench/wrk_post.lua "https://127.0.0.1:$tls_port/invocations" \
    | awk '/Requests\/sec/ {printf "%d\n", $2}')
"$bin/shadowctl" replay --local --quiet --json --config "$work/bench.toml" --db "$work/bench.db" "$work/traffic.jsonl" \
    > "$work/ours.json"
read -r ours errors < <(python3 -c "
import json, sys
s = json.load(open(sys.argv[1]))['summary']
m = s['models'][0]
print(int(m['requests'] / s['seconds']), m['errors'])" "$work/ours.json")
ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$ours" "$anchor")
printf '%-44s %12s %12s %8s\n' "measure" "anchor(wrk)" "ours" "ratio"
printf '%-44s %12s %12s %8s\n' "https requests/s, stunnel+testserver (c=$conns)" "$anchor" "$ours" "$ratio"
[ "$errors" = "0" ] || { echo "https model errors: $errors" >&2; exit 1; }
