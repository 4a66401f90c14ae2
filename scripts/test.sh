#!/usr/bin/env bash
# README's second command: installs what is missing, then runs the command-line and daemon end-to-end tests, the benchmark in
# its short smoke form, and the unit tests (last, so their summary line closes the output).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
scripts/ensure-deps.sh
swift build --build-tests
scripts/e2e-local.sh
scripts/query-e2e.sh
scripts/http-e2e.sh
scripts/https-e2e.sh
scripts/load-e2e.sh
scripts/process-e2e.sh
scripts/formats-e2e.sh
scripts/report-e2e.sh
scripts/backtest-e2e.sh
scripts/models-e2e.sh
python3 scripts/daemon/daemon_e2e.py .build/debug
scripts/monitor/journal-e2e.sh
scripts/bench.sh --smoke
scripts/systemd/check-unit.sh
# Under real systemd (nspawn): install, start, replay, journal, reload, watchdog, kill -9, stop, uninstall.
swift build -c release --static-swift-stdlib --product shadowd
swift build -c release --static-swift-stdlib --product shadowctl
scripts/systemd/install-check.sh .build
swift test --skip-build
