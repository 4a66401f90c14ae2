#!/usr/bin/env bash
# Installs the Debian packages shadowd builds and tests with, when any is missing. Idempotent; needs root (or sudo).
set -euo pipefail
packages=(pkg-config libsqlite3-dev zlib1g-dev libxxhash-dev xxhash libsystemd-dev sqlite3 procps systemd systemd-container dbus util-linux time chromium wrk gcc curl openssl stunnel4)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}" >&2
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Python packages of the end-to-end tests (prometheus_client parses the /metrics scrape; without it the test uses a
# strict parser of its own, so a failed install is not fatal).
if ! python3 -c "import prometheus_client" 2>/dev/null; then
    python3 -m pip install -q -r "$(dirname "$0")/daemon/requirements.txt" \
        || echo "prometheus-client not installed: daemon_e2e.py parses /metrics with its own parser" >&2
fi
# Python packages the end-to-end tests and benchmarks run: real xgboost (the backtest's retrain hook, fixture checks),
# orjson (the replay anchor), River (the drift detectors' anchor).
if ! python3 -c "import xgboost, numpy, orjson, river" 2>/dev/null; then
    python3 -m pip install -q -r "$(dirname "$0")/requirements-fixtures.txt" orjson -r "$(dirname "$0")/drift/requirements.txt"
fi
if ! command -v swift >/dev/null 2>&1; then
    if [ -x /opt/swift/usr/bin/swift ]; then
        echo "add Swift to PATH: export PATH=/opt/swift/usr/bin:\$PATH" >&2
    else
        echo "Swift 6.x is required (swift not found on PATH)" >&2
    fi
    exit 1
fi
