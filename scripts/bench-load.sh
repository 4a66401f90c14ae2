#!/usr/bin/env bash
# The load-truth benchmark (issue 4): paced replays against a local delay server whose own hold times are the truth.
#   fixed 5 ms delay: reported p50 and p99 within 5% or 0.2 ms of the truth (and the candidate's 6 ms verdict);
#   a 1 s stall: the corrected p99 shows it, the uncorrected one does not (both printed);
#   memory flat over a million requests (100k with --smoke).
#   scripts/bench-load.sh [--smoke]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
if [ -z "${SHADOWCTL:-}" ]; then swift build -c release --product shadowctl >&2; fi
ctl="${SHADOWCTL:-.build/release/shadowctl}"
work=$(mktemp -d /tmp/shadowd-bench-load.XXXXXX)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/delay_server" scripts/bench/delay_server.c
python3 scripts/bench/load_truth.py "$ctl" "$work/delay_server" "$work" "$@"
