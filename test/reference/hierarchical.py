"""Hierarchical weights for test/engine/score/weighting.test.ts (numpy).

Six enterprises, four benefit indicators in two categories (out: a, b; green: c, d), min-max
normalised. Category weights: expert 0.7 / 0.3. Inside each category: entropy on the normalised
columns (0·ln 0 = 0). Also CRITIC and the flat entropy over all four, and the multiplicative and
linear (μ = 0.5) combinations of expert (a .4 b .3 c .2 d .1 flat) with flat entropy.
"""
import numpy as np

X = np.array([
    [10, 3.0, 0.5, 20],
    [12, 2.0, 0.7, 25],
    [8, 4.0, 0.2, 30],
    [15, 1.0, 0.9, 10],
    [9, 5.0, 0.4, 15],
    [11, 2.5, 0.6, 40],
])
R = (X - X.min(0)) / (X.max(0) - X.min(0))

def entropy(r):
    n = r.shape[0]
    p = r / r.sum(0)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(p > 0, p * np.log(p), 0.0)
    e = -t.sum(0) / np.log(n)
    d = 1 - e
    return d / d.sum()

def critic(r):
    sd = r.std(0, ddof=1)
    c = np.corrcoef(r.T)
    C = sd * (1 - c).sum(1)
    return C / C.sum()

np.set_printoptions(precision=17)
w_out = entropy(R[:, :2]); w_green = entropy(R[:, 2:])
print("hierarchical entropy", repr(np.concatenate([0.7 * w_out, 0.3 * w_green])))
flat = entropy(R)
print("flat entropy", repr(flat))
print("flat critic", repr(critic(R)))
expert = np.array([0.4, 0.3, 0.2, 0.1])
m = expert * flat; print("multiplicative", repr(m / m.sum()))
print("linear 0.5", repr(0.5 * expert + 0.5 * flat))
