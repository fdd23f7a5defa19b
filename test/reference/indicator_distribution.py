"""Reference for test/engine/charts/distribution.test.ts: the 2025 demo period's 亩均税收 (tax / land_mu)
over the graded enterprises (land_mu >= 3 and years_in_production >= 2, the scheme's `eligible`),
its mean, median, sample skewness G1 and excess kurtosis G2 (e1071 type 2, COINr's skew()/kurt()),
and the values COINr's winsorise loop (|G1| >= 2 and G2 >= 3.5, at most 5 points) replaces."""
import csv
import numpy as np

rows = list(csv.DictReader(open("datasets/demo/source/2025.csv", encoding="utf-8")))
graded = [r for r in rows if float(r["用地面积(亩)"]) >= 3 and float(r["投产年限(年)"]) >= 2]
ids = [r["企业代码"] for r in graded]
x = np.array([float(r["税收(万元)"]) / float(r["用地面积(亩)"]) for r in graded])


def g1(v):
    n = len(v); d = v - v.mean()
    g = np.sqrt(n) * (d ** 3).sum() / (d ** 2).sum() ** 1.5
    return g * np.sqrt(n * (n - 1)) / (n - 2)


def g2(v):
    n = len(v); d = v - v.mean()
    r = n * (d ** 4).sum() / (d ** 2).sum() ** 2
    return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))


v = x.copy(); count = 0
while abs(g1(v)) >= 2 and g2(v) >= 3.5 and count < 5:
    top = v.max(); nxt = v[v < top].max(); v[v == top] = nxt
    count = int((v != x).sum())
changed = [ids[k] for k in np.argsort(-x) if v[k] != x[k]]
print("n", len(x))
print("mean %.12f median %.12f" % (x.mean(), np.median(x)))
print("skew %.12f kurt %.12f" % (g1(x), g2(x)))
print("winsorised", count, changed, "after skew %.6f kurt %.6f" % (g1(v), g2(v)))
