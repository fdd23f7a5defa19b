"""Reference values for test/engine/sensitivity: numpy, sharing no code with parkscore.

1. Sobol estimators on fixed outputs: Saltelli 2010 first order, Jansen 1999 total order, V over A and B.
2. Type-7 quantiles (numpy's default 'linear') of fixed rank samples.
3. Dirichlet(alpha * w) moments: mean w, variance w(1 - w)/(alpha + 1).
"""
import numpy as np

N = 8
j = np.arange(N)
yA = np.sin(j + 1.0) * 3 + j % 3
yB = np.cos(j * 0.7) * 2 + (j % 2)
yAB = [yA + 0.5 * (yB - yA), yA * 0.9 + np.sin(j) * 0.3]
V = np.var(np.concatenate([yA, yB]))
print("variance", repr(V))
for k, y in enumerate(yAB):
    S = np.mean(yB * (y - yA)) / V
    ST = 0.5 * np.mean((yA - y) ** 2) / V
    print(f"factor {k}: first {S!r} total {ST!r}")

ranks = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4], dtype=float)
for p in (5, 10, 37.5, 50, 90, 95):
    print(f"p{p}", repr(np.percentile(ranks, p)))

w = np.array([0.5, 0.3, 0.2])
alpha = 20.0
print("dirichlet mean", w, "variance", repr(w * (1 - w) / (alpha + 1)))
