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
