#!/usr/bin/env bash
# End-to-end test of drift scenarios and `shadowctl backtest` on fixtures/backtest:
#  1. `replay --local` without and with --scenario: the scenario changes the disagreement counts, twice the same
#     (deterministic), and the run manifest records the scenarios;
#  2. `shadowctl backtest` prints the ranking table and writes backtests/backtest_points rows;
#  3. the xgboost retrain hook strategy runs (fixtures/backtest/train_xgboost.py with real xgboost).
# Prints "N passed, M failed". SHADOWCTL=path skips the build and uses that binary.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
if [ -z "${SHADOWCTL:-}" ]; then swift build --product shadowctl >&2 || exit 1; fi
ctl="${SHADOWCTL:-.build/debug/shadowctl}"
work=$(mktemp -d /tmp/shadowd-backtest-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0
check() {  # check NAME CONDITION-EXIT-STATUS DETAIL
    if [ "$2" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); printf 'FAIL %s: %s\n' "$1" "$3" >&2; fi
}
fx=fixtures/backtest
disagreements() { sqlite3 "$1" "SELECT count(*) FROM disagreements WHERE run_id = (SELECT max(id) FROM runs)"; }

"$ctl" replay --local --quiet -c $fx/backtest.toml --db "$work/plain.db" $fx/traffic.jsonl > /dev/null
"$ctl" replay --local --quiet -c $fx/backtest.toml --db "$work/s1.db" --scenario $fx/scenario.toml $fx/traffic.jsonl > /dev/null
"$ctl" replay --local --quiet -c $fx/backtest.toml --db "$work/s2.db" --scenario $fx/scenario.toml $fx/traffic.jsonl > /dev/null
plain=$(disagreements "$work/plain.db"); s1=$(disagreements "$work/s1.db"); s2=$(disagreements "$work/s2.db")
[ "$plain" != "$s1" ]; check "scenario changes disagreements" $? "plain $plain, with scenario $s1"
[ "$s1" = "$s2" ]; check "scenario replay is deterministic" $? "$s1 then $s2"
same=$(sqlite3 "$work/s1.db" "SELECT group_concat(record_id) FROM (SELECT record_id FROM disagreements ORDER BY id)")
again=$(sqlite3 "$work/s2.db" "SELECT group_concat(record_id) FROM (SELECT record_id FROM disagreements ORDER BY id)")
[ "$same" = "$again" ]; check "same disagreeing records" $? "record ids differ"
kinds=$(sqlite3 "$work/s1.db" "SELECT json_extract(manifest_json, '$.scenarios.scenarios[0].kind') || ',' || json_extract(manifest_json, '$.seed') FROM runs")
[ "$kinds" = "shift,0" ]; check "manifest records the scenarios" $? "got '$kinds'"

out=$("$ctl" backtest -c $fx/backtest.toml --strategies $fx/strategies.toml --db "$work/bt.db" $fx/traffic.jsonl 2>&1)
echo "$out"
echo "$out" | grep -q "^ *1  " ; check "ranking table printed" $? "$out"
echo "$out" | grep -q "drift-trigger: retrained at" ; check "retrain instants printed" $? "$out"
rows=$(sqlite3 "$work/bt.db" "SELECT count(*) FROM backtests")
[ "$rows" = 4 ]; check "4 backtests rows" $? "got $rows"
points=$(sqlite3 "$work/bt.db" "SELECT count(*) FROM backtest_points")
[ "$points" -ge 320 ]; check "backtest_points rows" $? "got $points"
verdict=$(sqlite3 "$work/bt.db" "SELECT (SELECT metric FROM backtests WHERE strategy = 'drift-trigger') > (SELECT metric FROM backtests WHERE strategy = 'never')")
[ "$verdict" = 1 ]; check "drift-trigger beats never" $? "got $verdict"

hook=$("$ctl" backtest -c $fx/backtest.toml --strategies $fx/strategies-xgboost.toml --no-db $fx/traffic.jsonl 2>&1)
echo "$hook"
echo "$hook" | grep -q "xgboost-trigger: retrained at" ; check "xgboost hook strategy retrains" $? "$hook"
echo "$hook" | grep -Eq "xgboost-trigger +[0-9.]+ +[1-9]" ; check "xgboost hook row" $? "$hook"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
