#!/usr/bin/env bash
# README's first command: replays the 12,000 recorded requests in fixtures/demo through the embedded champion and
# candidate, prints the summary, and leaves the results in demo.db (open it with sqlite3).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
scripts/ensure-deps.sh
swift build -c release --product shadowctl >&2
db="${1:-demo.db}"
.build/release/shadowctl replay --local --config fixtures/demo/shadowd.toml --db "$db" \
    fixtures/demo/traffic.jsonl fixtures/demo/traffic-with-bad-lines.jsonl
echo
echo "try: sqlite3 $db \"SELECT shadow, kind, count(*) FROM disagreements GROUP BY 1, 2\""
