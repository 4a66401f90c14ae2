#!/usr/bin/env bash
# End-to-end test of `shadowctl query runs|disagreements|latency|rejects|timeline|buckets`: replays the demo fixtures with
# `shadowctl replay --local` into a temporary database (run 1: both demo files; run 2: the file with bad lines), then
# checks each query's table output against golden text (fixed COLUMNS, --limit and order), its JSON (parsed with
# python3) against counts taken with the sqlite3 CLI, and its CSV header. Prints "N passed, M failed".
# SHADOWCTL=path skips the build and uses that binary.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
if [ -z "${SHADOWCTL:-}" ]; then swift build --product shadowctl >&2 || exit 1; fi
ctl="${SHADOWCTL:-.build/debug/shadowctl}"
work=$(mktemp -d /tmp/shadowd-query-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
db="$work/q.db"
passed=0; failed=0
check() {  # check NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
        failed=$((failed + 1)); printf 'FAIL %s:\n--- expected\n%s\n--- got\n%s\n' "$1" "$2" "$3" >&2; fi
}
sql() { sqlite3 "$db" "$1"; }
query() { COLUMNS="${COLUMNS_FOR:-140}" "$ctl" query "$@" --db "$db" 2>&1; }
count() { query "$@" --format json --limit 0 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
pyjson() {  # pyjson EXPR QUERY-ARGS…: EXPR over the parsed rows `r`
    local expr="$1"; shift
    query "$@" --format json | python3 -c "import json,sys; r=json.load(sys.stdin); print($expr)"
}
columns() {  # cut an aligned table at its header's column starts, print cells joined by |, mask the named columns
    python3 -c '
import re, sys
lines = sys.stdin.read().splitlines()
starts = [m.start() for m in re.finditer(r"\S+", lines[0])]
names = lines[0].split()
for line in lines:
    cells = [line[a:b].rstrip() for a, b in zip(starts, starts[1:] + [None])]
    if line is not lines[0]:
        cells = ["*" if n in sys.argv[1:] else c for n, c in zip(names, cells)]
    print("|".join(cells))' "$@"
}
fails() { if COLUMNS=140 "$ctl" query "$@" --db "$db" >/dev/null 2>&1; then echo "exit 0"; else echo "refused"; fi; }

"$ctl" replay --local --quiet --config fixtures/demo/shadowd.toml --db "$db" \
    fixtures/demo/traffic.jsonl fixtures/demo/traffic-with-bad-lines.jsonl >/dev/null || { echo "replay 1 failed"; exit 1; }
"$ctl" replay --local --quiet --config fixtures/demo/shadowd.toml --db "$db" \
    fixtures/demo/traffic-with-bad-lines.jsonl >/dev/null || { echo "replay 2 failed"; exit 1; }

# runs
check "runs table (columns aligned; times, seconds and rate masked)" "$(cat <<'T'
id|started_at|status|records|rejects|seconds|records_per_s|models|inputs
2|*|done|300|7|*|*|champion,candidate|["fixtures/demo/traffic-with-bad-lines.jsonl"]
1|*|done|12300|7|*|*|champion,candidate|["fixtures/demo/traffic.jsonl","fixtures/demo/traffic-with-bad-lines.jsonl"]
T
)" "$(COLUMNS_FOR=200 query runs | columns started_at seconds records_per_s)"
check "runs json keys" "id started_at finished_at status records rejects seconds records_per_s models inputs" \
    "$(pyjson "' '.join(r[0].keys())" runs)"
check "runs json: latest first, records" "[2, 1] [300, 12300]" "$(pyjson "[x['id'] for x in r], [x['records'] for x in r]" runs)"
check "runs --run latest" "[2]" "$(pyjson "[x['id'] for x in r]" runs --run latest)"
check "runs --limit 1 is the latest" "[2]" "$(pyjson "[x['id'] for x in r]" runs --limit 1)"
check "runs --status done / failed" "2 0" "$(count runs --status done) $(count runs --status failed)"
check "runs --status bogus" refused "$(fails runs --status bogus)"
check "runs csv header" "id,started_at,finished_at,status,records,rejects,seconds,records_per_s,models,inputs" \
    "$(query runs --format csv | head -1 | tr -d '\r')"

# disagreements
# --order delta on a run is answered from top_disagreements (rows without an id); the same rows as the plain ORDER BY.
check "disagreements table (COLUMNS=140)" "$(cat <<'T'
id  run  record_id  record_time               shadow     kind        champion  shadow_out  delta   features
    1    r-003022   2025-03-03T00:02:30.355Z  candidate  label_flip  0.6281    0.2914      0.3367  {"age":56,"income":32070,"tenure_months"…
    1    r-000744   2025-03-03T00:00:36.829Z  candidate  label_flip  0.4323    0.7138      0.2815  {"age":31,"income":99898,"tenure_months"…
    1    r-008357   2025-03-03T00:06:55.906Z  candidate  label_flip  0.6182    0.3657      0.2525  {"age":52,"income":63345,"tenure_months"…
    1    r-000278   2025-03-03T00:00:13.754Z  candidate  label_flip  0.3238    0.5448      0.2209  {"age":29,"income":79934,"tenure_months"…
    1    b-000278   2025-03-03T00:00:13.754Z  candidate  label_flip  0.3238    0.5448      0.2209  {"age":29,"income":79934,"tenure_months"…
T
)" "$(query disagreements --run 1 --kind label_flip --order delta --limit 5)"
check "disagreements --order delta from the top table: the plain query's records" \
    "$(sql "SELECT record_id FROM disagreements WHERE run_id = 1 ORDER BY delta DESC, id LIMIT 40" | tr '\n' ' ')" \
    "$(pyjson "' '.join(x['record_id'] for x in r) + ' '" disagreements --run 1 --order delta --limit 40)"
check "disagreements --since (interval skip): the plain query's ids" \
    "$(sql "SELECT id FROM disagreements WHERE run_id = 1 AND kind = 'score_delta' AND record_time >= '2025-03-03T00:07:00.000Z' ORDER BY id LIMIT 50" | tr '\n' ' ')" \
    "$(pyjson "' '.join(str(x['id']) for x in r) + ' '" disagreements --run 1 --kind score_delta --since 2025-03-03T00:07Z --limit 50)"
check "disagreements table fits 80 columns" 80 \
    "$(COLUMNS_FOR=80 query disagreements --run 1 --limit 20 | python3 -c 'import sys; print(max(map(len, sys.stdin.read().splitlines())))')"
check "disagreements empty table" "(no rows)" "$(query disagreements --shadow nobody | tail -1)"
check "disagreements json: all rows of run 1" "$(sql "SELECT count(*) FROM disagreements WHERE run_id = 1")" \
    "$(count disagreements --run 1)"
check "disagreements --run latest is run 2" "$(sql "SELECT count(*) FROM disagreements WHERE run_id = 2") [2]" \
    "$(count disagreements --run latest) $(pyjson "sorted({x['run'] for x in r})" disagreements --run latest --limit 0)"
check "disagreements without --run: every run" "$(sql "SELECT count(*) FROM disagreements")" "$(count disagreements)"
check "disagreements --kind label_flip" "$(sql "SELECT count(*) FROM disagreements WHERE run_id = 1 AND kind = 'label_flip'")" \
    "$(count disagreements --run 1 --kind label_flip)"
check "disagreements --shadow candidate / other" "$(sql "SELECT count(*) FROM disagreements WHERE run_id = 1") 0" \
    "$(count disagreements --run 1 --shadow candidate) $(count disagreements --run 1 --shadow other)"
check "disagreements json keys" \
    "id run record_id record_time shadow kind champion_output shadow_output delta features" \
    "$(pyjson "' '.join(r[0].keys())" disagreements --limit 1)"
check "disagreements json keeps exact scores" True \
    "$(pyjson "r[0]['delta'] == float('$(sql "SELECT printf('%!.20g', delta) FROM disagreements WHERE id = 554")')" \
        disagreements --run 1 --order delta --limit 1)"
check "disagreements --order delta: largest first" True \
    "$(pyjson "all(a['delta'] >= b['delta'] for a, b in zip(r, r[1:]))" disagreements --run 1 --order delta --limit 0)"
check "disagreements --order time: chronological" True \
    "$(pyjson "[x['record_time'] for x in r] == sorted(x['record_time'] for x in r) and len(r) == 300" \
        disagreements --run 1 --order time --limit 300)"
check "disagreements --order id" "[1, 2, 3]" "$(pyjson "[x['id'] for x in r]" disagreements --order id --limit 3)"
check "disagreements --since ISO" \
    "$(sql "SELECT count(*) FROM disagreements WHERE run_id = 1 AND record_time >= '2025-03-03T00:05:00.000Z'")" \
    "$(count disagreements --run 1 --since 2025-03-03T00:05:00Z)"
check "disagreements --since with an offset" "$(count disagreements --run 1 --since 2025-03-03T00:05:00Z)" \
    "$(count disagreements --run 1 --since 2025-03-03T01:05:00+01:00)"
check "disagreements --since a day / fraction" \
    "$(sql "SELECT count(*) FROM disagreements WHERE run_id = 1") $(sql "SELECT count(*) FROM disagreements WHERE run_id = 1 AND record_time >= '2025-03-03T00:02:30.355Z'")" \
    "$(count disagreements --run 1 --since 2025-03-03) $(count disagreements --run 1 --since 2025-03-03T00:02:30.355Z)"
check "disagreements --since 1000000h / 1m (records are from 2025)" "$(sql "SELECT count(*) FROM disagreements WHERE run_id = 1") 0" \
    "$(count disagreements --run 1 --since 1000000h) $(count disagreements --run 1 --since 1m)"
check "disagreements --since bad values refused" "refused refused refused" \
    "$(fails disagreements --since 2h30) $(fails disagreements --since 2025-02-30) $(fails disagreements --since yesterday)"
check "disagreements --feature plan_tier=3" \
    "$(sql "SELECT count(*) FROM disagreements WHERE run_id = 1 AND json_extract(features, '$.plan_tier') = 3")" \
    "$(count disagreements --run 1 --feature plan_tier=3)"
check "disagreements --feature twice (AND) with a kind" \
    "$(sql "SELECT count(*) FROM disagreements WHERE run_id = 1 AND kind = 'label_flip' AND json_extract(features, '$.plan_tier') = 3 AND json_extract(features, '$.discount') = 0.1")" \
    "$(count disagreements --run 1 --kind label_flip --feature plan_tier=3 --feature discount=0.1)"
check "disagreements --feature non-numeric value, unknown feature" "0 0" \
    "$(count disagreements --feature plan_tier=pro) $(count disagreements --feature nope=1)"
check "disagreements values are bound, not spliced" "0 0" \
    "$(count disagreements --shadow "candidate' OR '1'='1") $(count disagreements --feature "plan_tier=3' OR '1'='1")"
check "disagreements bad options refused" "refused refused refused refused" \
    "$(fails disagreements --kind flip) $(fails disagreements --order score) $(fails disagreements --feature plan_tier) $(fails disagreements --run last)"
check "disagreements csv header" "id,run,record_id,record_time,shadow,kind,champion_output,shadow_output,delta,features" \
    "$(query disagreements --format csv --limit 1 | head -1 | tr -d '\r')"
check "disagreements csv rows" "$(($(sql "SELECT count(*) FROM disagreements WHERE run_id = 2") + 1))" \
    "$(query disagreements --run 2 --format csv --limit 0 | python3 -c 'import csv,sys; print(len(list(csv.reader(sys.stdin))))')"

# timeline and buckets (the observer's tables: one interval per 1 s or 32,768 records, so counts are checked as sums)
flips1=$(sql "SELECT count(*) FROM disagreements WHERE run_id = 1 AND kind = 'label_flip'")
all1=$(sql "SELECT count(*) FROM disagreements WHERE run_id = 1")
check "timeline: compared and disagreements add up to the run" "12300 $all1" \
    "$(pyjson "sum(x['compared'] for x in r), sum(x['disagreements'] for x in r)" timeline --run 1 --limit 0 | tr -d '(),')"
check "timeline --kind label_flip adds up" "$flips1" \
    "$(pyjson "sum(x['disagreements'] for x in r)" timeline --run 1 --kind label_flip --limit 0)"
check "timeline: the run's rate inside its own noise band" True \
    "$(pyjson "all(x['floor_low'] <= $all1 / 12300 <= x['floor_high'] for x in r) and len(r) >= 1" timeline --run 1)"
check "timeline json keys" "run interval started_at seconds shadow kind compared disagreements rate floor_low floor_high outside replica_rate" \
    "$(pyjson "' '.join(r[0].keys())" timeline --run latest)"
check "timeline --models: requests per model" "[('candidate', 12300), ('champion', 12300)]" \
    "$(pyjson "sorted({m: sum(x['requests'] for x in r if x['model'] == m) for m in {x['model'] for x in r}}.items())" timeline --run 1 --models --limit 0)"
check "timeline --models csv header" "run,interval,started_at,seconds,model,role,requests,errors,p50_ms,p99_ms,max_ms,throughput" \
    "$(query timeline --models --format csv | head -1 | tr -d '\r')"
check "timeline bad options refused" "refused refused" "$(fails timeline --kind flip) $(fails timeline --models --kind label_flip)"
check "buckets table: plan_tier label flips (COLUMNS=140)" "$(cat <<'T'
run  shadow     feature    bucket  records  record_share  label_flips  share   rate    lift
1    candidate  plan_tier  0       3136     0.255         106          0.2107  0.0338  0.827
1    candidate  plan_tier  1       2984     0.2426        132          0.2624  0.0442  1.082
1    candidate  plan_tier  2       3128     0.2543        127          0.2525  0.0406  0.993
1    candidate  plan_tier  3       3052     0.2481        138          0.2744  0.0452  1.106
T
)" "$(query buckets --run 1 --feature plan_tier --kind label_flip)"
check "buckets: every feature's flips add up to the run's" "$flips1" \
    "$(pyjson "sum(x['label_flips'] for x in r if x['feature'] == 'income')" buckets --run 1 --kind label_flip --min-share 0 --limit 0)"
check "buckets: sampled records (every 4th, ×4) add up to the run" 12300 \
    "$(pyjson "sum(x['records'] for x in r if x['feature'] == 'age')" buckets --run 1 --min-share 0 --limit 0)"
check "buckets: lift largest first" True \
    "$(pyjson "all(a['lift'] >= b['lift'] for a, b in zip(r, r[1:]))" buckets --run 1 --limit 0)"
check "buckets --features: one row per feature, skew largest first" "10 True" \
    "$(pyjson "len(r), all(a['skew'] >= b['skew'] for a, b in zip(r, r[1:]))" buckets --run 1 --features --kind label_flip | tr -d '(),')"
check "buckets --features finding" True \
    "$(pyjson "r[0]['finding'].endswith('of records)') and ' of label flips have ' in r[0]['finding']" buckets --run 1 --features --kind label_flip)"
check "buckets bad options refused" "refused refused" "$(fails buckets --kind score_delta) $(fails buckets --min-share 2)"
check "views answer sqlite3 directly" "1 1 10" \
    "$(sql "SELECT count(DISTINCT run_id) FROM timeline_rates WHERE run_id = 1 AND kind = 'any'") $(sql "SELECT count(DISTINCT run_id) FROM timeline_models WHERE run_id = 1") $(sql "SELECT count(*) FROM feature_lift WHERE run_id = 1")"

# latency
check "latency table (columns aligned; timings masked)" "$(cat <<'T'
run|model|role|count|errors|p50_ms|p90_ms|p99_ms|p999_ms|max_ms|throughput
1|champion|champion|12300|0|*|*|*|*|*|*
1|candidate|shadow|12300|0|*|*|*|*|*|*
2|champion|champion|300|0|*|*|*|*|*|*
2|candidate|shadow|300|0|*|*|*|*|*|*
T
)" "$(query latency | columns p50_ms p90_ms p99_ms p999_ms max_ms throughput)"
check "latency --run latest --model candidate" "[(2, 'candidate', 300)]" \
    "$(pyjson "[(x['run'], x['model'], x['count']) for x in r]" latency --run latest --model candidate)"
check "latency json: percentiles ordered" True \
    "$(pyjson "all(x['p50_ms'] <= x['p90_ms'] <= x['p99_ms'] <= x['p999_ms'] <= x['max_ms'] for x in r) and len(r) == 4" latency)"
check "latency csv header" "run,model,role,count,errors,p50_ms,p90_ms,p99_ms,p999_ms,max_ms,throughput" \
    "$(query latency --format csv | head -1 | tr -d '\r')"

# rejects
check "rejects table (COLUMNS=140)" "$(cat <<'T'
id  run  file                                        line  byte_offset  code            reason
1   1    fixtures/demo/traffic-with-bad-lines.jsonl  41    10023        malformed_json  malformed JSON at column 83: unexpected end of line
2   1    fixtures/demo/traffic-with-bad-lines.jsonl  82    20116        invalid_utf8    invalid UTF-8 at column 91 (byte 0xff)
3   1    fixtures/demo/traffic-with-bad-lines.jsonl  123   30223        line_too_long   line of 20050 bytes is longer than max_line_bytes (…
T
)" "$(query rejects --run 1 --limit 3)"
check "rejects json: latest run, by code" "[(2, 206, 70351)]" \
    "$(pyjson "[(x['run'], x['line'], x['byte_offset']) for x in r]" rejects --run latest --code wrong_type)"
check "rejects counts" "14 7 2" "$(count rejects) $(count rejects --run 2) $(count rejects --code bad_timestamp)"
check "rejects --code bogus refused" refused "$(fails rejects --code bogus)"
check "rejects csv header" "id,run,file,line,byte_offset,code,reason" "$(query rejects --format csv | head -1 | tr -d '\r')"

# the database named by the config's [store] path when --db is not given
mkdir -p "$work/conf"
ln -s "$PWD/fixtures/demo/champion.json" "$PWD/fixtures/demo/candidate.json" "$work/conf/"
sed "s|^path = \"demo.db\"|path = \"$db\"|" fixtures/demo/shadowd.toml > "$work/conf/shadowd.toml"
check "default database from --config" "[2, 1]" \
    "$("$ctl" query runs --config "$work/conf/shadowd.toml" --format json | python3 -c 'import json,sys; print([x["id"] for x in json.load(sys.stdin)])')"
check "missing database refused" refused "$(if "$ctl" query runs --db "$work/none.db" >/dev/null 2>&1; then echo "exit 0"; else echo refused; fi)"

echo "query-e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
