#!/usr/bin/env python3
"""Anchor: xgboost's own single-thread batch inplace_predict rows/s on the rows in a raw float64 file (best of 3)."""
import sys
import time

import numpy as np
import xgboost as xgb


def main() -> None:
    model, rows_path, width = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rows = np.fromfile(rows_path, dtype="<f8").reshape(-1, width)
    booster = xgb.Booster(params={"nthread": 1}, model_file=model)
    booster.set_param({"nthread": 1})
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        booster.inplace_predict(rows)
        best = max(best, len(rows) / (time.perf_counter() - start))
    print(f"{best:.0f}")


if __name__ == "__main__":
    main()
