"""Outlier treatment reference (COINr's Treat() defaults) for test/engine/score/outliers.test.ts.

Skewness and kurtosis as COINr's skew()/kurt() (R/treat.R): e1071 type 2, i.e. the adjusted
Fisher-Pearson G1 and the sample excess kurtosis G2 (Excel's SKEW/KURT), cross-checked with
scipy.stats (bias=False). winsorise() is COINr's loop: while |G1| >= 2 and G2 >= 3.5 (COINr passes
when |skew| < 2 OR kurt < 3.5) and fewer than winmax points are winsorised, replace every value
equal to the max (skew >= 0) or the min (skew < 0) by the next value. log_CT (COINr's default f2)
is ln(x - min + 0.01 (max - min)), applied to the original column. Quantiles: numpy "linear" (R type 7).
Run: python3 test/reference/outliers.py
"""
import numpy as np
from scipy import stats


def G1(x):
    n = len(x)
    d = x - x.mean()
    g1 = np.sqrt(n) * (d**3).sum() / (d**2).sum() ** 1.5
    return g1 * np.sqrt(n * (n - 1)) / (n - 2)


def G2(x):
    n = len(x)
    d = x - x.mean()
    r = n * (d**4).sum() / (d**2).sum() ** 2
    return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))


def fails(x, st=2.0, kt=3.5):
    return not (abs(G1(x)) < st or G2(x) < kt)


def winsorise(x, winmax=5.0):
    x = x.astype(float).copy()
    x0 = x.copy()
    while fails(x) and (x != x0).sum() < winmax:
        if G1(x) >= 0:
            m = x.max()
            x[x == m] = x[x != m].max()
        else:
            m = x.min()
            x[x == m] = x[x != m].min()
    return x, int((x != x0).sum()), fails(x)


np.set_printoptions(precision=17, linewidth=200)
cols = {
    "coinr_doc": np.r_[np.arange(1, 11), 30, 100],
    "coinr_test": np.r_[np.arange(1, 11), 100],
    "neg": np.r_[-100, np.arange(1, 11)],
    "ties": np.r_[np.arange(1, 21), 100, 100],
    "heavy": np.r_[np.arange(1, 21), 50, 100, 200, 400, 800, 1600, 3200],
    "limit": np.r_[np.arange(1, 101), 10.0 ** np.arange(3, 10)],
    "coinr_test2_winmax1": np.r_[np.arange(1, 21), 100, 200],
    "ties_winmax1": np.r_[np.arange(1, 21), 100, 100],
}
winmax = {"coinr_test2_winmax1": 1, "ties_winmax1": 1}
for name, x in cols.items():
    x = x.astype(float)
    assert np.isclose(G1(x), stats.skew(x, bias=False)) and np.isclose(G2(x), stats.kurtosis(x, bias=False))
    w, nwin, still = winsorise(x, winmax.get(name, 5))
    print(name, "skew", repr(G1(x)), "kurt", repr(G2(x)))
    print("  winsorised", w.tolist(), "nwin", nwin, "still failing", still)
    print("  after skew", repr(G1(w)), "kurt", repr(G2(w)))
    if still:
        lx = np.log(x - x.min() + 0.01 * (x.max() - x.min()))
        print("  log_CT first/last", repr(lx[0]), repr(lx[-1]), "skew", repr(G1(lx)), "kurt", repr(G2(lx)))

q = np.r_[np.arange(1, 11), 30, 100].astype(float)
print("quantiles 0.01/0.99/0.1/0.9 of coinr_doc", repr(np.quantile(q, [0.01, 0.99, 0.1, 0.9], method="linear")))
