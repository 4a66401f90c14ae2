"""Writes a GoReplay capture (.gor) of the first N records of a canonical JSONL log, each request body in one wire
protocol, so that a replay can send those captured bodies to models that speak another protocol.

usage: make_capture.py TRAFFIC.jsonl OUT.gor PROTOCOL N
PROTOCOL: kserve-v2 | mlflow-split | mlflow-records | tfserving-rows | tfserving-columnar | seldon
"""
import json
import sys
from datetime import datetime

traffic, out, protocol, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def body(features):
    names, values = list(features), list(features.values())
    if protocol == "kserve-v2":   # one named input per feature
        return {"inputs": [{"name": k, "shape": [1], "datatype": "FP64", "data": [v]} for k, v in features.items()]}
    if protocol == "mlflow-split":
        return {"dataframe_split": {"columns": names, "data": [values]}}
    if protocol == "mlflow-records":
        return {"dataframe_records": [features]}
    if protocol == "tfserving-rows":
        return {"signature_name": "serving_default", "instances": [features]}
    if protocol == "tfserving-columnar":
        return {"inputs": {k: [v] for k, v in features.items()}}
    if protocol == "seldon":
        return {"data": {"names": names, "ndarray": [values]}}
    raise SystemExit(f"unknown protocol {protocol}")


path = {"kserve-v2": "/v2/models/m/infer", "mlflow-split": "/invocations", "mlflow-records": "/invocations",
        "tfserving-rows": "/v1/models/m:predict", "tfserving-columnar": "/v1/models/m:predict",
        "seldon": "/api/v1.0/predictions"}[protocol]
with open(traffic) as src, open(out, "w") as dst:
    for n, line in enumerate(src):
        if n == count:
            break
        record = json.loads(line)
        ts = datetime.fromisoformat(record["timestamp"].replace("Z", "+00:00")).timestamp()
        payload = json.dumps(body(record["features"]), separators=(",", ":"))
        dst.write(f"1 {record['id']} {int(round(ts * 1000)) * 1_000_000} -1\n"
                  f"POST {path} HTTP/1.1\nHost: model\nContent-Type: application/json\n"
                  f"Content-Length: {len(payload)}\n\n{payload}\n🐵🙈🙉\n")
