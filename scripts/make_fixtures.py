#!/usr/bin/env python3
"""Writes the model fixtures of shadowd, trained by the real libraries, with reference predictions.

Run from anywhere:  python3 scripts/make_fixtures.py   (versions pinned in scripts/requirements-fixtures.txt)

Everything is seeded, so a rerun with the pinned versions rewrites byte-identical files.

fixtures/models/
  xgb_binary.json, xgb_regression.json, xgb_multiclass.json     XGBoost save_model JSON (trained with NaNs)
  lgb_binary.txt, lgb_regression.txt, lgb_multiclass.txt        LightGBM text models (NaNs, one categorical;
                                                                the regression model uses zero_as_missing)
  linear_regression.json, linear_binary.json, linear_multiclass.json   scikit-learn linear models, format below
  <model>.reference.json   {"model": file, "kind": "xgboost"|"lightgbm"|"linear", "task": "binary"|
                           "regression"|"multiclass", "features": [names], "rows": [[...]],
                           "predictions": [[...]]}
                           NaN inputs are written as null. A prediction row is null when the model gives no
                           answer (a linear model given a missing feature). Binary rows hold P(class 1),
                           multiclass rows the class probabilities, regression rows the value.

Linear model JSON (format "shadowd-linear/1"):
  {"format": "shadowd-linear/1", "features": [names], "link": "identity" | "logistic" | "softmax",
   "intercept": [b_0, ...], "coefficients": [[w_0_0, ...], ...]}
  One intercept and one coefficient row (len(features) weights) per output: identity and logistic have exactly
  one output (margin = b + w·x; logistic gives 1 / (1 + exp(-margin))); softmax has one per class (K >= 2).

fixtures/demo/
  champion.json, candidate.json   XGBoost binary:logistic on the same 10 features (candidate trained on a
                                  shifted sample, so the two disagree on a few percent of records)
  traffic.jsonl                   12,000 canonical records (DESIGN §3): id, timestamp, features, label
fixtures/bench/
  champion_30f.json               XGBoost binary:logistic, 30 features f00..f29, 150 trees, depth 4
  shadow_30f.json                 XGBoost binary:logistic, same features, 20 trees, depth 3
"""
import datetime
import json
import math
import os

import lightgbm as lgb
import numpy as np
import xgboost as xgb
from sklearn.linear_model import LinearRegression, LogisticRegression

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODELS = os.path.join(ROOT, "fixtures", "models")
DEMO = os.path.join(ROOT, "fixtures", "demo")
BENCH = os.path.join(ROOT, "fixtures", "bench")

NUMERIC = ["age", "income", "tenure", "balance", "score_a", "score_b", "ratio"]
CATEGORY = "region"  # integer codes 0..5; LightGBM treats it as categorical, the others as a number
FEATURES = NUMERIC + [CATEGORY]
REFERENCE_ROWS = 200


def synthetic(rng, n, missing=0.08):
    """Rows of FEATURES with NaNs in most numeric columns, and targets for the three tasks."""
    x = np.empty((n, len(FEATURES)))
    x[:, 0] = rng.integers(18, 80, n)
    x[:, 1] = np.round(rng.lognormal(10.5, 0.6, n), 2)
    x[:, 2] = rng.integers(0, 120, n)
    x[:, 3] = np.round(rng.normal(1000, 800, n), 2)
    x[:, 4] = np.round(rng.normal(0, 1, n), 4)
    x[:, 5] = np.round(rng.uniform(-2, 2, n), 4)
    x[:, 6] = np.where(rng.uniform(size=n) < 0.15, 0.0, np.round(rng.uniform(0, 1, n), 4))
    x[:, 7] = rng.integers(0, 6, n)
    region_effect = np.array([0.8, -0.5, 0.0, 1.2, -1.0, 0.3])[x[:, 7].astype(int)]
    margin = (0.04 * (x[:, 0] - 45) + 0.5 * np.log(x[:, 1] / 36000) - 0.01 * x[:, 2] + 0.0006 * x[:, 3]
              + 0.9 * x[:, 4] - 0.6 * x[:, 5] * x[:, 4] + 1.5 * (x[:, 6] > 0.5) + region_effect)
    # Missing values, with a signal of their own so default directions are learned.
    for j in range(6):
        hole = rng.uniform(size=n) < missing
        x[hole, j] = np.nan
        margin[hole] += 0.7 if j % 2 == 0 else -0.7
    y_binary = (rng.uniform(size=n) < 1 / (1 + np.exp(-margin))).astype(float)
    y_regression = margin * 10 + rng.normal(0, 2, n)
    y_multi = np.digitize(margin + rng.normal(0, 0.7, n), [-0.8, 0.6, 1.8]).astype(float)
    return x, y_binary, y_regression, y_multi


def reference_rows(rng):
    """REFERENCE_ROWS rows: fresh data, extra NaNs, unseen and odd category codes, exact zeros."""
    x, *_ = synthetic(rng, REFERENCE_ROWS, missing=0.15)
    x[:20, 7] = [6, 7, 11, 40, 63, 64, 1000, -1, -3, 2.5, 0.9, 3.999, np.nan, np.nan, -0.5, 0, 1e10, -1e10, 31, 32]
    x[20:30, 6] = np.nan  # ratio never misses in training (missing type None in LightGBM)
    x[30:40, 6] = 0.0
    x[40:45, :7] = np.nan
    x[45:50, 3] = 0.0
    return x


def json_value(v):
    v = float(v)
    return None if math.isnan(v) else v


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))
        f.write("\n")


def write_reference(name, kind, task, features, rows, predictions):
    preds = []
    for p in predictions:
        if p is None:
            preds.append(None)
        else:
            preds.append([float(v) for v in np.atleast_1d(p)])
    write_json(os.path.join(MODELS, name + ".reference.json"), {
        "model": name + (".txt" if kind == "lightgbm" else ".json"),
        "kind": kind,
        "task": task,
        "features": features,
        "rows": [[json_value(v) for v in row] for row in rows],
        "predictions": preds,
    })


def xgboost_models(x, targets, ref):
    setups = [
        ("xgb_binary", "binary", {"objective": "binary:logistic", "max_depth": 4, "eta": 0.3}, 30),
        ("xgb_regression", "regression", {"objective": "reg:squarederror", "max_depth": 5, "eta": 0.2}, 40),
        ("xgb_multiclass", "multiclass",
         {"objective": "multi:softprob", "num_class": 4, "max_depth": 3, "eta": 0.3}, 20),
    ]
    for (name, task, params, rounds), y in zip(setups, targets):
        train = xgb.DMatrix(x, label=y, missing=np.nan, feature_names=FEATURES)
        booster = xgb.train({**params, "seed": 7, "nthread": 1, "tree_method": "hist"}, train, rounds)
        path = os.path.join(MODELS, name + ".json")
        booster.save_model(path)
        loaded = xgb.Booster(model_file=path)  # predictions of the file as saved
        preds = loaded.predict(xgb.DMatrix(ref, missing=np.nan, feature_names=FEATURES))
        write_reference(name, "xgboost", task, FEATURES, ref, list(preds))


def lightgbm_models(x, targets, ref):
    base = {"verbose": -1, "seed": 7, "num_threads": 1, "deterministic": True, "min_data_per_group": 20,
            "cat_smooth": 5, "max_cat_to_onehot": 3}
    setups = [
        ("lgb_binary", "binary", {"objective": "binary", "num_leaves": 15}, 30),
        ("lgb_regression", "regression", {"objective": "regression", "num_leaves": 20, "zero_as_missing": True}, 40),
        ("lgb_multiclass", "multiclass", {"objective": "multiclass", "num_class": 4, "num_leaves": 8}, 20),
    ]
    for (name, task, params, rounds), y in zip(setups, targets):
        train = lgb.Dataset(x, label=y, feature_name=FEATURES, categorical_feature=[CATEGORY],
                            free_raw_data=False)
        booster = lgb.train({**base, **params}, train, num_boost_round=rounds)
        path = os.path.join(MODELS, name + ".txt")
        booster.save_model(path)
        loaded = lgb.Booster(model_file=path)
        preds = loaded.predict(ref)
        write_reference(name, "lightgbm", task, FEATURES, ref, list(preds))


def linear_models(x, targets, rng):
    names = NUMERIC[:6]  # all numeric, no categorical
    cols = [FEATURES.index(n) for n in names]
    complete = ~np.isnan(x[:, cols]).any(axis=1)
    xs = x[complete][:, cols]
    scale = np.nanstd(xs, axis=0)
    xs = xs / scale  # the fitted coefficients are rescaled back below, so files take raw features
    y_binary, y_regression, y_multi = (t[complete] for t in targets)
    models = [
        ("linear_regression", "regression", "identity", LinearRegression().fit(xs, y_regression)),
        ("linear_binary", "binary", "logistic", LogisticRegression(max_iter=2000).fit(xs, y_binary)),
        ("linear_multiclass", "multiclass", "softmax", LogisticRegression(max_iter=2000).fit(xs, y_multi)),
    ]
    # Complete rows, except every tenth row misses one feature (the model must refuse those).
    clean, *_ = synthetic(rng, REFERENCE_ROWS, missing=0.0)
    rows = clean[:, cols]
    for i in range(0, REFERENCE_ROWS, 10):
        rows[i, (i // 10) % len(cols)] = np.nan
    for name, task, link, model in models:
        coef = np.atleast_2d(model.coef_) / scale
        intercept = np.atleast_1d(model.intercept_)
        write_json(os.path.join(MODELS, name + ".json"), {
            "format": "shadowd-linear/1", "features": names, "link": link,
            "intercept": [float(v) for v in intercept], "coefficients": [[float(v) for v in r] for r in coef],
        })
        preds = []
        for row in rows:
            if np.isnan(row).any():
                preds.append(None)
                continue
            scaled = (row / scale).reshape(1, -1)
            if task == "regression":
                preds.append(model.predict(scaled)[0])
            elif task == "binary":
                preds.append(model.predict_proba(scaled)[0, 1])
            else:
                preds.append(model.predict_proba(scaled)[0])
        write_reference(name, "linear", task, names, rows, preds)


DEMO_FEATURES = ["age", "income", "tenure_months", "logins_30d", "spend_30d", "support_tickets",
                 "days_since_login", "discount", "pages_per_visit", "plan_tier"]


def demo_rows(rng, n, shift=0.0):
    """Demo customer rows (plan_tier is a small integer 0..3) and churn labels; `shift` moves the population."""
    f = {
        "age": rng.integers(18, 80, n).astype(float),
        "income": np.round(rng.lognormal(10.6 + shift, 0.5, n), 0),
        "tenure_months": rng.integers(0, 96, n).astype(float),
        "logins_30d": rng.poisson(12 * (1 + shift), n).astype(float),
        "spend_30d": np.round(rng.gamma(2.0, 30.0 * (1 + shift), n), 2),
        "support_tickets": rng.poisson(0.8 + shift, n).astype(float),
        "days_since_login": rng.integers(0, 60, n).astype(float),
        "discount": np.round(rng.choice([0, 0.05, 0.1, 0.2], n), 2),
        "pages_per_visit": np.round(rng.gamma(3.0, 1.5, n), 2),
        "plan_tier": rng.integers(0, 4, n).astype(float),
    }
    x = np.column_stack([f[k] for k in DEMO_FEATURES])
    margin = (-0.03 * (f["tenure_months"] - 30) - 0.08 * (f["logins_30d"] - 12) + 0.5 * f["support_tickets"]
              + 0.05 * f["days_since_login"] - 0.3 * f["plan_tier"] - 2.0 * f["discount"]
              - 0.004 * (f["spend_30d"] - 60) + 0.3 * np.log(f["income"] / 40000) * (1 + shift))
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-margin))).astype(float)
    for j in (1, 4, 8):  # a few nulls
        x[rng.uniform(size=n) < 0.02, j] = np.nan
    return x, y


def demo(rng):
    params = {"objective": "binary:logistic", "max_depth": 4, "eta": 0.1, "seed": 7, "nthread": 1,
              "tree_method": "hist"}
    x, y = demo_rows(rng, 20000)
    champion = xgb.train(params, xgb.DMatrix(x, label=y, feature_names=DEMO_FEATURES), 100)
    champion.save_model(os.path.join(DEMO, "champion.json"))
    # The candidate sees the same sample with its last 15% replaced by a shifted population.
    shifted, shifted_y = demo_rows(rng, 3000, shift=0.3)
    xs, ys = np.concatenate([x[:17000], shifted]), np.concatenate([y[:17000], shifted_y])
    candidate = xgb.train(params, xgb.DMatrix(xs, label=ys, feature_names=DEMO_FEATURES), 100)
    candidate.save_model(os.path.join(DEMO, "candidate.json"))

    n = 12000
    xt, yt = demo_rows(rng, n, shift=0.05)
    start = datetime.datetime(2025, 3, 3, 0, 0, 0, tzinfo=datetime.timezone.utc)
    offsets = np.cumsum(rng.integers(30, 71, n))  # ~50 ms apart, jittered, strictly increasing
    with open(os.path.join(DEMO, "traffic.jsonl"), "w") as f:
        for i in range(n):
            ts = start + datetime.timedelta(milliseconds=int(offsets[i]))
            features = {}
            for name, v in zip(DEMO_FEATURES, xt[i]):
                if math.isnan(v):
                    features[name] = None
                elif float(v).is_integer():
                    features[name] = int(v)
                else:
                    features[name] = float(v)
            record = {"id": "r-%06d" % (i + 1), "timestamp": ts.strftime("%Y-%m-%dT%H:%M:%S.") +
                      "%03dZ" % (ts.microsecond // 1000), "features": features, "label": int(yt[i])}
            f.write(json.dumps(record, separators=(",", ":")) + "\n")
    dm = xgb.DMatrix(xt, feature_names=DEMO_FEATURES)
    disagree = ((champion.predict(dm) > 0.5) != (candidate.predict(dm) > 0.5)).mean()
    print("demo: champion and candidate disagree on %.1f%% of traffic" % (100 * disagree))


BENCH_FEATURES = ["f%02d" % i for i in range(30)]


def bench(rng):
    """The benchmark's models: a 150-tree champion and a 20-tree candidate trained on the same kind of rows,
    N(0, 1) features rounded to 4 decimals with 2% missing, so they agree on most records as real pairs do."""
    rows = np.random.default_rng(42)
    x = np.round(rows.normal(0, 1, (50000, len(BENCH_FEATURES))), 4)
    x[rows.uniform(size=x.shape) < 0.02] = np.nan
    margin = x[:, :10].sum(axis=1) * 0.4 - np.nan_to_num(x[:, 10:20]).prod(axis=1) * 0.5 + np.sin(
        np.nan_to_num(x[:, 20:30])).sum(axis=1) * 0.3
    y = (rng.uniform(size=len(x)) < 1 / (1 + np.exp(-margin))).astype(float)
    train = xgb.DMatrix(x, label=y, feature_names=BENCH_FEATURES)
    params = {"objective": "binary:logistic", "seed": 7, "nthread": 1, "tree_method": "hist"}
    xgb.train({**params, "max_depth": 4, "eta": 0.1}, train, 150).save_model(os.path.join(BENCH, "champion_30f.json"))
    xgb.train({**params, "max_depth": 3, "eta": 0.5}, train, 20).save_model(os.path.join(BENCH, "shadow_30f.json"))


def main():
    for d in (MODELS, DEMO, BENCH):
        os.makedirs(d, exist_ok=True)
    rng = np.random.default_rng(20250303)
    x, y_binary, y_regression, y_multi = synthetic(rng, 5000)
    ref = reference_rows(rng)
    xgboost_models(x, (y_binary, y_regression, y_multi), ref)
    lightgbm_models(x, (y_binary, y_regression, y_multi), ref)
    linear_models(x, (y_binary, y_regression, y_multi), rng)
    demo(np.random.default_rng(7))
    bench(np.random.default_rng(30))


if __name__ == "__main__":
    main()
