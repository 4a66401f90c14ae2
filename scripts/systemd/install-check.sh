#!/usr/bin/env bash
# Installs shadowd with deploy/install.sh into a throwaway systemd container and checks it under real systemd:
# start (READY=1), idempotent re-install, status line, journal fields, control socket permissions, spool,
# reload, clean stop, uninstall (keeping data) and uninstall --purge. Needs root and systemd-nspawn.
#
#   scripts/systemd/install-check.sh [SCRATCH]   (release binaries in SCRATCH/release; default .build)
#
# The container boots this machine's /usr (--volatile=yes: / is a tmpfs, /usr read-only) with writable
# overlays on the folders install.sh writes below /usr; the repository is bound read-only at /src.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(realpath -m "${1:-$repo/.build}")
case $scratch in "$repo"/*) ;; *) echo "install-check: SCRATCH must be inside $repo" >&2; exit 2 ;; esac
[[ $(id -u) -eq 0 ]] || { echo "install-check: needs root" >&2; exit 1; }
command -v systemd-nspawn >/dev/null || { echo "install-check: systemd-nspawn missing (systemd-container)" >&2; exit 1; }
for b in shadowd shadowctl; do
    [[ -x $scratch/release/$b ]] || { echo "install-check: $scratch/release/$b missing" >&2; exit 1; }
done
src_scratch=/src/${scratch#"$repo"/}

work=$(mktemp -d /tmp/shadowd-install-check.XXXXXX)
run_cgroups=()
nspawn_pid=
passed=0
failed=0

cleanup() {
    if [[ -n $nspawn_pid ]] && kill -0 "$nspawn_pid" 2>/dev/null; then
        kill -TERM "$nspawn_pid"   # never SIGKILL: the container would survive it
        for _ in $(seq 1 100); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.1; done
    fi
    local cg
    for cg in "${run_cgroups[@]}"; do
        [[ -d $cg ]] && find "$cg" -depth -type d -exec rmdir {} + 2>/dev/null || true
    done
    if ((failed)); then
        echo "--- container console (last 30 lines) ---" >&2
        tail -n 30 "$work/console.log" >&2 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

check() {  # check NAME EXPECTED ACTUAL
    if [[ $2 == "$3" ]]; then
        passed=$((passed + 1)); echo "ok   $1"
    else
        failed=$((failed + 1)); echo "FAIL $1: expected [$2], got [$3]" >&2
    fi
}
inside() { nsenter --target "$leader" --all "$@"; }
wait_until() {  # wait_until SECONDS COMMAND…
    local deadline=$((SECONDS + $1)); shift
    until "$@" >/dev/null 2>&1; do ((SECONDS < deadline)) || return 1; sleep 0.2; done
}

# A per-run cgroup (in each mounted hierarchy nspawn uses), so nspawn's payload/supervisor groups go away with it.
start_in_run_cgroup() {
    local line hierarchy path base
    while IFS=: read -r _ hierarchy path; do
        case $hierarchy in
            "") base=/sys/fs/cgroup; [[ -f $base/cgroup.procs ]] || base=/sys/fs/cgroup/unified ;;
            name=systemd) base=/sys/fs/cgroup/systemd ;;
            *) continue ;;
        esac
        [[ -f $base/cgroup.procs ]] || continue
        run_cgroups+=("$base${path%/}/shadowd-install-check-$$")
    done </proc/self/cgroup
    for cg in "${run_cgroups[@]}"; do mkdir -p "$cg"; done
    echo 'disable *' >"$work/00-ci.preset"
    (
        for cg in "${run_cgroups[@]}"; do echo "$BASHPID" >"$cg/cgroup.procs"; done
        exec systemd-nspawn --quiet --register=no --keep-unit -D / --volatile=yes -b --console=pipe \
            --bind-ro="$repo":/src --bind-ro="$work/00-ci.preset":/etc/systemd/system-preset/00-ci.preset \
            --overlay=/usr/lib/sysusers.d::/usr/lib/sysusers.d --overlay=/usr/lib/tmpfiles.d::/usr/lib/tmpfiles.d \
            --overlay=/usr/lib/systemd/catalog::/usr/lib/systemd/catalog --overlay=/usr/local::/usr/local \
            systemd.mask=systemd-firstboot.service
    ) >"$work/console.log" 2>&1 </dev/null &
    nspawn_pid=$!
}

start_in_run_cgroup
leader=
wait_until 30 pgrep -P "$nspawn_pid" -x systemd || { echo "install-check: container did not boot" >&2; failed=1; exit 1; }
leader=$(pgrep -P "$nspawn_pid" -x systemd)
booted() { local s; s=$(inside systemctl is-system-running 2>/dev/null) || true; [[ $s == running || $s == degraded ]]; }
wait_until 60 booted || { echo "install-check: container never finished booting" >&2; failed=1; exit 1; }
echo "install-check: container booted (leader PID $leader)"

# 1. Install without starting; put models and a config in place like an operator would.
out=$(inside /src/deploy/install.sh --no-build --no-start --scratch-path "$src_scratch" 2>&1) || {
    echo "$out" >&2; check "install.sh --no-start" 0 1; exit 1; }
check "install.sh --no-start" 0 0
check "unit enabled" enabled "$(inside systemctl is-enabled shadowd 2>&1)"
check "sample config installed, root:shadowd 0640" "640 root shadowd" "$(inside stat -c '%a %U %G' /etc/shadowd/shadowd.toml)"
inside install -d -o shadowd -g shadowd /var/lib/shadowd/models
inside install -m 0644 /src/fixtures/demo/champion.json /src/fixtures/demo/candidate.json /var/lib/shadowd/models/
inside sh -c 'cat >/etc/shadowd/shadowd.toml' <<'TOML'
[[models]]
name = "champion"
role = "champion"
kind = "xgboost"
path = "/var/lib/shadowd/models/champion.json"

[[models]]
name = "candidate"
role = "shadow"
kind = "xgboost"
path = "/var/lib/shadowd/models/candidate.json"

[compare]
task = "binary"
abs_tol = 0.05

[store]
path = "/var/lib/shadowd/shadowd.db"

[source]
format = "jsonl"

[daemon]
spool = "/var/lib/shadowd/spool"
TOML

# 2. Install again, now starting: systemctl start returns after READY=1.
out=$(inside /src/deploy/install.sh --no-build --scratch-path "$src_scratch" 2>&1) || echo "$out" >&2
check "install.sh starts the service" active "$(inside systemctl is-active shadowd 2>&1)"
pid=$(inside systemctl show -p MainPID --value shadowd)
out=$(inside /src/deploy/install.sh --no-build --scratch-path "$src_scratch" 2>&1) || true
check "re-install is a no-op" "install.sh: shadowd already running and unchanged" "$(grep -o 'install.sh: shadowd already running and unchanged' <<<"$out")"
check "re-install kept the process" "$pid" "$(inside systemctl show -p MainPID --value shadowd)"
status=$(inside systemctl show -p StatusText --value shadowd)
check "status line set" yes "$([[ -n $status ]] && echo yes || echo "no: '$status'")"

# 3. Journal: entries from the journal handler, with its fields; no seccomp noise.
journal=$(inside journalctl -u shadowd -o json --no-pager)
check "journal has handler entries (SHADOWD_LOGGER, CODE_FILE)" yes \
    "$(grep -q '"SHADOWD_LOGGER"' <<<"$journal" && grep -q '"CODE_FILE"' <<<"$journal" && echo yes || echo no)"
check "no entry at priority crit or worse" 0 "$(grep -c '"PRIORITY":"[0-2]"' <<<"$journal" || true)"

# 4. Control socket: 0660 group shadowd; a member may use shadowctl, anyone else may not.
check "control socket 0660 shadowd" "660 shadowd" "$(inside stat -c '%a %G' /run/shadowd/control.sock 2>&1)"
inside useradd -M -G shadowd alice
inside useradd -M bob
as() {  # as USER COMMAND…: runs without PAM (the volatile /etc has none), with USER's groups
    local user=$1; shift
    inside setpriv --reuid="$(inside id -u "$user")" --regid="$(inside id -g "$user")" --init-groups "$@"
}
check "group member: shadowctl status" 0 "$(as alice /usr/local/bin/shadowctl status >/dev/null 2>&1; echo $?)"
check "non-member: shadowctl status refused" 1 "$(as bob /usr/local/bin/shadowctl status >/dev/null 2>&1 && echo 0 || echo 1)"

# 5. Spool: a member drops a file; the daemon replays it and moves it to done/.
as alice sh -c 'cp /src/fixtures/demo/traffic.jsonl /var/lib/shadowd/spool/.t.tmp && mv /var/lib/shadowd/spool/.t.tmp /var/lib/shadowd/spool/t.jsonl'
spool_done() { inside test -e /var/lib/shadowd/spool/done/t.jsonl; }
check "spooled file replayed into done/" yes "$(wait_until 20 spool_done && echo yes || echo no)"

# 5b. A replay handed to the daemon with shadowctl (the file is opened by the caller): its rows in the database
#     match a --local replay of the same file, and the journal has the daemon's structured entries.
as alice sh -c '/usr/local/bin/shadowctl replay --wait --json /src/fixtures/demo/traffic.jsonl > /tmp/job.json'
json_field() { inside sed -n "s/^  \"$1\" : \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}\$/\1/p" /tmp/job.json | head -1; }
check "shadowctl replay --wait: job done" done "$(json_field state)"
run=$(json_field run)
inside sh -c 'sed "s#/var/lib/shadowd/shadowd.db#/tmp/reference.db#" /etc/shadowd/shadowd.toml > /tmp/reference.toml'
inside /usr/local/bin/shadowctl replay --local --quiet --config /tmp/reference.toml /src/fixtures/demo/traffic.jsonl >/dev/null
reference=$(inside sqlite3 /tmp/reference.db "SELECT count(*) FROM disagreements")
check "submitted replay rows = --local rows" "$reference" \
    "$(inside sqlite3 /var/lib/shadowd/shadowd.db "SELECT count(*) FROM disagreements WHERE run_id = $run")"
journal=$(inside journalctl -u shadowd -o json --no-pager)
check "journal: ready entry with MESSAGE_ID and SHADOWD_DATABASE" yes \
    "$(grep '"MESSAGE_ID":"6f2b9c1a4e8d4f0b9a3c5d7e1f2a3b4c"' <<<"$journal" | grep -q '"SHADOWD_DATABASE":"/var/lib/shadowd/shadowd.db"' && echo yes || echo no)"

# 5c. Reload with a bad config: refused (journal names the key), same process, old config still serving.
inside cp /etc/shadowd/shadowd.toml /tmp/good.toml
inside sh -c 'sed "s/^abs_tol = 0.05/abs_tol = 0.05\ntolerance = 1/" /tmp/good.toml > /etc/shadowd/shadowd.toml'
check "reload with a bad config" 0 "$(inside systemctl reload shadowd >/dev/null 2>&1; echo $?)"
check "bad config: same process" "$pid" "$(inside systemctl show -p MainPID --value shadowd)"
refused() { inside journalctl -u shadowd -o json --no-pager | grep '"MESSAGE_ID":"c3e6a9d2f5b84c1e9a7d3f6b2c5e8a14"' | grep -q 'compare.tolerance'; }
check "bad config: journal entry names compare.tolerance" yes "$(wait_until 10 refused && echo yes || echo no)"
check "bad config: still serving" 0 "$(as alice /usr/local/bin/shadowctl status >/dev/null 2>&1; echo $?)"
inside cp /tmp/good.toml /etc/shadowd/shadowd.toml

# 5d. Watchdog: with the test-only switch the work loop stops pinging; systemd kills the daemon
#     (Result=watchdog) and restarts it, and the restarted daemon works (shorter WatchdogSec for the test).
inside mkdir -p /etc/systemd/system/shadowd.service.d
inside sh -c 'printf "[Unit]\nStartLimitIntervalSec=0\n[Service]\nWatchdogSec=3s\nRestartSec=4s\n" > /etc/systemd/system/shadowd.service.d/test.conf'
inside systemctl daemon-reload
inside sh -c 'cat /tmp/good.toml > /etc/shadowd/shadowd.toml; printf "watchdog_test_stall = true\n" >> /etc/shadowd/shadowd.toml'
inside systemctl restart shadowd
stalled_pid=$(inside systemctl show -p MainPID --value shadowd)
watchdog_fired() { inside journalctl -u shadowd --no-pager | grep -q "Watchdog timeout"; }
check "watchdog kills the stalled daemon" yes "$(wait_until 20 watchdog_fired && echo yes || echo no)"
inside cp /tmp/good.toml /etc/shadowd/shadowd.toml
restarted() { local p; p=$(inside systemctl show -p MainPID --value shadowd); [[ $p != 0 && $p != "$stalled_pid" ]] && inside systemctl is-active --quiet shadowd; }
check "restarted after the watchdog kill" yes "$(wait_until 20 restarted && echo yes || echo no)"
check "result recorded as watchdog" yes \
    "$(inside journalctl -u shadowd --no-pager | grep -q "Failed with result 'watchdog'" && echo yes || echo no)"

# 5e. kill -9 in the middle of a followed source; the restart resumes with exact row counts.
inside install -d -o shadowd -g shadowd /var/lib/shadowd/in
inside sh -c 'for copy in $(seq 1 20); do sed "s/\"id\":\"r-/\"id\":\"c$copy-/" /src/fixtures/demo/traffic.jsonl; done > /tmp/big.jsonl'
inside sh -c 'printf "\n[[sources]]\npath = \"/var/lib/shadowd/in/*.jsonl\"\n" >> /etc/shadowd/shadowd.toml'
inside systemctl restart shadowd
inside sh -c 'cp /tmp/big.jsonl /var/lib/shadowd/in/.big && mv /var/lib/shadowd/in/.big /var/lib/shadowd/in/big.jsonl'
key="source:/var/lib/shadowd/in/big.jsonl"
progress() { inside sqlite3 /var/lib/shadowd/shadowd.db "SELECT records FROM checkpoints WHERE source = '$key'" 2>/dev/null; }
midway() { local r; r=$(progress); [[ -n $r && $r -gt 5000 ]]; }
wait_until 30 midway
killed_pid=$(inside systemctl show -p MainPID --value shadowd)
inside kill -9 "$killed_pid"
at_kill=$(progress)
check "killed mid-replay" yes "$([[ -n $at_kill && $at_kill -lt 240000 ]] && echo yes || echo "no ($at_kill)")"
finished() { [[ $(progress) == 240000 ]]; }
check "restart resumed to the end" yes "$(wait_until 60 finished && echo yes || echo "no ($(progress))")"
inside /usr/local/bin/shadowctl replay --local --quiet --config /tmp/reference.toml /tmp/big.jsonl >/dev/null
big_run=$(inside sqlite3 /var/lib/shadowd/shadowd.db "SELECT run_id FROM checkpoints WHERE source = '$key'")
check "after kill -9: rows = a clean replay's rows" \
    "$(inside sqlite3 /tmp/reference.db "SELECT count(*) FROM disagreements WHERE run_id = (SELECT max(id) FROM runs)")" \
    "$(inside sqlite3 /var/lib/shadowd/shadowd.db "SELECT count(*) FROM disagreements WHERE run_id = $big_run")"
check "after kill -9: no duplicated rows" 0 "$(inside sqlite3 /var/lib/shadowd/shadowd.db \
    "SELECT count(*) FROM (SELECT record_id, shadow FROM disagreements WHERE run_id = $big_run GROUP BY 1, 2 HAVING count(*) > 1)")"
inside rm -f /etc/systemd/system/shadowd.service.d/test.conf
inside systemctl daemon-reload
pid=$(inside systemctl show -p MainPID --value shadowd)

# 6. Reload keeps the process; stop is clean.
check "systemctl reload" 0 "$(inside systemctl reload shadowd >/dev/null 2>&1; echo $?)"
check "reload kept the process" "$pid" "$(inside systemctl show -p MainPID --value shadowd)"
check "active after reload" active "$(inside systemctl is-active shadowd 2>&1)"
inside systemctl stop shadowd
check "stop result" "ExecMainStatus=0 Result=success" \
    "$(inside systemctl show -p Result -p ExecMainStatus shadowd | sort | paste -sd ' ')"

# 7. Uninstall keeps data; --purge removes it; both idempotent.
inside /src/deploy/uninstall.sh >/dev/null
check "uninstall removed the unit" gone "$(inside systemctl cat shadowd >/dev/null 2>&1 && echo present || echo gone)"
check "uninstall kept the database" yes "$(inside test -e /var/lib/shadowd/shadowd.db && echo yes || echo no)"
inside /src/deploy/uninstall.sh --purge >/dev/null
check "uninstall --purge twice" 0 "$(inside /src/deploy/uninstall.sh --purge >/dev/null 2>&1; echo $?)"
check "purge removed state, config and user" "no no no" \
    "$(for p in /var/lib/shadowd /etc/shadowd; do inside test -e $p && echo -n 'yes ' || echo -n 'no '; done; inside getent passwd shadowd >/dev/null && echo yes || echo no)"

echo "install-check: $passed passed, $failed failed"
((failed == 0))
