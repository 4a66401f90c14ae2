#!/usr/bin/env bash
# End-to-end test of https:// HTTP models: makes a throwaway CA and a server certificate with openssl, puts stunnel4
# (real TLS) in front of two shadow-testserver processes, then replays fixtures/demo/traffic.jsonl through an https
# champion and an https shadow (the shadow with scripted 500s and resets) for kserve-v2 and mlflow, and checks the
# record count, every stored answer against the servers' formula and the errors against the scripted draws. Then:
# a shadow trusting the wrong CA (and one trusting only the system roots, and one whose certificate names another
# host) gets a `tls` error per record stored in the DB while the run completes; tls_verify = false works
# against the unknown CA; check-config refuses ca_file on an http:// url and an unreadable ca_file, naming them.
# Prints "N passed, M failed". SHADOWCTL / TESTSERVER = paths skip the build.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/http/e2e-lib.sh https-e2e
source scripts/https/tls-front.sh

scripts/https/make-certs.sh "$work" || { echo "0 passed, 1 failed"; echo "FAIL openssl could not make the certificates" >&2; exit 1; }
# The first 3,000 records of the demo log: enough for the scripted error draws, quick through TLS in a debug build.
traffic="$work/traffic.jsonl"
head -n 3000 fixtures/demo/traffic.jsonl > "$traffic"
lines=$(wc -l < "$traffic")
features='["age","income","tenure_months","logins_30d","spend_30d","support_tickets","days_since_login","discount","pages_per_visit","plan_tier"]'
c_scale=0.00002; s_scale=0.000021; bias=-0.7; seed=11; rate500=0.02; reset=0.01
start_server champion --scale $c_scale --bias $bias
start_tls_front champion "$port" || exit 1
champion_tls=$tls_port

write_config() {  # write_config FILE PROTOCOL CANDIDATE_URL CANDIDATE_TRUST_LINES [CHAMPION_TRUST_LINES]
    local extra="" champion_trust=${5-'ca_file = "ca.pem"'}
    [ "$2" = mlflow ] && extra='format = "dataframe_records"'
    cat > "$1" <<TOML
[[models]]
name = "champion"
role = "champion"
kind = "http"
url = "https://127.0.0.1:$champion_tls"
protocol = "$2"
connections = 8
features = $features
$champion_trust
$extra

[[models]]
name = "candidate"
role = "shadow"
kind = "http"
url = "$3"
protocol = "$2"
connections = 8
timeout_ms = 5000
features = $features
$4
$extra

[compare]
task = "binary"
abs_tol = 0.0

[store]
path = "$1.db"
TOML
}

replay() {  # replay NAME → runs the config $work/NAME.toml; stdout JSON in $work/NAME.json
    "$ctl" replay --local --quiet --json --config "$work/$1.toml" --db "$work/$1.db" "$traffic" \
        > "$work/$1.json" 2> "$work/$1.err"
}

for protocol in kserve-v2 mlflow; do
    # A fresh candidate per protocol so its request numbering (and the scripted errors) start at 1.
    start_server "candidate-$protocol" --scale $s_scale --bias $bias --seed $seed --rate-500 $rate500 --rate-reset $reset --chunked
    start_tls_front "candidate-$protocol" "$port" || exit 1
    write_config "$work/$protocol.toml" "$protocol" "https://127.0.0.1:$tls_port" "ca_file = \"$work/ca.pem\""
    if replay "$protocol"; then
        if msg=$(python3 scripts/http/check_replay.py "$work/$protocol.json" "$work/$protocol.db" "$lines" \
            $c_scale $s_scale $bias $seed $rate500 $reset 2>&1); then ok "https $protocol: $msg"; else bad "https $protocol" "$msg"; fi
    else
        bad "https $protocol" "replay failed: $(tail -3 "$work/$protocol.err")"
    fi
done

# A clean shadow for the trust cases: answers every record, so every error below is the handshake's.
start_server clean --scale $s_scale --bias $bias
start_tls_front clean "$port" || exit 1
clean_tls=$tls_port

tls_errors_case() {  # tls_errors_case NAME URL TRUST_LINES LABEL → shadow errors = every record, each a tls row
    write_config "$work/$1.toml" kserve-v2 "$2" "$3"
    if replay "$1"; then
        local errs rows
        errs=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; print([m['errors'] for m in s['models']])" "$work/$1.json")
        rows=$(sqlite3 "$work/$1.db" "select count(*) from disagreements where shadow_output like '%\"error\":\"tls\"%'")
        if [ "$errs" = "[0, $lines]" ] && [ "$rows" = "$lines" ]; then ok "$4: errors $errs, $rows tls rows, run complete"
        else bad "$4" "errors $errs, tls rows $rows (expected [0, $lines] and $lines)"; fi
    else
        bad "$4" "replay failed (status $?): $(tail -3 "$work/$1.err")"
    fi
}
tls_errors_case wrong-ca "https://127.0.0.1:$clean_tls" "ca_file = \"other-ca.pem\"" "wrong CA: tls per record"
tls_errors_case system-roots "https://127.0.0.1:$clean_tls" "" "system roots only: tls per record"
start_tls_front named "$port" named || exit 1
tls_errors_case wrong-name "https://127.0.0.1:$tls_port" "ca_file = \"ca.pem\"" \
    "certificate for another name (model.internal): tls per record"

# tls_verify = false: the unknown CA is accepted (both models), every answer matches the formula.
write_config "$work/noverify.toml" kserve-v2 "https://127.0.0.1:$clean_tls" "tls_verify = false" "tls_verify = false"
if replay noverify; then
    if msg=$(python3 scripts/http/check_replay.py "$work/noverify.json" "$work/noverify.db" "$lines" \
        $c_scale $s_scale $bias $seed 0 0 2>&1); then ok "tls_verify = false against the unknown CA: $msg"
    else bad "tls_verify = false" "$msg"; fi
else
    bad "tls_verify = false" "replay failed: $(tail -3 "$work/noverify.err")"
fi

# check-config: ca_file on an http:// url, and an unreadable ca_file, are refused with file:line: key.
sed -e "s#url = \"https://127.0.0.1:$champion_tls\"#url = \"http://127.0.0.1:$champion_tls\"#" "$work/noverify.toml" \
    | sed -e '0,/tls_verify = false/s//ca_file = "ca.pem"/' > "$work/plain-ca.toml"
if out=$("$ctl" check-config "$work/plain-ca.toml" 2>&1); then
    bad "ca_file on http://" "check-config accepted it"
elif echo "$out" | grep -q 'plain-ca.toml:9: models\[0\].ca_file: only an https:// url takes this key'; then
    ok "check-config refuses ca_file on an http:// url (file:line: key)"
else
    bad "ca_file on http://" "$out"
fi
sed -e 's#ca_file = "ca.pem"#ca_file = "missing-ca.pem"#' "$work/kserve-v2.toml" > "$work/missing-ca.toml"
if out=$("$ctl" check-config "$work/missing-ca.toml" 2>&1); then
    bad "unreadable ca_file" "check-config accepted it"
elif echo "$out" | grep -q "missing-ca.toml:9: models\[0\].ca_file: \"$work/missing-ca.pem\": cannot open the file"; then
    ok "check-config names an unreadable ca_file"
else
    bad "unreadable ca_file" "$out"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
