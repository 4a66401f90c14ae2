#!/usr/bin/env bash
# End-to-end check of drift alerts in the journal (DESIGN §10): a private systemd-journald in a mount namespace,
# `shadowctl replay --local` of fixtures/drift/gauss_mean_shift.jsonl with drift monitoring on, then checks that
# the journal holds the drift-alert entry with its MESSAGE_ID and SHADOWD_* fields, that `journalctl -x` explains
# it from systemd/shadowd.catalog, that the exec hook ran, and that `shadowctl query triggers` lists it.
# Builds nothing: uses the binaries in ${BIN:-.build/debug}. Needs root (unshare --mount). Prints "N passed, M failed".
set -u
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${BIN:-$ROOT/.build/debug}"
JOURNALD=""
for j in /lib/systemd/systemd-journald /usr/lib/systemd/systemd-journald; do [ -x "$j" ] && JOURNALD="$j" && break; done
PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok   $1"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $1"; }
check() { local name="$1"; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }

if [ ! -x "$BIN/shadowctl" ]; then echo "no $BIN/shadowctl (run swift build first)"; echo "0 passed, 1 failed"; exit 1; fi
if [ -z "$JOURNALD" ] || [ "$(id -u)" != 0 ]; then
    echo "needs root and systemd-journald"; echo "0 passed, 1 failed"; exit 1
fi

T="$(mktemp -d /tmp/shadowd-journal-e2e.XXXXXX)"
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/run-systemd" "$T/run-log" "$T/catalog-root/usr/lib/systemd/catalog"
cat > "$T/shadowd.toml" <<TOML
[[models]]
name = "champion"
role = "champion"
kind = "linear"
path = "$ROOT/fixtures/drift/linear_drift.json"

[[models]]
name = "candidate"
role = "shadow"
kind = "linear"
path = "$ROOT/fixtures/drift/linear_drift_shadow.json"

[source.fields]
time = "/ts"

[store]
path = "$T/shadowd.db"

[drift]
enabled = true
window = 1000
step = 250
reference_records = 5000
statistics = ["psi", "ks"]

[[drift.rules]]
name = "feature-shift"
any = ["ks_pvalue:x0", "ks_pvalue:x1", "ks_pvalue:x2"]
warn = 0.001
alert = 0.0001
retrain = true

[[drift.actions]]
on = ["alert"]
kind = "exec"
argv = ["/bin/sh", "-c", "env | grep '^SHADOWD_' | sort > '$T/hook.out'"]
TOML

# The catalog database, built from systemd/shadowd.catalog in a private tree (no system path is written).
cp "$ROOT/systemd/shadowd.catalog" "$T/catalog-root/usr/lib/systemd/catalog/"
journalctl --root="$T/catalog-root" --update-catalog
check "catalog database built from systemd/shadowd.catalog" test -s "$T/catalog-root/var/lib/systemd/catalog/database"

# In a private mount namespace: journald on bind-mounted /run/systemd and /run/log, the replay logging to it, the
# journal read back, and journalctl -x with the private catalog bound over /var/lib/systemd/catalog.
ALERT_ID=1398ecca21dd4efcb2190439d4d38fbb
unshare --mount --propagation private bash -s <<SH
set -u
mount --bind "$T/run-systemd" /run/systemd
mount --bind "$T/run-log" /run/log
mount --bind "$T/catalog-root/var/lib/systemd/catalog" /var/lib/systemd/catalog
"$JOURNALD" > "$T/journald.log" 2>&1 &
JPID=\$!
for i in \$(seq 1 100); do [ -S /run/systemd/journal/socket ] && break; sleep 0.05; done
INVOCATION_ID=0123456789abcdef0123456789abcdef "$BIN/shadowctl" replay --local --quiet -c "$T/shadowd.toml" \
    "$ROOT/fixtures/drift/gauss_mean_shift.jsonl" > "$T/replay.out" 2> "$T/replay.err"
echo \$? > "$T/replay.rc"
journalctl --flush > /dev/null 2>&1 || true
sleep 0.3
kill \$JPID; wait \$JPID 2> /dev/null
DIR=\$(dirname "\$(find /run/log/journal -name '*.journal' | head -1)")
journalctl -D "\$DIR" -o json --all > "$T/journal.json" 2> "$T/journalctl.err"
journalctl -D "\$DIR" -x --no-pager MESSAGE_ID=$ALERT_ID > "$T/journal-x.txt" 2>> "$T/journalctl.err"
SH

check "replay exits 0" test "$(cat "$T/replay.rc" 2>/dev/null)" = 0
[ "$(cat "$T/replay.rc" 2>/dev/null)" = 0 ] || sed 's/^/    /' "$T/replay.err"
python3 - "$T/journal.json" "$ALERT_ID" > "$T/journal-check.txt" <<'PY'
import json, sys
entries = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
alerts = [e for e in entries if e.get("MESSAGE_ID") == sys.argv[2]]
if not alerts:
    print("no entry with MESSAGE_ID", sys.argv[2], "among", len(entries)); sys.exit(1)
a = alerts[0]
want = {"SHADOWD_RULE": "feature-shift", "SHADOWD_LEVEL": "alert", "SHADOWD_SIGNAL": "ks_pvalue:x0",
        "SHADOWD_FEATURE": "x0", "SHADOWD_STATISTIC": "ks_pvalue", "SHADOWD_THRESHOLD": "0.0001",
        "SHADOWD_RUN": "1", "SHADOWD_MODEL": "champion", "PRIORITY": "1", "SYSLOG_IDENTIFIER": "shadowd"}
bad = {k: (a.get(k), v) for k, v in want.items() if a.get(k) != v}
for k in ("SHADOWD_VALUE", "SHADOWD_WINDOW"):
    if not a.get(k): bad[k] = (None, "present")
if float(a.get("SHADOWD_VALUE", "1")) > 1e-4: bad["SHADOWD_VALUE"] = (a.get("SHADOWD_VALUE"), "<= 0.0001")
if bad:
    print("fields differ:", bad); sys.exit(1)
print("alert entry:", a["MESSAGE"])
PY
check "journal holds the drift-alert entry with MESSAGE_ID and SHADOWD_* fields" test $? = 0
sed 's/^/    /' "$T/journal-check.txt"
check "journalctl -x shows the catalog text for the alert" grep -q "Subject: shadowd drift alert: rule feature-shift (ks_pvalue:x0) in run 1" "$T/journal-x.txt"
check "the catalog text has the fields filled in" grep -q "past the alert level 0.0001" "$T/journal-x.txt"
check "retrain-triggered entry logged" grep -q '"MESSAGE_ID":"4dc833a493ca42a8b482fdb10d2cec85"' "$T/journal.json"
check "the exec hook ran with SHADOWD_* in its environment" grep -q "^SHADOWD_RULE=feature-shift$" "$T/hook.out"
check "the hook saw the level" grep -q "^SHADOWD_LEVEL=alert$" "$T/hook.out"
"$BIN/shadowctl" query triggers --db "$T/shadowd.db" --format json > "$T/triggers.json"
python3 - "$T/triggers.json" > "$T/triggers-check.txt" 2>&1 <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
alert = [r for r in rows if r["level"] == "alert" and r["rule"] == "feature-shift"]
assert alert, rows
r = alert[0]
assert r["hook_exit"] == 0, r
assert r["at"] and r["at"].startswith("2024-01-0"), r
actions = json.loads(r["actions"])
assert actions[0]["kind"] == "exec" and actions[0]["ok"] is True, actions
assert any(x["level"] == "retrain" for x in rows), rows
PY
check "shadowctl query triggers --format json lists the alert with the hook's exit status" test $? = 0
tail -3 "$T/triggers-check.txt" | sed 's/^/    /'
"$BIN/shadowctl" query drift --db "$T/shadowd.db" --signal ks_pvalue:x0 --format csv > "$T/drift.csv"
check "shadowctl query drift lists windows" test "$(wc -l < "$T/drift.csv")" -gt 40

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
