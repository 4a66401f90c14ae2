#!/usr/bin/env bash
# End-to-end test of `shadowctl report` in a real browser (Debian's chromium, headless):
#  1. replays fixtures/backtest/traffic.jsonl with the drift scenario of fixtures/backtest/scenario.toml and drift
#     monitoring on (a [drift] section added to the fixture config), then runs the fixture's strategy backtest into
#     the same database; `shadowctl report latest` picks the backtest up by its input file;
#  2. replays the demo fixtures (no drift, no backtest) into a second database: absent sections become notes;
#  3. loads each report in chromium (--headless --no-sandbox --disable-gpu): a 1280x4000 screenshot must be a
#     non-blank PNG (scripts/report/check_png.py), the dumped DOM must hold every section and its charts, and the
#     browser log must show no console error (checked against a page with a deliberate script error first).
# Prints "N passed, M failed". SHADOWCTL=path skips the build; KEEP=dir keeps the reports and screenshots there.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PATH="/opt/swift/usr/bin:$PATH"
if [ -z "${SHADOWCTL:-}" ]; then swift build --product shadowctl >&2 || exit 1; fi
ctl="${SHADOWCTL:-.build/debug/shadowctl}"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then echo "chromium not installed (scripts/ensure-deps.sh installs it)"; echo "0 passed, 1 failed"; exit 1; fi
work=$(mktemp -d /tmp/shadowd-report-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0
check() {  # check NAME EXIT-STATUS DETAIL
    if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "ok   $1"; else failed=$((failed + 1)); printf 'FAIL %s: %s\n' "$1" "$3"; fi
}
fx=$root/fixtures/backtest

# 1. Drift + backtest.
sed -e "s|path = \"champion.json\"|path = \"$fx/champion.json\"|" -e "s|path = \"candidate.json\"|path = \"$fx/candidate.json\"|" \
    -e "s|path = \"backtest.db\"|path = \"$work/drift.db\"|" "$fx/backtest.toml" > "$work/drift.toml"
cat >> "$work/drift.toml" <<'TOML'

[drift]
enabled = true
window = 500
step = 250
reference_records = 1500
statistics = ["psi", "ks"]

[[drift.rules]]
name = "x0-shift"
signal = "psi:x0"
warn = 0.1
alert = 0.25
TOML
"$ctl" replay --local --quiet -c "$work/drift.toml" --db "$work/drift.db" --scenario "$fx/scenario.toml" \
    "$fx/traffic.jsonl" > /dev/null 2> "$work/replay.err"
check "replay with drift scenario and monitoring" $? "$(cat "$work/replay.err")"
"$ctl" backtest -c "$work/drift.toml" --strategies "$fx/strategies.toml" --db "$work/drift.db" "$fx/traffic.jsonl" \
    > /dev/null 2> "$work/backtest.err"
check "backtest into the same database" $? "$(cat "$work/backtest.err")"
"$ctl" report latest --db "$work/drift.db" --out "$work/drift.html" 2> "$work/report.err"
check "report of the drift run" $? "$(cat "$work/report.err")"

# 2. Demo run: no drift, no backtest.
"$ctl" replay --local --quiet -c fixtures/demo/shadowd.toml --db "$work/demo.db" fixtures/demo/traffic.jsonl \
    fixtures/demo/traffic-with-bad-lines.jsonl > /dev/null 2>&1
"$ctl" report 1 --db "$work/demo.db" --out "$work/demo.html" 2> "$work/report2.err"
check "report of the demo run" $? "$(cat "$work/report2.err")"
"$ctl" report 7 --db "$work/demo.db" --out "$work/none.html" > /dev/null 2>&1
[ $? = 1 ] && [ ! -e "$work/none.html" ]; check "a missing run is refused, nothing written" $? "exit status or file"

# 3. The browser.
load() {  # load NAME: screenshot, DOM and log of $work/NAME.html
    (cd "$work" && timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --window-size=1280,4000 --screenshot="$work/$1.png" "file://$work/$1.html" > /dev/null 2> "$work/$1.shot.log")
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 --dump-dom \
        "file://$work/$1.html" > "$work/$1.dom" 2> "$work/$1.log"
}
console_errors() { grep -E 'CONSOLE|Uncaught' "$work/$1.log" "$work/$1.shot.log" | grep -Eiv 'dbus|gpu|gles' || true; }

printf '<!DOCTYPE html><html><body><p>x</p><script>undefinedFunction();</script></body></html>\n' > "$work/broken.html"
load broken
[ -n "$(console_errors broken)" ]; check "the console check sees a deliberate script error" $? "no CONSOLE line in the log"

for page in drift demo; do
    load "$page"
    errors=$(console_errors "$page")
    [ -z "$errors" ]; check "$page: no console error" $? "$errors"
    out=$(python3 scripts/report/check_png.py "$work/$page.png" 1280 4000 2>&1)
    check "$page: screenshot is a non-blank PNG ($out)" $? "$out"
    for id in summary latency throughput disagreements features drift manifest backtest; do
        grep -q "<section id=\"$id\">" "$work/$page.dom"; check "$page: DOM has section $id" $? "missing"
    done
    grep -q 'id="latency-percentiles"' "$work/$page.dom"; check "$page: latency percentile chart" $? "missing"
    grep -q 'id="throughput-chart"' "$work/$page.dom"; check "$page: throughput chart" $? "missing"
    grep -q '<polygon class="band"' "$work/$page.dom"; check "$page: noise floor band" $? "missing"
done
python3 - "$work/drift.dom" "$work/demo.dom" <<'PY'
import re, sys
drift, demo = (open(p).read() for p in sys.argv[1:3])
def section(html, name):
    m = re.search(r'<section id="%s">(.*?)</section>' % name, html, re.S)
    return m.group(1) if m else ""
problems = []
d = section(drift, "drift")
if "<h3>psi</h3>" not in d: problems.append("drift run: no psi chart")
if 'class="mark"' not in d: problems.append("drift run: no trigger mark")
if "x0-shift" not in d: problems.append("drift run: no trigger row")
b = section(drift, "backtest")
if 'id="backtest-chart"' not in b: problems.append("drift run: no backtest chart")
for name in ("never", "periodic", "drift-trigger", "ddm-gated"):
    if "<td>%s</td>" % name not in b: problems.append("drift run: ranking lacks " + name)
m = section(drift, "manifest")
if "<td>shift</td>" not in m: problems.append("drift run: manifest lacks the scenario")
if "traffic.jsonl" not in m: problems.append("drift run: manifest lacks the input")
if 'class="note"' not in section(demo, "drift"): problems.append("demo run: drift is not a note")
if 'class="note"' not in section(demo, "backtest"): problems.append("demo run: backtest is not a note")
if "<script" in drift or "<script" in demo: problems.append("a report has a script")
print("; ".join(problems))
sys.exit(1 if problems else 0)
PY
check "section contents (drift charts, trigger, backtest ranking, manifest, notes)" $? "see above"

if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$work"/*.html "$work"/*.png "$KEEP"/ && echo "kept in $KEEP"; fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
