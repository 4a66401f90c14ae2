#!/usr/bin/env bash
# The scored drift benchmark (issue 5, "Quality and speed"): River's ADWIN, DDM and Page-Hinkley beside shadowd's
# on the same generated streams, the feature-drift triggers, and detector throughput; one table and the verdicts.
#   scripts/bench-drift.sh           full run: 20 000-record drift streams, 7-day seasonal streams (720 records/hour)
#   scripts/bench-drift.sh --smoke   CI: 14 000-record drift streams, 50-hour seasonal streams
# Exits 1 when an accuracy verdict is "no"; throughput is printed, never enforced (CI boxes are loaded).
# SHADOWD_BENCH_SCRATCH picks the build folder (default .build, as scripts/bench.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
scratch=${SHADOWD_BENCH_SCRATCH:-.build}

records=20000; seasonal=120960; samples=1000000; passes=7
if [ "${1:-}" = "--smoke" ]; then records=14000; seasonal=36000; samples=1000000; passes=3; fi

python3 -c "import river" 2>/dev/null || pip install -q -r scripts/drift/requirements.txt
swift build -c release --product shadow-bench --scratch-path "$scratch" >&2
work=$(mktemp -d /tmp/shadowd-bench-drift.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)  river $(python3 -c 'import river; print(river.__version__)')"
python3 scripts/drift/make_streams.py "$work/streams" --records "$records" \
    --seasonal-step 5 --seasonal-records "$seasonal" > /dev/null
python3 scripts/drift/river_detectors.py "$work"/streams/*.jsonl > "$work/river.jsonl"
python3 scripts/drift/river_detectors.py --throughput "$samples" --json > "$work/river-throughput.json"
status=0
"$scratch/release/shadow-bench" drift "$work/streams" --river "$work/river.jsonl" \
    --river-throughput "$work/river-throughput.json" --samples "$samples" --passes "$passes" || status=$?
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
