#!/usr/bin/env bash
# End-to-end test of the capture formats: shadowctl replay --local of a GoReplay capture (plain and gzip, out of
# order, with bad records) and of KServe / Seldon payload-logger logs through two linear iris models
# (fixtures/formats/shadowd.toml, format = "auto"), checked with the sqlite3 CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
ctl=${SHADOWCTL:-.build/debug/shadowctl}   # SHADOWCTL=path skips the build
[ -n "${SHADOWCTL:-}" ] || swift build --product shadowctl >&2
work=$(mktemp -d /tmp/shadowd-formats.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0
check() {  # check NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAIL $1: expected [$2], got [$3]" >&2; fi
}
q() { sqlite3 "$work/formats.db" "$1"; }
rows() { q "$1" | tr '\n' ' ' | sed 's/ $//'; }
f=fixtures/formats

# 1. GoReplay: shuffled.gor (4 requests out of order, a bad meta line, a bad body) and sample.gor.gz (2 requests).
"$ctl" replay --local --quiet --config $f/shadowd.toml --db "$work/formats.db" $f/shuffled.gor $f/sample.gor.gz > /dev/null
check "gor run" "1|done|6|2" "$(q "SELECT id, status, records, rejects FROM runs WHERE id = 1")"
check "gor records in time order" "g04 g01 g02 g03" \
    "$(rows "SELECT record_id FROM disagreements WHERE run_id = 1 AND record_id LIKE 'g0%' ORDER BY id")"
check "gor time from the meta line (ns)" "2023-11-14T22:13:20.005Z" \
    "$(q "SELECT record_time FROM disagreements WHERE record_id = 'g04'")"
check "gor features from the body's inputs" '{"sepal_length":6.3,"sepal_width":3.3,"petal_length":6.0,"petal_width":2.5}' \
    "$(q "SELECT features FROM disagreements WHERE record_id = 'g03'")"
check "gzip capture read" "2" "$(q "SELECT count(*) FROM disagreements WHERE run_id = 1 AND length(record_id) = 24")"
check "gor rejects with line and reason" "46|bad_timestamp 51|malformed_json" \
    "$(rows "SELECT line || '|' || code FROM rejects WHERE file LIKE '%shuffled.gor' ORDER BY line")"

# 2. KServe JSON-lines events (a 2-row batch, named inputs, bad events), the KServe binary HTTP dump, Seldon events.
"$ctl" replay --local --quiet --config $f/shadowd.toml --db "$work/formats.db" \
    $f/kserve-payload.jsonl $f/kserve-payload-binary.log $f/seldon-payload.jsonl > /dev/null
check "cloudevents run" "2|done|7|3" "$(q "SELECT id, status, records, rejects FROM runs WHERE id = 2")"
check "cloudevent ids (batch rows split)" "5f2b6c1e-1c7f-4a55-9a3e-0d6e8b1c2a10 k-1/0 k-1/1 k-2 k-5 s-1 s-2" \
    "$(rows "SELECT DISTINCT record_id FROM disagreements WHERE run_id = 2 ORDER BY record_id")"
check "kserve named inputs" '{"sepal_length":6.3,"sepal_width":3.3,"petal_length":6.0,"petal_width":2.5}' \
    "$(q "SELECT features FROM disagreements WHERE record_id = 'k-2'")"
check "seldon tensor" '{"sepal_length":6.8,"sepal_width":2.8,"petal_length":4.8,"petal_width":1.4}' \
    "$(q "SELECT features FROM disagreements WHERE record_id = 's-2'")"
check "cloudevent rejects" "kserve-payload.jsonl|5|wrong_type kserve-payload.jsonl|6|malformed_json seldon-payload.jsonl|4|wrong_type" \
    "$(rows "SELECT replace(file, '$f/', '') || '|' || line || '|' || code FROM rejects WHERE run_id = 2 ORDER BY file, line")"

# Recorded answers: the original response is kept on each disagreement row and every model is compared with it.
check "gor response kept as recorded" '{"model_name":"iris","outputs":[{"name":"output-0","shape":[1],"datatype":"INT64","data":[2]}]}' \
    "$(q "SELECT recorded FROM disagreements WHERE record_id = 'g03'")"
check "no response, no recorded" "1" "$(q "SELECT recorded IS NULL FROM disagreements WHERE record_id = 'g04'")"
check "cloudevent response split by row" '{"output-0":1} {"output-0":0}' \
    "$(rows "SELECT recorded FROM disagreements WHERE record_id IN ('k-1/0', 'k-1/1') ORDER BY record_id")"
"$ctl" replay --local --quiet --json --config $f/shadowd.toml --db "$work/recorded.db" \
    $f/shuffled.gor $f/sample.gor.gz $f/kserve-payload.jsonl $f/kserve-payload-binary.log $f/seldon-payload.jsonl \
    > "$work/recorded.json"
check "summary compares each model with the recorded answers" "champion|8|2|0|1 candidate|8|4|0|1" \
    "$(python3 -c 'import json,sys
for r in json.load(open(sys.argv[1]))["summary"]["recorded"]:
    print("|".join(str(r[k]) for k in ("model","compared","labelFlip","scoreDelta","unreadable")))' "$work/recorded.json" | tr '\n' ' ' | sed 's/ $//')"
check "recorded comparison stored in summary_json" "8" \
    "$(sqlite3 "$work/recorded.db" "SELECT json_extract(summary_json, '\$.recorded[0].compared') FROM runs WHERE id = 1")"

# 3. An explicit format: kserve-log and seldon-log share the CloudEvents reader, so either reads both.
sed 's/format = "auto"/format = "kserve-log"/' $f/shadowd.toml > $f/.e2e-kserve.toml
"$ctl" replay --local --quiet --config $f/.e2e-kserve.toml --db "$work/formats.db" $f/seldon-payload.jsonl > /dev/null
rm -f $f/.e2e-kserve.toml
check "explicit kserve-log reads seldon events too" "3|2|1" "$(q "SELECT id, records, rejects FROM runs WHERE id = 3")"

echo "formats-e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
