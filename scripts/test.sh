#!/usr/bin/env bash
# README's second command: installs what is missing, then runs the unit tests, the command-line end-to-end
# test, and the benchmark in its short smoke form.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
scripts/ensure-deps.sh
swift build --build-tests
swift test --skip-build
scripts/e2e-local.sh
scripts/bench.sh --smoke
