#!/usr/bin/env bash
# End-to-end test of model versions, promotion and reruns (`shadowctl models list|promote|rollback`,
# `shadowctl replay --rerun`): copies the demo config, models and traffic to a temporary folder, replays them, checks
# the run manifest against xxhsum -H2 and sha256sum, the promotion gate refusing (by clause, by min_records), a forced promotion that
# rewrites only the two role lines, a rollback that restores the file byte for byte, a passing gate, a rerun that
# reproduces the same row counts, reruns refused after an input or a model file changed (and --force), a new model
# version after the file changed, and a promotion that reloads a running shadowd (SIGHUP through its control socket).
# Prints "N passed, M failed". SHADOWCTL=path and SHADOWD=path skip the build and use those binaries.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
if [ -z "${SHADOWCTL:-}" ]; then swift build --product shadowctl >&2 || exit 1; fi
if [ -z "${SHADOWD:-}" ]; then swift build --product shadowd >&2 || exit 1; fi
ctl="${SHADOWCTL:-$PWD/.build/debug/shadowctl}"
daemon="${SHADOWD:-$PWD/.build/debug/shadowd}"
work=$(mktemp -d /tmp/shadowd-models-e2e.XXXXXX)
daemon_pid=""
cleanup() {
    if [ -n "$daemon_pid" ]; then kill -TERM "$daemon_pid" 2>/dev/null; wait "$daemon_pid" 2>/dev/null; fi
    rm -rf "$work"
}
trap cleanup EXIT
passed=0; failed=0
check() {  # check NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
        failed=$((failed + 1)); printf 'FAIL %s:\n--- expected\n%s\n--- got\n%s\n' "$1" "$2" "$3" >&2; fi
}
contains() {  # contains NAME NEEDLE HAYSTACK
    case "$3" in *"$2"*) passed=$((passed + 1)) ;; *)
        failed=$((failed + 1)); printf 'FAIL %s: [%s] not in:\n%s\n' "$1" "$2" "$3" >&2 ;; esac
}
db="$work/m.db"
conf="$work/shadowd.toml"
sql() { sqlite3 "$db" "$1"; }
models() { "$ctl" models "$@" --config "$conf" --db "$db" 2>&1; }
status() { if "$@" >/dev/null 2>&1; then echo "exit 0"; else echo "refused"; fi; }

cp fixtures/demo/champion.json fixtures/demo/candidate.json fixtures/demo/traffic.jsonl \
    fixtures/demo/traffic-with-bad-lines.jsonl "$work/"
cat fixtures/demo/shadowd.toml - > "$conf" <<'T'

[promotion]
gate = ["disagreement_rate < 0.02", "p99_ratio < 1.1"]   # the issue's gate
min_records = 10000
T
cp "$conf" "$work/original.toml"
cd "$work"

# 1. Run 1 and its manifest: inputs and config hashed like sha256sum, the config text kept, models numbered.
"$ctl" replay --local --quiet --config "$conf" --db "$db" traffic.jsonl >/dev/null || { echo "replay 1 failed"; exit 1; }
m() { sql "SELECT json_extract(manifest_json, '$1') FROM runs WHERE id = ${2:-1}"; }
check "manifest input path, size, xxh128" "$work/traffic.jsonl $(stat -c %s traffic.jsonl) $(xxhsum -H2 traffic.jsonl | cut -d' ' -f1)" \
    "$(m '$.inputs[0].path') $(m '$.inputs[0].size') $(m '$.inputs[0].xxh128')"
check "manifest config path and sha256" "$conf $(sha256sum "$conf" | cut -d' ' -f1)" "$(m '$.config.path') $(m '$.config.sha256')"
check "manifest keeps the config text" "$(cat "$conf")" "$(m '$.config.text')"
check "manifest models: digests and versions" \
    "champion $(sha256sum champion.json | cut -d' ' -f1) 1|candidate $(sha256sum candidate.json | cut -d' ' -f1) 1" \
    "$(sql "SELECT group_concat(json_extract(value, '$.name') || ' ' || json_extract(value, '$.digest') || ' ' ||
                                json_extract(value, '$.version'), '|') FROM runs, json_each(runs.manifest_json, '$.models')
            WHERE runs.id = 1")"
check "manifest profile and seed are null; shadowd version set" "null null 0.6.0" \
    "$(sql "SELECT json_type(manifest_json, '$.profile') || ' ' || json_type(manifest_json, '$.seed') || ' ' ||
                   json_extract(manifest_json, '$.shadowd_version') FROM runs WHERE id = 1")"
check "models.version" "champion 1 candidate 1" "$(sql "SELECT name, version FROM models WHERE run_id = 1 ORDER BY id" | tr '|\n' '  ' | sed 's/ $//')"

# 2. models list (JSON): roles from the config, versions of the files as they are now, an empty history.
listing=$(models list --json)
check "list: models" "[('champion', 'champion', 1), ('candidate', 'shadow', 1)]" \
    "$(echo "$listing" | python3 -c 'import json,sys; d=json.load(sys.stdin); print([(m["name"], m["role"], m["version"]) for m in d["models"]])')"
check "list: versions and empty history" "2 0" \
    "$(echo "$listing" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["versions"]), len(d["history"]))')"
contains "list table" "candidate  shadow    xgboost  1" "$(COLUMNS=200 models list)"

# 3. The gate refuses: by clause (run 1, 18% disagreements) and by min_records (run 2, 300 records, the latest).
out=$(models promote candidate --no-reload); rc=$?
check "promote refused: exit" 1 "$rc"
contains "promote refused: which clause, measured value" "disagreement_rate < 0.02 failed: measured 0.1848 in run 1" "$out"
contains "promote refused: every clause shown (latency varies: either mark)" "p99_ratio < 1.1            measured" "$out"
"$ctl" replay --local --quiet --config "$conf" --db "$db" traffic-with-bad-lines.jsonl >/dev/null || { echo "replay 2 failed"; exit 1; }
out=$(models promote candidate --no-reload)
contains "promote refused: min_records" "run 2 covers 300 records for candidate, fewer than min_records = 10,000" "$out"
check "refusals change nothing" "same 0" "$(cmp -s "$conf" original.toml && echo same) $(sql "SELECT count(*) FROM alias_history")"

# 4. --force promotes: only the two role lines change; history has the initial champion and the forced promotion.
out=$(models promote candidate --force --reason "e2e forced" --no-reload); rc=$?
check "forced promote: exit" 0 "$rc"
contains "forced promote: warning" "the gate failed; promoting candidate anyway (--force)" "$out"
contains "forced promote: reload skipped" "not reloaded (--no-reload)" "$out"
check "forced promote: diff of the config" "$(cat <<'T'
6c6
< role = "champion"
---
> role = "shadow"
12c12
< role = "shadow"
---
> role = "champion"
T
)" "$(diff original.toml "$conf")"
if [ -n "${SUDO_USER:-}" ]; then actor="$SUDO_USER (sudo, uid $(id -u))"; elif [ -n "${USER:-}" ]; then actor="$USER"; else actor=$(id -un); fi
check "history after the forced promotion" "initial|champion||1|0|$actor
promote|candidate|champion|1|1|$actor" "$(sql "SELECT action, model, ifnull(previous, ''), version, forced, actor FROM alias_history ORDER BY id")"
check "forced promotion: reason and verdict (latest run with candidate: 2)" "e2e forced|0|1|2" \
    "$(sql "SELECT reason, json_extract(gate_json, '$.passed'), json_extract(gate_json, '$.forced'), json_extract(gate_json, '$.run')
            FROM alias_history WHERE action = 'promote'")"
check "list: candidate is champion" "[('champion', 'shadow'), ('candidate', 'champion')]" \
    "$(models list --json | python3 -c 'import json,sys; print([(m["name"], m["role"]) for m in json.load(sys.stdin)["models"]])')"

# 5. rollback restores the file byte for byte; a second rollback has nothing left to undo.
out=$(models rollback --reason "e2e rollback" --no-reload); rc=$?
check "rollback: exit" 0 "$rc"
contains "rollback: what" "rolling back promotion #2 of candidate" "$out"
check "rollback restores the original bytes" same "$(cmp -s "$conf" original.toml && echo same)"
check "rollback history row" "rollback|champion|candidate|2|e2e rollback" \
    "$(sql "SELECT action, model, previous, undoes, reason FROM alias_history ORDER BY id DESC LIMIT 1")"
check "nothing more to roll back" refused "$(status models rollback --no-reload)"

# 6. A passing gate (--run 1): the promotion goes through, recorded as passed.
sed -i 's/^gate = .*/gate = ["disagreement_rate < 0.25", "p99_ratio < 100", "records >= 12000"]/; s/^min_records = .*/min_records = 12000/' "$conf"
out=$(models promote candidate --run 1 --reason "gate passes" --no-reload); rc=$?
check "passing gate: exit" 0 "$rc"
contains "passing gate: verdict" "over run 1 (champion champion, 12,000 records compared, min_records 12,000): passed" "$out"
check "passing gate: history" "promote|candidate|0|1" \
    "$(sql "SELECT action, model, forced, json_extract(gate_json, '$.passed') FROM alias_history ORDER BY id DESC LIMIT 1")"
check "passing gate: config" "shadow champion" \
    "$("$ctl" check-config "$conf" >/dev/null && grep '^role' "$conf" | cut -d'"' -f2 | tr '\n' ' ' | sed 's/ $//')"
models rollback --no-reload >/dev/null

# 7. --rerun 1: the same inputs with the config text of run 1 give the same row counts.
out=$("$ctl" replay --rerun 1 --db "$db" --quiet 2>&1); rc=$?
check "rerun: exit" 0 "$rc"
rerun=$(sql "SELECT max(id) FROM runs")
contains "rerun: comparison line" "run $rerun reruns run 1: records 12,000 = 12,000, rejects 0 = 0, candidate disagreements 2,217 = 2,217 (same counts)" "$out"
check "rerun: same rows" "$(sql "SELECT records, rejects FROM runs WHERE id = 1") $(sql "SELECT kind, count(*) FROM disagreements WHERE run_id = 1 GROUP BY kind")" \
    "$(sql "SELECT records, rejects FROM runs WHERE id = $rerun") $(sql "SELECT kind, count(*) FROM disagreements WHERE run_id = $rerun GROUP BY kind")"
check "rerun: manifest names its origin and the same inputs and config" "1 $(m '$.inputs[0].xxh128') $(m '$.config.sha256')" \
    "$(m '$.rerun_of' "$rerun") $(m '$.inputs[0].xxh128' "$rerun") $(m '$.config.sha256' "$rerun")"

# 8. A changed input is refused (nothing written); --force reruns with a warning.
runs_before=$(sql "SELECT count(*) FROM runs")
echo '{"id":"extra","timestamp":"2025-03-03T00:09:00Z","features":{"age":30}}' >> traffic.jsonl
out=$("$ctl" replay --rerun 1 --db "$db" --quiet 2>&1); rc=$?
check "rerun after an input changed: refused" "1 $runs_before" "$rc $(sql "SELECT count(*) FROM runs")"
contains "rerun refusal names the input" "input $work/traffic.jsonl changed since run 1: 3002561 bytes" "$out"
out=$("$ctl" replay --rerun 1 --db "$db" --quiet --force 2>&1); rc=$?
check "rerun --force: exit and records" "0 12001" "$rc $(sql "SELECT records FROM runs ORDER BY id DESC LIMIT 1")"
contains "rerun --force warns" "warning: input $work/traffic.jsonl changed since run 1" "$out"
cp "$OLDPWD/fixtures/demo/traffic.jsonl" traffic.jsonl

# 9. A changed model file: refused by --rerun, and the next run records it as version 2.
printf '\n' >> candidate.json
out=$("$ctl" replay --rerun 1 --db "$db" --quiet 2>&1); rc=$?
check "rerun after a model changed: refused" 1 "$rc"
contains "rerun refusal names the model" "model candidate ($work/candidate.json) changed since run 1" "$out"
"$ctl" replay --local --quiet --config "$conf" --db "$db" traffic-with-bad-lines.jsonl >/dev/null
check "new digest, next version" "champion 1 candidate 2" \
    "$(sql "SELECT name, version FROM models WHERE run_id = (SELECT max(id) FROM runs) ORDER BY id" | tr '|\n' '  ' | sed 's/ $//')"
check "model_versions" "candidate|1 candidate|2 champion|1" "$(sql "SELECT name, version FROM model_versions ORDER BY name, version" | tr '\n' ' ' | sed 's/ $//')"
cp "$OLDPWD/fixtures/demo/candidate.json" candidate.json

# 9b. A run with drift injected from a --scenario file reruns with the same scenarios (kept in its manifest).
printf '[[scenario]]\nkind = "noise"\nfeatures = ["income"]\nsd = 5000.0\nseed = 7\n' > scenario.toml
"$ctl" replay --local --quiet --config "$conf" --db "$db" --scenario scenario.toml traffic.jsonl >/dev/null
noisy=$(sql "SELECT max(id) FROM runs")
"$ctl" replay --rerun "$noisy" --db "$db" --quiet >/dev/null 2>&1
again=$(sql "SELECT max(id) FROM runs")
d() { sql "SELECT count(*) FROM disagreements WHERE run_id = $1"; }
check "scenario rerun: same disagreements, not those of run 1" "$(d "$noisy") different" \
    "$(d "$again") $([ "$(d "$noisy")" != "$(d 1)" ] && echo different)"
check "scenario rerun: manifest seed" "7 7" "$(m '$.seed' "$noisy") $(m '$.seed' "$again")"

# 10. With a daemon running this config: promote reloads it (SIGHUP via the control socket's pid).
mkdir -p spool
cat >> "$conf" <<T

[daemon]
control_socket = "$work/control.sock"
socket_group = ""
spool = "$work/spool"
T
sed -i "s|^path = \"demo.db\".*|path = \"$db\"|" "$conf"
"$daemon" --config "$conf" 2>"$work/daemon.log" &
daemon_pid=$!
for _ in $(seq 100); do [ -S control.sock ] && break; sleep 0.1; done
daemon_models() { "$ctl" status --socket control.sock --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["models"])'; }
check "daemon serves the old champion first" "['champion', 'candidate']" "$(daemon_models)"
out=$("$ctl" models promote candidate --run 1 --config "$conf" --socket control.sock 2>&1); rc=$?
check "promote with a daemon: exit" 0 "$rc"
contains "promote signalled the daemon" "sent SIGHUP to shadowd (pid $daemon_pid)" "$out"
for _ in $(seq 100); do [ "$(daemon_models)" = "['candidate', 'champion']" ] && break; sleep 0.1; done
check "the daemon reloaded: new champion first" "['candidate', 'champion']" "$(daemon_models)"
kill -TERM "$daemon_pid"; wait "$daemon_pid"; daemon_pid=""
out=$("$ctl" models rollback --config "$conf" --socket control.sock 2>&1)
contains "no daemon: said so" "no shadowd daemon is running" "$out"

echo "models-e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
