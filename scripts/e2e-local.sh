#!/usr/bin/env bash
# End-to-end test of the command line: shadowctl replay --local on the demo fixtures into a fresh SQLite database,
# checked with the sqlite3 CLI; check-config on a good and a bad file. Exits non-zero on the first failed check.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
swift build --product shadowctl >&2
ctl=.build/debug/shadowctl
work=$(mktemp -d /tmp/shadowd-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0
check() {  # check NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAIL $1: expected [$2], got [$3]" >&2; fi
}
q() { sqlite3 "$work/demo.db" "$1"; }

# 1. A replay of the demo traffic plus a file with one bad line of each kind.
"$ctl" replay --local --quiet --json --config fixtures/demo/shadowd.toml --db "$work/demo.db" \
    fixtures/demo/traffic.jsonl fixtures/demo/traffic-with-bad-lines.jsonl > "$work/summary.json"
j() { python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; print(eval(sys.argv[2]))" "$work/summary.json" "$1"; }
check "summary records" 12300 "$(j "s['records']")"
check "summary rejects" 7 "$(j "s['rejects']")"
check "runs row" "1|done|12300|7" "$(q "SELECT count(*), status, records, rejects FROM runs")"
check "models rows" "champion|champion|xgboost candidate|shadow|xgboost" \
    "$(q "SELECT name, role, kind FROM models ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
check "model digest is the file's sha256" "$(sha256sum fixtures/demo/champion.json | cut -d' ' -f1)" \
    "$(q "SELECT digest FROM models WHERE name = 'champion'")"
check "disagreement rows = summary total" "$(j "sum(x['labelFlip'] + x['scoreDelta'] + x['shadowError'] for x in s['shadows'])")" \
    "$(q "SELECT count(*) FROM disagreements")"
check "label flips stored" "$(j "s['shadows'][0]['labelFlip']")" "$(q "SELECT count(*) FROM disagreements WHERE kind = 'label_flip'")"
check "every disagreement keeps its features" 0 "$(q "SELECT count(*) FROM disagreements WHERE json_valid(features) = 0 OR features IS NULL")"
check "record time stored as ISO-8601" 1 "$(q "SELECT count(*) > 0 FROM disagreements WHERE record_time LIKE '2025-03-03T%Z'")"
check "latency rows" "champion|12300|0 candidate|12300|0" \
    "$(q "SELECT model, count, errors FROM latency ORDER BY model DESC" | tr '\n' ' ' | sed 's/ $//')"
check "latency histograms encoded" 2 "$(q "SELECT count(*) FROM latency WHERE histogram LIKE 'HISTF%'")"
check "rejects by code" "bad_timestamp invalid_utf8 line_too_long malformed_json missing_field non_finite wrong_type" \
    "$(q "SELECT code FROM rejects ORDER BY code" | tr '\n' ' ' | sed 's/ $//')"
check "reject position" "41|10023" "$(q "SELECT line, byte_offset FROM rejects WHERE code = 'malformed_json'")"
check "journal mode" wal "$(q "PRAGMA journal_mode")"

# 2. A second run appends to the same database.
"$ctl" replay --local --quiet --config fixtures/demo/shadowd.toml --db "$work/demo.db" fixtures/demo/traffic.jsonl > /dev/null
check "second run" "2|12000|0" "$(q "SELECT count(*), (SELECT records FROM runs WHERE id = 2), (SELECT rejects FROM runs WHERE id = 2) FROM runs")"

# 3. Config validation from the CLI.
"$ctl" check-config fixtures/demo/shadowd.toml > /dev/null && ok=0 || ok=$?
check "check-config good" 0 "$ok"
printf '[[models]]\nname = "a"\nrole = "champion"\nkind = "xgboost"\npath = "m.json"\n\n[store]\nbatchrows = 5\n' > "$work/bad.toml"
"$ctl" check-config "$work/bad.toml" 2> "$work/err.txt" && ok=0 || ok=$?
check "check-config bad exits 1" 1 "$ok"
check "check-config names line and key" 1 "$(grep -c "bad.toml:8: store.batchrows: unknown key" "$work/err.txt")"

# 4. A missing model file fails with the model named, and no run is written.
sed 's/candidate.json/missing.json/' fixtures/demo/shadowd.toml > fixtures/demo/.e2e-missing.toml
"$ctl" replay --local --quiet --config fixtures/demo/.e2e-missing.toml --db "$work/missing.db" fixtures/demo/traffic.jsonl \
    2> "$work/err.txt" && ok=0 || ok=$?
rm -f fixtures/demo/.e2e-missing.toml
check "missing model exits 1" 1 "$ok"
check "missing model named" 1 "$(grep -c 'model "candidate": .*missing.json' "$work/err.txt")"

echo "e2e-local: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
