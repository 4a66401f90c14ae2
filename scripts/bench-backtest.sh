#!/usr/bin/env bash
# The retraining-strategy benchmark (issue 7): never / periodic / drift-triggered / DDM strategies with the built-in
# linear trainer on the drift issue's streams (abrupt and gradual concept drift, stable), labels one hour late; the
# ranking table per stream with its verdicts, then a 3-strategy backtest of N records (default 1 000 000) timed.
#   scripts/bench-backtest.sh           full run: 20 000-record streams, 1M-record timing
#   scripts/bench-backtest.sh --smoke   CI: the same streams, 200 000-record timing
# Exits 1 when a verdict is "no". SHADOWD_BENCH_SCRATCH picks the build folder (default .build, as scripts/bench.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
scratch=${SHADOWD_BENCH_SCRATCH:-.build}
records=1000000
if [ "${1:-}" = "--smoke" ]; then records=200000; fi

python3 -c "import river" 2>/dev/null || pip install -q -r scripts/drift/requirements.txt
swift build -c release --product shadow-bench --scratch-path "$scratch" >&2
work=$(mktemp -d /tmp/shadowd-bench-backtest.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)"
python3 scripts/drift/make_streams.py "$work/streams" --records 20000 > /dev/null
status=0
"$scratch/release/shadow-bench" backtest "$work/streams" --records "$records" || status=$?
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
