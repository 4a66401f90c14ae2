#!/usr/bin/env bash
# README's second command: installs what is missing, then runs the command-line and daemon end-to-end tests, the benchmark in
# its short smoke form, and the unit tests (last, so their summary line closes the output).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
scripts/ensure-deps.sh
swift build --build-tests
scripts/e2e-local.sh
python3 scripts/daemon/daemon_e2e.py .build/debug
scripts/bench.sh --smoke
swift test --skip-build
