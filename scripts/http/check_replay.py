"""Checks one http-e2e replay: the summary's counts, each stored answer against the test servers' formula, and the
error count against the servers' scripted error draws (the same splitmix64 stream as shadow-testserver).

usage: check_replay.py SUMMARY.json DB LINES CHAMPION_SCALE SHADOW_SCALE BIAS SEED RATE_500 RATE_RESET [TRAFFIC]

With TRAFFIC (the canonical log a capture was made from), each stored row's features must also equal that record's
features in the log: a capture decoded from another wire protocol must give back exactly what was sent.
"""
import json
import math
import sqlite3
import sys

summary_path, db, lines, c_scale, s_scale, bias, seed, rate500, rate_reset = sys.argv[1:10]
lines, seed = int(lines), int(seed)
original = {}
if len(sys.argv) > 10:
    with open(sys.argv[10]) as log:
        for line in log:
            record = json.loads(line)
            original[record["id"]] = record["features"]
c_scale, s_scale, bias, rate500, rate_reset = map(float, (c_scale, s_scale, bias, rate500, rate_reset))
M = (1 << 64) - 1


def uniform(number, salt):
    z = (seed + number * 0x9E3779B97F4A7C15 + salt * 0xD1B54A32D192ED03) & M
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    z ^= z >> 31
    return (z >> 11) / float(1 << 53)


def expected_errors():
    resets = fails = 0
    for k in range(1, lines + 1):
        u = uniform(k, 2)
        if u < rate_reset:
            resets += 1
        elif u - rate_reset < rate500:
            fails += 1
    return resets, fails


def logistic(scale, features):
    z = bias + scale * sum(v for v in features.values() if isinstance(v, (int, float)))
    return 1 / (1 + math.exp(-z))


problems = []
out = json.load(open(summary_path))
s = out["summary"] if "summary" in out else out
if s["records"] != lines:
    problems.append(f"records {s['records']} != {lines}")
models = {m["name"]: m for m in s["models"]}
resets, fails = expected_errors()
if models["champion"]["errors"] != 0:
    problems.append(f"champion errors {models['champion']['errors']}")
if models["candidate"]["errors"] != resets + fails:
    problems.append(f"candidate errors {models['candidate']['errors']} != scripted {resets} resets + {fails} 500s")
con = sqlite3.connect(db)
rows = con.execute("select kind, champion_output, shadow_output, features, record_id from disagreements").fetchall()
codes = {}
checked = 0
for kind, champ, shadow, features, record_id in rows:
    f = json.loads(features)
    if original and f != original.get(record_id):
        problems.append(f"{record_id}: features {f} != the log's {original.get(record_id)}")
    if abs(float(champ) - logistic(c_scale, f)) > 1e-9:
        problems.append(f"champion answer {champ} != formula {logistic(c_scale, f)}")
    if shadow.startswith("{"):
        code = json.loads(shadow)["error"]
        codes[code] = codes.get(code, 0) + 1
    elif abs(float(shadow) - logistic(s_scale, f)) > 1e-9:
        problems.append(f"shadow answer {shadow} != formula {logistic(s_scale, f)}")
    checked += 1
if codes.get("reset", 0) != resets or codes.get("http_5xx", 0) != fails:
    problems.append(f"stored error rows {codes} != scripted reset {resets}, http_5xx {fails}")
if problems:
    print("\n".join(problems[:10]))
    sys.exit(1)
print(f"ok: {lines} records, {checked} rows checked, errors {codes}")
