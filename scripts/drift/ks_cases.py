#!/usr/bin/env python3
"""Writes fixtures/drift/ks-cases.json: scipy's KS and chi-square values on paths the reference windows do not
reach (unequal sample sizes, the asymptotic switch, every branch of kstwo.sf), for KolmogorovSmirnovTests."""
import json
import random
from pathlib import Path

import numpy as np
from scipy import special, stats


def sample(rng, n, shift=0.0, scale=1.0, decimals=4):
    return [round(rng.gauss(shift, scale), decimals) for _ in range(n)]


def main():
    rng = random.Random(7)
    cases = []
    for name, a, b, method in [
        ("unequal_small", sample(rng, 37), sample(rng, 53, 0.4), "exact"),
        ("unequal_ties", sample(rng, 120, 0, 1, 1), sample(rng, 90, 0.2, 1, 1), "exact"),
        ("unequal_medium", sample(rng, 300), sample(rng, 450, 0.15), "auto"),
        ("unequal_far", sample(rng, 200), sample(rng, 260, 1.5), "auto"),
        ("equal_same", sample(rng, 50), sample(rng, 50), "exact"),
        ("asymp_large", sample(rng, 10_050), sample(rng, 150, 0.3), "auto"),
        ("asymp_small_en", sample(rng, 40), sample(rng, 25, 0.5), "asymp"),
    ]:
        r = stats.ks_2samp(a, b, method=method)
        used = "exact" if method == "exact" or (method == "auto" and max(len(a), len(b)) <= 10000) else "asymptotic"
        cases.append({"name": name, "a": a, "b": b, "method": {"asymp": "asymptotic"}.get(method, method),
                      "used": used, "statistic": float(r.statistic), "pvalue": float(r.pvalue)})
    kstwo = []
    for n, x in [(10, 0.07), (10, 0.12), (10, 0.3), (10, 0.6), (10, 0.95), (100, 0.05), (100, 0.15), (100, 0.25),
                 (500, 0.01), (500, 0.002), (500, 0.03), (500, 0.05), (500, 0.2), (2000, 0.03), (2000, 0.1),
                 (150, 0.004), (150, 0.2), (150, 0.999), (20000, 0.009)]:
        kstwo.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
    chi2 = [{"x": x, "dof": d, "sf": float(special.gammaincc(d / 2, x / 2))}
            for x, d in [(3.84, 1), (0.5, 7), (400, 3), (12.5, 4), (1e-3, 2), (900, 30)]]
    t = np.array([[30, 10], [20, 20]])
    yates = stats.chi2_contingency(t, correction=True)
    out = Path(__file__).resolve().parents[2] / "fixtures" / "drift" / "ks-cases.json"
    out.write_text(json.dumps({"about": "scipy 1.17.1 values; see scripts/drift/ks_cases.py", "cases": cases,
                               "kstwo": kstwo, "chi2": chi2,
                               "yates_2x2": {"ref": [30, 10], "cur": [20, 20], "statistic": float(yates.statistic),
                                             "pvalue": float(yates.pvalue)}}) + "\n")
    for c in cases:
        print(c["name"], c["used"], c["statistic"], c["pvalue"])


if __name__ == "__main__":
    main()
