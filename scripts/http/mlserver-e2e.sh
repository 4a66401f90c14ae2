#!/usr/bin/env bash
# A real MLServer (pip, in a venv beside the system's xgboost) serves fixtures/models/xgb_{binary,regression}.json over
# kserve-v2; a replay of the reference rows through it (shadow) against a constant test-server champion stores every
# answer, which must equal the model's reference predictions to 1e-6.
# usage: mlserver-e2e.sh SHADOWCTL WORKDIR   (exit 77: MLServer cannot be installed here)
set -uo pipefail
cd "$(dirname "$0")/../.."
ctl="$1"; work="$2"
server="${TESTSERVER:-.build/debug/shadow-testserver}"
venv="${MLSERVER_VENV:-/tmp/shadowd-mlserver-venv}"
if ! "$venv/bin/mlserver" --version >/dev/null 2>&1; then
    python3 -m venv --system-site-packages "$venv" >/dev/null 2>&1 \
        && "$venv/bin/pip" install -q -r scripts/http/requirements-mlserver.txt >/dev/null 2>&1 || exit 77
fi
free_port() { python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"; }
repo="$work/mlserver"
mkdir -p "$repo"
http_port=$(free_port); grpc_port=$(free_port); metrics_port=$(free_port)
cat > "$repo/settings.json" <<JSON
{"http_port": $http_port, "grpc_port": $grpc_port, "metrics_port": $metrics_port, "parallel_workers": 0,
 "host": "127.0.0.1", "debug": false}
JSON
for model in xgb_binary xgb_regression; do
    mkdir -p "$repo/$model"
    cat > "$repo/$model/model-settings.json" <<JSON
{"name": "${model//_/-}", "implementation": "mlserver_xgboost.XGBoostModel",
 "parameters": {"uri": "$PWD/fixtures/models/$model.json", "version": "v1"}}
JSON
done
"$venv/bin/mlserver" start "$repo" > "$work/mlserver.log" 2>&1 &
mlserver_pid=$!
"$server" --formula sum --scale 0 --bias 0.5 > "$work/const.port" 2>/dev/null &
const_pid=$!
trap 'kill $mlserver_pid $const_pid 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 300); do
    curl -sf "http://127.0.0.1:$http_port/v2/models/xgb-regression/ready" >/dev/null 2>&1 \
        && curl -sf "http://127.0.0.1:$http_port/v2/models/xgb-binary/ready" >/dev/null 2>&1 && break
    sleep 0.2
done
const_port=$(awk '/listening/ {print $2}' "$work/const.port")
status=0
for model in xgb_binary xgb_regression; do
    task=${model#xgb_}
    python3 - "$model" "$work" <<'PY'
import json, sys
model, work = sys.argv[1:3]
ref = json.load(open(f"fixtures/models/{model}.reference.json"))
with open(f"{work}/{model}.jsonl", "w") as f:
    for i, row in enumerate(ref["rows"]):
        f.write(json.dumps({"id": f"r{i}", "features": dict(zip(ref["features"], row))}) + "\n")
print(json.dumps(ref["features"]), file=open(f"{work}/{model}.features", "w"))
PY
    cat > "$work/$model.toml" <<TOML
[[models]]
name = "constant"
role = "champion"
kind = "http"
url = "http://127.0.0.1:$const_port"
protocol = "mlflow"
features = $(cat "$work/$model.features")

[[models]]
name = "mlserver"
role = "shadow"
kind = "http"
url = "http://127.0.0.1:$http_port"
protocol = "kserve-v2"
model_name = "${model//_/-}"
datatype = "FP32"
timeout_ms = 20000   # a Python server on a busy 2-core box: the check is the answers, not the speed
features = $(cat "$work/$model.features")

[compare]
task = "$task"
abs_tol = 0.0
TOML
    if ! "$ctl" replay --local --quiet --json --config "$work/$model.toml" --db "$work/$model.db" "$work/$model.jsonl" \
        > "$work/$model.json" 2> "$work/$model.err"; then
        echo "mlserver $model: replay failed: $(tail -3 "$work/$model.err")" >&2; status=1; continue
    fi
    python3 - "$model" "$work/$model.db" <<'PY' || status=1
import json, sqlite3, sys
model, db = sys.argv[1:3]
ref = json.load(open(f"fixtures/models/{model}.reference.json"))
expected = {f"r{i}": p[0] if isinstance(p, list) else p for i, p in enumerate(ref["predictions"])}
rows = dict(sqlite3.connect(db).execute("select record_id, shadow_output from disagreements where shadow='mlserver'"))
bad = [(k, rows.get(k), v) for k, v in expected.items() if v != 0.5 and (k not in rows or abs(float(rows[k]) - v) > 1e-6)]
if bad:
    print(f"mlserver {model}: {len(bad)} answers differ, e.g. {bad[:3]}", file=sys.stderr)
    sys.exit(1)
print(f"mlserver {model}: {len(expected)} answers equal the reference predictions (1e-6)")
PY
done
exit $status
