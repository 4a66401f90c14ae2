#!/usr/bin/env python3
"""Runs River's ADWIN, DDM and PageHinkley (default parameters) on a stream's per-record error signal and prints
the detections; with --throughput, measures River's samples/s on the SplitMix64 Bernoulli(0.2) stream that
Tests/ShadowDriftTests/DetectorThroughputTests.swift feeds the Swift detectors (best of 5 passes, like the Swift side).

Usage:
  python3 scripts/drift/river_detectors.py STREAM.jsonl...   # sidecar STREAM.json beside each (make_streams.py);
                                                             # one JSON line per stream
  python3 scripts/drift/river_detectors.py --throughput [N] [--json]   # --json: one JSON object, samples/s
The error signal is the sidecar's fixed model: error = 1 when (w·x + b > 0) differs from the label.
"""
import json
import sys
import time
from pathlib import Path

from river import drift

MASK = (1 << 64) - 1


def bernoulli_stream(count, p=0.2, seed=42):
    state, out = seed, []
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        out.append(1.0 if (z >> 11) / 9007199254740992.0 < p else 0.0)
    return out


def detectors():
    return {"ADWIN": drift.ADWIN(), "DDM": drift.binary.DDM(), "PageHinkley": drift.PageHinkley()}


def throughput(n, as_json=False, passes=5):
    values = bernoulli_stream(n)
    rates = {}
    for name in detectors():
        best = 0.0
        for _ in range(passes):
            d = detectors()[name]
            update = d.update
            start = time.perf_counter()
            for x in values:
                update(x)
            best = max(best, n / (time.perf_counter() - start))
        rates[name] = best
        if not as_json:
            print(f"river throughput {name}: {best / 1e6:.2f}M samples/s")
    if as_json:
        print(json.dumps({"samples": n, "passes": passes, "stream": "splitmix64 bernoulli(0.2) seed 42",
                          "river_samples_per_second": rates}))


def error_signal(stream_path):
    sidecar = json.loads(Path(stream_path).with_suffix(".json").read_text())
    model = sidecar["error_model"]
    w, b, names = model["weights"], model["bias"], model["features"]
    errors = []
    with open(stream_path) as f:
        for line in f:
            r = json.loads(line)
            score = b + sum(wi * r["features"][k] for wi, k in zip(w, names))
            errors.append(1.0 if (1 if score > 0 else 0) != r["label"] else 0.0)
    return sidecar, errors


def detect(stream_path):
    sidecar, errors = error_signal(stream_path)
    found = {}
    for name, d in detectors().items():
        hits = []
        for i, x in enumerate(errors):
            d.update(x)
            if d.drift_detected:
                hits.append(i)
        found[name] = hits
    print(json.dumps({"stream": Path(stream_path).name, "drift_points": sidecar["drift_points"],
                      "records": len(errors), "error_rate": sum(errors) / max(1, len(errors)),
                      "river": found}))
    return found


def main():
    args = [a for a in sys.argv[1:] if a != "--json"]
    if args and args[0] == "--throughput":
        throughput(int(args[1]) if len(args) > 1 else 1_000_000, as_json="--json" in sys.argv)
    elif args and not any(a.startswith("--") for a in args):
        for path in args:
            detect(path)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
