#!/usr/bin/env bash
# End-to-end test of HTTP models: for each wire protocol, replays fixtures/demo/traffic.jsonl through a champion and a
# shadow served by two shadow-testserver processes (the shadow with scripted 500s and resets), then checks the record
# count, every stored answer against the servers' formula, and the error counts against the scripted draws.
# Then, when MLServer installs from pip (scripts/http/requirements-mlserver.txt, in a venv), serves the xgboost
# fixture models over kserve-v2 and checks the replay's answers against the models' reference predictions (1e-6).
# Prints "N passed, M failed". SHADOWCTL / TESTSERVER = paths skip the build.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/http/e2e-lib.sh http-e2e

traffic=fixtures/demo/traffic.jsonl
lines=$(wc -l < "$traffic")
features='["age","income","tenure_months","logins_30d","spend_30d","support_tickets","days_since_login","discount","pages_per_visit","plan_tier"]'
c_scale=0.00002; s_scale=0.000021; bias=-0.7; seed=11; rate500=0.02; reset=0.01
start_server champion --scale $c_scale --bias $bias
champion_port=$port
start_server candidate --scale $s_scale --bias $bias --seed $seed --rate-500 $rate500 --rate-reset $reset --chunked
candidate_port=$port

model_block() {  # model_block NAME ROLE PORT PROTOCOL [FORMAT] → one [[models]] table (the shadow waits 5 s)
    local extra="" path=""
    case $4 in
        json) extra=$'request_template = \'{"features":{{features}}}\'\noutput_pointer = "/result/score"'; path="/predict" ;;
        *) [ -n "${5:-}" ] && extra="format = \"$5\"" ;;
    esac
    printf '[[models]]\nname = "%s"\nrole = "%s"\nkind = "http"\nurl = "http://127.0.0.1:%s%s"\nprotocol = "%s"\n' \
        "$1" "$2" "$3" "$path" "$4"
    [ "$2" = shadow ] && printf 'timeout_ms = 5000\n'
    printf 'connections = 8\nfeatures = %s\n%s\n\n' "$features" "$extra"
}
write_config() {  # write_config NAME CHAMPION_MODEL_BLOCK_ARGS… -- CANDIDATE_MODEL_BLOCK_ARGS… → $work/NAME.toml
    local name=$1; shift
    local champion=()
    while [ "$1" != "--" ]; do champion+=("$1"); shift; done
    shift
    { model_block champion champion "$champion_port" "${champion[@]}"
      model_block candidate shadow "$candidate_port" "$@"
      printf '[compare]\ntask = "binary"\nabs_tol = 0.0\n\n[store]\npath = "%s"\n' "$work/$name.db"
    } > "$work/$name.toml"
}
fresh_candidate() {  # a new candidate server, so its request numbering (and the scripted errors) start at 1
    kill "${pids[-1]}" 2>/dev/null; wait "${pids[-1]}" 2>/dev/null
    start_server candidate --scale $s_scale --bias $bias --seed $seed --rate-500 $rate500 --rate-reset $reset --chunked
    candidate_port=$port
}
replay_and_check() {  # replay_and_check LABEL NAME INPUT LINES [TRAFFIC] → replays $work/NAME.toml, checks the answers
    if "$ctl" replay --local --quiet --json --config "$work/$2.toml" --db "$work/$2.db" "$3" \
        > "$work/$2.json" 2> "$work/$2.err"; then
        if msg=$(python3 scripts/http/check_replay.py "$work/$2.json" "$work/$2.db" "$4" \
            $c_scale $s_scale $bias $seed $rate500 $reset ${5:+"$5"} 2>&1); then ok "$1: $msg"; else bad "$1" "$msg"; fi
    else
        bad "$1" "replay failed: $(tail -3 "$work/$2.err")"
    fi
}

for protocol in kserve-v2 mlflow tfserving seldon json; do
    format=""
    case $protocol in
        mlflow) format=dataframe_records ;;
        tfserving) format=columnar ;;
    esac
    fresh_candidate
    write_config "$protocol" "$protocol" $format -- "$protocol" $format
    replay_and_check "$protocol" "$protocol" "$traffic" "$lines"
done
# A refused endpoint: every record is an error for that model, and the run still completes.
sed -e "s#127.0.0.1:$candidate_port#127.0.0.1:9#" "$work/mlflow.toml" > "$work/refused.toml"
if "$ctl" replay --local --quiet --json --config "$work/refused.toml" --db "$work/refused.db" "$traffic" \
    > "$work/refused.json" 2> "$work/refused.err"; then
    errs=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['summary']; print([m['errors'] for m in s['models']])" "$work/refused.json")
    [ "$errs" = "[0, $lines]" ] && ok "refused endpoint: $errs" || bad "refused endpoint" "$errs"
else
    bad "refused endpoint" "replay failed: $(tail -3 "$work/refused.err")"
fi

# Another scheme is refused at config time, naming the file, line and key (https:// is scripts/https-e2e.sh's).
sed -e 's#url = "http://127.0.0.1:'"$champion_port"'#url = "ftp://127.0.0.1:'"$champion_port"'#' "$work/mlflow.toml" > "$work/ftp.toml"
if out=$("$ctl" check-config "$work/ftp.toml" 2>&1); then
    bad "ftp refused" "check-config accepted it"
elif echo "$out" | grep -q 'ftp.toml:5: models\[0\].url: expected http://host\[:port\]\[/path\] or https://'; then
    ok "ftp refused with file:line: key"
else
    bad "ftp refused" "$out"
fi

# Cross-protocol: captured bodies of one wire protocol (a GoReplay capture of the first 2,000 demo records) are
# decoded to features and re-encoded for models that speak other protocols; every answer is checked as above.
capture_lines=2000
variant() { case $1 in mlflow) echo dataframe_split ;; tfserving) echo row ;; esac; }
for pair in kserve-v2:mlflow:tfserving mlflow-split:kserve-v2:seldon mlflow-records:tfserving:json \
            tfserving-rows:seldon:kserve-v2 tfserving-columnar:json:mlflow seldon:kserve-v2:mlflow; do
    IFS=: read -r captured champion_protocol candidate_protocol <<< "$pair"
    python3 scripts/http/make_capture.py "$traffic" "$work/$captured.gor" "$captured" $capture_lines
    fresh_candidate
    write_config "x-$captured" "$champion_protocol" $(variant "$champion_protocol") -- \
        "$candidate_protocol" $(variant "$candidate_protocol")
    replay_and_check "$captured capture -> $champion_protocol + $candidate_protocol" "x-$captured" \
        "$work/$captured.gor" $capture_lines "$traffic"
done
scripts/http/mlserver-e2e.sh "$ctl" "$work" && ok "mlserver kserve-v2 xgboost = reference predictions (1e-6)" \
    || { rc=$?; [ $rc -eq 77 ] && echo "skip mlserver: not installable here" || bad "mlserver" "see above"; }

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
