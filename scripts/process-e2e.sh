#!/usr/bin/env bash
# End-to-end test of process models (`kind = "process"`): replays fixtures/demo/traffic.jsonl with
# `shadowctl replay --local` against the demo champion and fixtures/process/echo_model.py as a child that crashes
# after every 2500 requests (fixtures/process/shadowd.toml); checks the stored rows and errors with sqlite3 and the
# summary's process object (restarts, CPU, RSS) in --json and text form; checks a bad argv in check-config.
# Prints "N passed, M failed". SHADOWCTL=path skips the build and uses that binary.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
if [ -z "${SHADOWCTL:-}" ]; then swift build --product shadowctl >&2 || exit 1; fi
ctl="${SHADOWCTL:-.build/debug/shadowctl}"
work=$(mktemp -d /tmp/shadowd-process-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1: $2" >&2; }
expect() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "expected [$2], got [$3]"; fi; }
check() { if [ "$2" = "1" ]; then ok "$1"; else bad "$1" "condition false ($3)"; fi; }

db="$work/process.db"
"$ctl" replay --local --quiet --json --config fixtures/process/shadowd.toml --db "$db" fixtures/demo/traffic.jsonl \
    > "$work/summary.json" 2> "$work/stderr" || bad "replay exits 0" "$(tail -3 "$work/stderr")"
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$work/summary.json"; }
shadow="[m for m in d['summary']['models'] if m['name'] == 'scripted'][0]"
expect "all records read" "12000" "$(field "d['summary']['records']")"
restarts=$(field "$shadow['process']['restarts']")
errors=$(field "$shadow['errors']")
answered=$(field "$shadow['requests'] - $shadow['errors']")
check "the child was restarted (restarts=$restarts)" "$([ "$restarts" -ge 1 ] && echo 1)" "$restarts"
check "crashes gave errors (errors=$errors)" "$([ "$errors" -ge 1 ] && echo 1)" "$errors"
check "records were answered after a restart (answered=$answered)" "$([ "$answered" -gt 2500 ] && echo 1)" "$answered"
check "cpu_seconds and peak_rss_kb reported" \
    "$(field "int($shadow['process']['cpu_seconds'] > 0 and $shadow['process']['peak_rss_kb'] > 1000)")" "process"
expect "champion has no process object" "False" "$(field "'process' in d['summary']['models'][0]")"
expect "shadow_error rows = the shadow's errors" "$errors" \
    "$(sqlite3 "$db" "SELECT count(*) FROM disagreements WHERE shadow = 'scripted' AND kind = 'shadow_error'")"
check "answered records compared (label_flip/score_delta rows)" \
    "$(sqlite3 "$db" "SELECT count(*) > 0 FROM disagreements WHERE shadow = 'scripted' AND kind IN ('label_flip', 'score_delta') AND shadow_output IS NOT NULL")" "rows"
expect "models table records the command line" "process|python3 echo_model.py --prob --crash-after 2500" \
    "$(sqlite3 "$db" "SELECT kind, location FROM models WHERE name = 'scripted'")"
expect "latency row counts the errors" "$errors" "$(sqlite3 "$db" "SELECT errors FROM latency WHERE model = 'scripted'")"

"$ctl" replay --local --quiet --config fixtures/process/shadowd.toml --db "$work/text.db" fixtures/demo/traffic.jsonl \
    > "$work/text.out" 2>&1
check "text summary has the process line" "$(grep -cE '^process scripted: [0-9,]+ restarts, [0-9.]+ s CPU, peak RSS [0-9,]+ KiB$' "$work/text.out")" "text"

# A child that, after 500 answers, writes one answer line that never ends: shadowd caps the line (max_line_bytes,
# here 1 MiB), fails that child's records in flight as undecodable, kills it and restarts it; the replay ends with
# bounded memory (without the cap the line grows by hundreds of MB a second until the run ends). Paced at
# 1000 records/s so records keep coming after the restart backoff.
sed -e 's/--crash-after", "2500"\]/--endless-after", "500"]\nmax_line_bytes = 1048576/' -e 's/timeout_ms = 2000/timeout_ms = 1000/' \
    fixtures/process/shadowd.toml > fixtures/process/.e2e-endless.toml
printf '\n[load]\nprofile = "constant"\n[load.constant]\nrate = 1000\n' >> fixtures/process/.e2e-endless.toml
head -2000 fixtures/demo/traffic.jsonl > "$work/2000.jsonl"
python3 - "$ctl" "$work" > "$work/endless.out" 2> "$work/endless.err" <<'PY'
import resource, subprocess, sys, time
ctl, work = sys.argv[1], sys.argv[2]
started = time.time()
out = subprocess.run([ctl, "replay", "--local", "--quiet", "--json", "--config", "fixtures/process/.e2e-endless.toml",
                      "--db", f"{work}/endless.db", f"{work}/2000.jsonl"], capture_output=True, text=True, timeout=120)
sys.stderr.write(out.stderr)
open(f"{work}/endless.json", "w").write(out.stdout)
print(out.returncode, round(time.time() - started, 1), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
PY
rm -f fixtures/process/.e2e-endless.toml
read -r code wall rss_mb < "$work/endless.out" || true
expect "endless answer line: replay exits 0" "0" "$code"
check "endless answer line: memory bounded (peak ${rss_mb} MB < 400)" "$([ "${rss_mb:-9999}" -lt 400 ] && echo 1)" "$rss_mb"
endless() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); m=[m for m in d['summary']['models'] if m['name'] == 'scripted'][0]; print($1)" "$work/endless.json"; }
check "endless answer line: child restarted ($(endless "m['process']['restarts']") restarts)" \
    "$(endless "int(m['process']['restarts'] >= 1)")" "restarts"
check "endless answer line: records answered before it ($(endless "m['requests'] - m['errors']"))" \
    "$(endless "int(m['requests'] - m['errors'] >= 500)")" "answered"
check "endless answer line: the records in flight failed as undecodable" \
    "$(sqlite3 "$work/endless.db" "SELECT count(*) > 0 FROM disagreements WHERE shadow = 'scripted' AND kind = 'shadow_error' AND shadow_output LIKE '%undecodable%'")" \
    "$(sqlite3 "$work/endless.db" "SELECT DISTINCT shadow_output FROM disagreements WHERE kind = 'shadow_error' LIMIT 5" | tr '\n' ' ')"

sed 's/argv = \[.*\]   #/argv = []   #/' fixtures/process/shadowd.toml > "$work/bad.toml"
out=$("$ctl" check-config "$work/bad.toml" 2>&1)
check "check-config refuses an empty argv" "$(echo "$out" | grep -c 'models\[1\].argv: must name a program')" "$out"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
