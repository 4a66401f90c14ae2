#!/usr/bin/env python3
"""Writes fixtures/drift/detector-parity.json: small streams and the samples on which River's ADWIN, DDM and
PageHinkley (default parameters) signal, so the Swift detectors can be checked for identical detections.

Usage: python3 scripts/drift/make_parity_fixture.py [OUT]   (needs `pip install -r scripts/drift/requirements.txt`)
"""
import json
import random
import sys
from pathlib import Path

from river import drift


def bernoulli(rng, n, p):
    return [1.0 if rng.random() < p else 0.0 for _ in range(n)]


def streams():
    rng = random.Random(20240601)
    yield "error_rate_jump", bernoulli(rng, 2000, 0.10) + bernoulli(rng, 2000, 0.35)
    yield "error_rate_stable", bernoulli(rng, 4000, 0.2)
    yield "error_rate_gradual", [1.0 if rng.random() < 0.1 + 0.3 * min(1, max(0, (i - 1500) / 1000)) else 0.0
                                 for i in range(4000)]
    yield "gauss_mean_shift", [round(rng.gauss(0, 1) + (0.8 if i >= 1500 else 0), 6) for i in range(3000)]
    yield "gauss_mean_drop", [round(rng.gauss(5, 2) - (3 if i >= 1000 else 0), 6) for i in range(3000)]


def run(values):
    adwin, ddm, ph = drift.ADWIN(), drift.binary.DDM(), drift.PageHinkley()
    out = {"adwin": [], "page_hinkley": [], "ddm_drift": [], "ddm_warning": []}
    binary = all(v in (0.0, 1.0) for v in values)
    for i, x in enumerate(values):
        adwin.update(x)
        if adwin.drift_detected:
            out["adwin"].append(i)
        ph.update(x)
        if ph.drift_detected:
            out["page_hinkley"].append(i)
        if binary:
            ddm.update(x)
            if ddm.drift_detected:
                out["ddm_drift"].append(i)
            if ddm.warning_detected:
                out["ddm_warning"].append(i)
    return out


def main():
    root = Path(__file__).resolve().parents[2]
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "fixtures" / "drift" / "detector-parity.json"
    import river
    doc = {"about": f"River {river.__version__} default-parameter detections (0-based sample index)", "streams": []}
    for name, values in streams():
        doc["streams"].append({"name": name, "values": values, "river": run(values)})
    out.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    for s in doc["streams"]:
        print(s["name"], {k: len(v) for k, v in s["river"].items()}, s["river"]["adwin"][:5])


if __name__ == "__main__":
    main()
