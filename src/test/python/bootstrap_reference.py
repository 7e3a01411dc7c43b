#!/usr/bin/env python3
"""Reference values for org.cptbench.stats.PairedBootstrapReferenceTest.

Computes paired percentile bootstrap intervals with scipy.stats.bootstrap (method="percentile", paired=True,
vectorized statistic) on fixed vectors and writes them, with the vectors, as the JSON fixture the Java test reads:

    python3 src/test/python/bootstrap_reference.py > src/test/resources/org/cptbench/stats/bootstrap-reference.json

Debian's python3-numpy / python3-scipy (versions recorded in the output). The Java bootstrap uses another random
stream, so the test compares within Monte-Carlo tolerance.
"""
import json
import sys

import numpy as np
import scipy
from scipy import stats

RESAMPLES = 100_000


def pvalue(d):
    # the Java definition: min(1, 2 min(1 + #{d <= 0}, 1 + #{d >= 0}) / (R + 1))
    r = d.size
    return min(1.0, 2.0 * min(1 + np.sum(d <= 0), 1 + np.sum(d >= 0)) / (r + 1))


def spearman(x, y, axis=-1):
    rx = stats.rankdata(x, axis=axis)
    ry = stats.rankdata(y, axis=axis)
    rx = rx - rx.mean(axis=axis, keepdims=True)
    ry = ry - ry.mean(axis=axis, keepdims=True)
    return np.sum(rx * ry, axis=axis) / np.sqrt(np.sum(rx * rx, axis=axis) * np.sum(ry * ry, axis=axis))


def main():
    rng = np.random.default_rng(20261130)
    out = {"generator": "src/test/python/bootstrap_reference.py", "numpy": np.__version__,
           "scipy": scipy.__version__, "resamples": RESAMPLES, "confidence": 0.95}

    # per-query scores of two systems (nDCG-like values in [0, 1], rounded like per-query TSV files)
    n = 60
    b = np.round(rng.beta(2.0, 3.0, n), 4)
    a = np.round(np.clip(b + rng.normal(0.04, 0.15, n), 0, 1), 4)
    res = stats.bootstrap((a, b), lambda x, y, axis: np.mean(x, axis=axis) - np.mean(y, axis=axis),
                          paired=True, vectorized=True, n_resamples=RESAMPLES, confidence_level=0.95,
                          method="percentile", random_state=np.random.default_rng(1))
    d = res.bootstrap_distribution
    out["mean"] = {"a": a.tolist(), "b": b.tolist(), "effect": float(np.mean(a) - np.mean(b)),
                   "ciLow": float(res.confidence_interval.low), "ciHigh": float(res.confidence_interval.high),
                   "standardError": float(res.standard_error), "pValue": float(pvalue(d))}

    # STS-like: gold scores with ties (0..5 in steps of 0.2), two systems' cosines; Spearman recomputed per resample
    m = 40
    gold = np.round(rng.uniform(0, 5, m) * 5) / 5
    sa = np.round(gold / 5 + rng.normal(0, 0.25, m), 3)
    sb = np.round(gold / 5 + rng.normal(0, 0.35, m), 3)
    res = stats.bootstrap((sa, sb, gold),
                          lambda x, y, g, axis: spearman(x, g, axis) - spearman(y, g, axis),
                          paired=True, vectorized=True, n_resamples=RESAMPLES, confidence_level=0.95,
                          method="percentile", random_state=np.random.default_rng(2))
    d = res.bootstrap_distribution
    effect = stats.spearmanr(sa, gold).statistic - stats.spearmanr(sb, gold).statistic
    out["spearman"] = {"a": sa.tolist(), "b": sb.tolist(), "gold": gold.tolist(), "effect": float(effect),
                       "spearmanA": float(stats.spearmanr(sa, gold).statistic),
                       "spearmanB": float(stats.spearmanr(sb, gold).statistic),
                       "ciLow": float(res.confidence_interval.low), "ciHigh": float(res.confidence_interval.high),
                       "standardError": float(res.standard_error), "pValue": float(pvalue(d))}
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
