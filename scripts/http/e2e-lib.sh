# Shared by scripts/http-e2e.sh and scripts/https-e2e.sh (sourced, from the repository root): builds or takes the
# binaries (SHADOWCTL / TESTSERVER = paths skip the build), makes the work folder (kept with KEEP=1), counts checks
# and starts shadow-testserver processes, stopped at exit.
# usage: source scripts/http/e2e-lib.sh NAME
export PATH="/opt/swift/usr/bin:$PATH"
if [ -z "${SHADOWCTL:-}" ]; then swift build --product shadowctl >&2 || exit 1; fi
if [ -z "${TESTSERVER:-}" ]; then swift build --product shadow-testserver >&2 || exit 1; fi
ctl="${SHADOWCTL:-.build/debug/shadowctl}"
server="${TESTSERVER:-.build/debug/shadow-testserver}"
work=$(mktemp -d "/tmp/shadowd-$1.XXXXXX")
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
[ -n "${KEEP:-}" ] && trap - EXIT
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1: $2" >&2; }
start_server() {  # start_server NAME ARGS… → sets port
    local name="$1"; shift
    "$server" "$@" > "$work/$name.port" 2> "$work/$name.err" &
    pids+=($!)
    for _ in $(seq 100); do grep -q listening "$work/$name.port" 2>/dev/null && break; sleep 0.05; done
    port=$(awk '/listening/ {print $2}' "$work/$name.port")
}
