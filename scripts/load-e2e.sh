#!/usr/bin/env bash
# End-to-end test of load profiles (`[load]`): replays the demo models (embedded XGBoost) with `shadowctl replay --local`
# at a constant 1000 req/s and at the recorded pace ×4 (records 8 ms apart → 500 req/s), checks offered and achieved
# rates (within 5%), the latency table's load columns, latency_verdicts, the report in runs.summary_json and the
# manifest's profile; runs ramp, steps, poisson and closed once each; checks [load] mistakes in check-config.
# Prints "N passed, M failed". SHADOWCTL=path skips the build and uses that binary.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
if [ -z "${SHADOWCTL:-}" ]; then swift build --product shadowctl >&2 || exit 1; fi
ctl="${SHADOWCTL:-.build/debug/shadowctl}"
work=$(mktemp -d /tmp/shadowd-load-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1: $2" >&2; }
expect() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "expected [$2], got [$3]"; fi; }
demo=$(cd fixtures/demo && pwd)

# 2000 demo records, 8 ms apart.
python3 - "$work/traffic.jsonl" <<'PY'
import json, sys
with open("fixtures/demo/traffic.jsonl") as f, open(sys.argv[1], "w") as out:
    for i, line in enumerate(f):
        if i == 2000: break
        r = json.loads(line); r.pop("timestamp", None); r["epoch_ms"] = 1_740_960_000_000 + 8 * i
        out.write(json.dumps(r) + "\n")
PY

config() {  # config NAME LOAD-TOML
    cat > "$work/$1.toml" <<TOML
[[models]]
name = "champion"
role = "champion"
kind = "xgboost"
path = "$demo/champion.json"

[[models]]
name = "candidate"
role = "shadow"
kind = "xgboost"
path = "$demo/candidate.json"

[compare]
task = "binary"
abs_tol = 0.05

$2
TOML
}

replay() {  # replay NAME → JSON summary in $work/NAME.json
    "$ctl" replay --local --quiet --json --config "$work/$1.toml" --db "$work/$1.db" "$work/traffic.jsonl" > "$work/$1.json"
}
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$work/$1.json"; }
near() {  # near NAME VALUE TARGET PERCENT
    if python3 -c "import sys; v,t,p=map(float,sys.argv[1:]); sys.exit(0 if abs(v-t) <= t*p/100 else 1)" "$2" "$3" "$4"; then
        ok "$1 ($2 vs $3)"; else bad "$1" "$2 is not within $4% of $3"; fi
}

config constant $'[load]\nprofile = "constant"\n[load.constant]\nrate = 1000'
replay constant || bad "constant replay" "exit $?"
near "constant: offered rate" "$(field constant "d['load']['offeredRate']")" 1000 1
near "constant: achieved rate" "$(field constant "d['load']['achievedRate']")" 1000 5
expect "constant: records" 2000 "$(field constant "d['summary']['records']")"
expect "constant: profile in the report" "constant rate=1000/s" "$(field constant "d['load']['profile']")"
db="$work/constant.db"
expect "latency rows carry the load columns" "2" \
    "$(sqlite3 "$db" "SELECT count(*) FROM latency WHERE profile = 'constant rate=1000/s' AND service_p50_ms > 0 AND offered_rate > 999 AND cap_hits >= 0 AND timeouts = 0 AND service_histogram LIKE 'HISTF%'")"
expect "latency_verdicts rows (p50, p90, p99)" "50.0,90.0,99.0" \
    "$(sqlite3 "$db" "SELECT group_concat(percentile) FROM (SELECT percentile FROM latency_verdicts WHERE shadow = 'candidate' ORDER BY percentile)")"
expect "summary_json keeps the load report" "2000" "$(sqlite3 "$db" "SELECT json_extract(summary_json, '$.load.requests') FROM runs")"
expect "manifest names the profile" "constant rate=1000/s" "$(sqlite3 "$db" "SELECT json_extract(manifest_json, '$.profile') FROM runs")"
"$ctl" replay --local --quiet --config "$work/constant.toml" --db "$work/text.db" "$work/traffic.jsonl" > "$work/text.out"
if grep -q "^load constant rate=1000/s: offered 1000.0/s" "$work/text.out" && grep -q "candidate at p99: " "$work/text.out"; then
    ok "the text summary shows the load section and verdicts"; else bad "text summary" "$(cat "$work/text.out")"; fi

# --rerun of a paced run replays with the run's profile (from the config text in its manifest), paced again.
start=$(date +%s.%N)
"$ctl" replay --rerun 1 --quiet --json --db "$db" > "$work/rerun.json" 2> "$work/rerun.err" || bad "rerun" "$(cat "$work/rerun.err")"
wall=$(python3 -c "import sys,time; print(round(time.time() - float(sys.argv[1]), 2))" "$start")
check_wall=$(python3 -c "import sys; print(1 if float(sys.argv[1]) >= 1.9 else 0)" "$wall")
expect "rerun: paced (2000 records at 1000/s take ≥ 1.9 s; took ${wall} s)" 1 "$check_wall"
expect "rerun: the report names the run's profile" "constant rate=1000/s" "$(field rerun "d['load']['profile']")"
near "rerun: offered rate" "$(field rerun "d['load']['offeredRate']")" 1000 1
near "rerun: achieved rate" "$(field rerun "d['load']['achievedRate']")" 1000 5
expect "rerun: latency rows carry the load columns" "2" \
    "$(sqlite3 "$db" "SELECT count(*) FROM latency WHERE run_id = 2 AND profile = 'constant rate=1000/s' AND offered_rate > 999")"
expect "rerun: manifest keeps the profile and the origin" "constant rate=1000/s|1" \
    "$(sqlite3 "$db" "SELECT json_extract(manifest_json, '$.profile') || '|' || json_extract(manifest_json, '$.rerun_of') FROM runs WHERE id = 2")"

config recorded $'[load]\nprofile = "recorded"\n[load.recorded]\nspeed = 4.0\nmax_gap = 1.0'
replay recorded || bad "recorded replay" "exit $?"
near "recorded ×4: offered rate" "$(field recorded "d['load']['offeredRate']")" 500 1
near "recorded ×4: achieved rate" "$(field recorded "d['load']['achievedRate']")" 500 5

for spec in $'ramp\n[load.ramp]\nfrom = 500.0\nto = 2000.0\nover = 1.0' $'steps\n[[load.steps]]\nrate = 1000.0\nseconds = 0.5\n[[load.steps]]\nrate = 2000.0\nseconds = 1.0' \
            $'poisson\n[load.poisson]\nrate = 2000.0\nseed = 3' $'closed\n[load.closed]\nconcurrency = 4'; do
    name=${spec%%$'\n'*}
    config "$name" "[load]"$'\n'"profile = \"$name\""$'\n'"${spec#*$'\n'}"
    if replay "$name" && [ "$(field "$name" "d['summary']['records']")" = 2000 ]; then ok "$name: 2000 records"; else bad "$name" "replay failed"; fi
done
expect "closed: no offered rate" "None" "$(field closed "d['load'].get('offeredRate')")"

config missing $'[load]\nprofile = "constant"'
expect "check-config: a profile without its table" \
    "$work/missing.toml:18: load.profile: profile \"constant\" needs a [load.constant] table" \
    "$("$ctl" check-config "$work/missing.toml" 2>&1 | grep 'load' | head -1)"
config unknown $'[load]\nprofile = "constant"\n[load.constant]\nrate = 10\nrat = 5'
out=$("$ctl" check-config "$work/unknown.toml" 2>&1)
if grep -q 'load.constant.rat: unknown key (did you mean "rate"?)' <<< "$out"; then
    ok "check-config: unknown key in a profile table"; else bad "check-config unknown key" "$out"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
