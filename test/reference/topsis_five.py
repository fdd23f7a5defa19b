"""TOPSIS closeness and contributions for the FIVE fixture (test/engine/score/fixtures.ts).

Normalised matrix (min-max): tax per mu 10, 15, 5, 10, 0 → 2/3, 1, 1/3, 2/3, 0;
energy per output (cost) 0.5, 1.0, 0.2, 0.8, 1.2 → 0.7, 0.2, 1.0, 0.4, 0.0. Weights 0.6, 0.4.
"""
import numpy as np

r = np.array([[2 / 3, 0.7], [1, 0.2], [1 / 3, 1.0], [2 / 3, 0.4], [0, 0]])
w = np.array([0.6, 0.4])
v = r * w
ideal, anti = v.max(0), v.min(0)
d_plus = np.sqrt(((v - ideal) ** 2).sum(1))
d_minus = np.sqrt(((v - anti) ** 2).sum(1))
closeness = d_minus / (d_plus + d_minus)
np.set_printoptions(precision=15)
print("closeness", repr(closeness))
with np.errstate(invalid="ignore"):
    print("contrib (score 0-100)", repr(100 * closeness[:, None] * (v - anti) ** 2 / (d_minus**2)[:, None]))

# Classic TOPSIS on the raw values (Hwang & Yoon 1981): vector normalisation x/√Σx², the ideal is
# the max for a benefit column and the min for a cost column. parkscore's default for topsis.
X = np.array([[10, 0.5], [15, 1.0], [5, 0.2], [10, 0.8], [0, 1.2]])
V = X / np.sqrt((X**2).sum(0)) * w
best = np.array([V[:, 0].max(), V[:, 1].min()])
worst = np.array([V[:, 0].min(), V[:, 1].max()])
dp = np.sqrt(((V - best) ** 2).sum(1))
dm = np.sqrt(((V - worst) ** 2).sum(1))
print("classic vector TOPSIS closeness", repr(dm / (dp + dm)))
