#!/usr/bin/env python3
"""Generates drift benchmark streams with River's synthetic generators (fixed seeds) as canonical JSONL traffic
(id, timestamp, features, label) plus a sidecar JSON per stream with the drift points and the fixed error model.

Streams (20 000 records, one every 30 s from 2024-01-01T00:00Z, so about 7 days):
  abrupt_concept   SEA variant 0 -> variant 2 at 10 000 (a hard switch between two SEA generators)
  gradual_concept  SEA variant 0 -> variant 2 centred at 10 000 (ConceptDriftStream, width 2 000)
  feature_shift    SEA variant 0, x0 mean +2.5 from 10 000 on (the concept follows the shifted inputs)
  label_shift      SEA variant 0, from 10 000 on negatives kept with probability 0.35 (P(y) rises)
  stable           SEA variant 0, no drift (false-alarm control)
  daily_cycle      SEA variant 0 with x0 += 2.5*sin(2*pi*hour/24) of record time: seasonal, no drift
  daily_shift      daily_cycle plus x0 +2.5 from 60 % of the stream on: a real shift on top of the daily rhythm
                   (only with --seasonal-step; the calendar-aware reference must still catch it)
The error model (sidecar "error_model") is SEA variant 0's own concept, y = [x0 + x1 > 8]: its error is the 10 %
label noise until a concept change, so error-rate detectors see exactly the concept drifts.

The seasonal streams (stable, daily_cycle, daily_shift) can be made denser with --seasonal-step SECONDS and
--seasonal-records N, so that one hour holds enough records for an hour-against-the-same-hour-yesterday test
(e.g. 5 s and 120 960 records: 720 records an hour over 7 days). Without --seasonal-step the output is as before.

Usage: python3 scripts/drift/make_streams.py [OUT_DIR] [--records N] [--seasonal-step S --seasonal-records N]
       (default OUT_DIR scripts/drift/out, not in git)
"""
import json
import math
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from river.datasets import synth

START = datetime(2024, 1, 1, tzinfo=timezone.utc)
STEP = timedelta(seconds=30)
DRIFT_AT = 10_000
ERROR_MODEL = {"kind": "linear_threshold", "features": ["x0", "x1", "x2"], "weights": [1.0, 1.0, 0.0],
               "bias": -8.0, "rule": "predict 1 when bias + w.x > 0; error = prediction != label"}


def sea(seed, variant=0):
    return synth.SEA(variant=variant, noise=0.1, seed=seed)


def rows(kind, n, seed, step=STEP, drift_at=DRIFT_AT):
    rng = random.Random(seed)
    if kind == "abrupt_concept":
        # ConceptDriftStream's sigmoid overflows for width 1, so the abrupt switch is made here.
        before, after = iter(sea(seed)), iter(sea(seed + 1, variant=2))
        source = ((next(before) if i < DRIFT_AT else next(after)) for i in range(n * 4))
    elif kind == "gradual_concept":
        source = synth.ConceptDriftStream(stream=sea(seed), drift_stream=sea(seed + 1, variant=2),
                                          position=DRIFT_AT, width=2_000, seed=seed)
    else:
        source = sea(seed)
    produced = 0
    for x, y in (source.take(n * 4) if hasattr(source, "take") else source):
        if produced == n:
            break
        t = START + produced * step
        x = {f"x{k}": round(v, 6) for k, v in x.items()}
        if kind == "feature_shift" and produced >= DRIFT_AT:
            x["x0"] = round(x["x0"] + 2.5, 6)
            y = x["x0"] + x["x1"] > 8 if rng.random() >= 0.1 else not (x["x0"] + x["x1"] > 8)
        if kind == "label_shift" and produced >= DRIFT_AT and not y and rng.random() > 0.35:
            continue
        if kind in ("daily_cycle", "daily_shift"):
            hour = t.hour + t.minute / 60
            shift = 2.5 if kind == "daily_shift" and produced >= drift_at else 0.0
            x["x0"] = round(x["x0"] + 2.5 * math.sin(2 * math.pi * hour / 24) + shift, 6)
            y = x["x0"] + x["x1"] > 8 if rng.random() >= 0.1 else not (x["x0"] + x["x1"] > 8)
        yield {"id": produced, "timestamp": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "features": x, "label": int(bool(y))}
        produced += 1


KINDS = {
    "abrupt_concept": {"drift_points": [DRIFT_AT], "kind": "concept", "width": 1},
    "gradual_concept": {"drift_points": [DRIFT_AT], "kind": "concept", "width": 2_000},
    "feature_shift": {"drift_points": [DRIFT_AT], "kind": "feature", "width": 1, "feature": "x0"},
    "label_shift": {"drift_points": [DRIFT_AT], "kind": "label", "width": 1},
    "stable": {"drift_points": [], "kind": "none"},
    "daily_cycle": {"drift_points": [], "kind": "seasonal", "period_hours": 24, "feature": "x0"},
}
SEASONAL = ("stable", "daily_cycle", "daily_shift")


def option(name, default, cast):
    return cast(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def main():
    args, skip = [], False
    for a in sys.argv[1:]:
        if skip or a.startswith("--"):
            skip = not skip and a in ("--records", "--seasonal-step", "--seasonal-records")
            continue
        args.append(a)
    n = option("--records", 20_000, int)
    seasonal_step = option("--seasonal-step", None, float)
    seasonal_n = option("--seasonal-records", n, int)
    out = Path(args[0]) if args else Path(__file__).resolve().parent / "out"
    out.mkdir(parents=True, exist_ok=True)
    import river
    kinds = dict(KINDS)
    if seasonal_step is not None:
        kinds["daily_shift"] = {"drift_points": [int(0.6 * seasonal_n)], "kind": "seasonal_feature", "width": 1,
                                "period_hours": 24, "feature": "x0"}
    for i, (name, meta) in enumerate(kinds.items()):
        path = out / f"{name}.jsonl"
        dense = seasonal_step is not None and name in SEASONAL
        step = timedelta(seconds=seasonal_step) if dense else STEP
        count = seasonal_n if dense else n
        drift_at = meta["drift_points"][0] if meta["drift_points"] else DRIFT_AT
        labels = []
        with path.open("w") as f:
            for row in rows(name, count, seed=100 + i, step=step, drift_at=drift_at):
                labels.append(row["label"])
                f.write(json.dumps(row, separators=(",", ":")) + "\n")
        sidecar = dict(meta, stream=path.name, records=len(labels), seed=100 + i, generator=f"river {river.__version__}",
                       error_model=ERROR_MODEL, record_interval_seconds=step.total_seconds(),
                       label_rate_before=sum(labels[:drift_at]) / max(1, min(drift_at, len(labels))),
                       label_rate_after=sum(labels[drift_at:]) / max(1, len(labels) - drift_at))
        path.with_suffix(".json").write_text(json.dumps(sidecar, indent=1) + "\n")
        print(f"{path} {len(labels)} records, drift at {meta['drift_points']}")


if __name__ == "__main__":
    main()
