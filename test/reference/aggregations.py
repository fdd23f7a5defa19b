"""Independent reference values for the weighted-product, VIKOR, grey-relational and rank-sum-ratio
aggregations and the RSR Probit / natural-breaks gradings (engine/score/aggregate/*.ts,
engine/score/grade-rsr.ts, engine/score/grade-breaks.ts).

Written from the formulas with numpy matrix operations (alternatives in rows, indicators in
columns), sharing no code with the engine; quantiles of the normal distribution come from mpmath
at 40 digits, and natural breaks from an exhaustive O(k·n²) dynamic programme over contiguous
classes rather than simple-statistics' ckmeans. Run: python3 test/reference/aggregations.py
"""
import mpmath
import numpy as np

np.set_printoptions(precision=17, linewidth=200)
mpmath.mp.dps = 40


def show(name, x):
    print(name, "=", repr(np.asarray(x, dtype=float).tolist()))


# ---------------------------------------------------------------------------------------------
# Formulas
# ---------------------------------------------------------------------------------------------
def weighted_product(r, w, scale):
    """S = prod r^w; contributions: LMDI from the neutral point r = 1 plus the weight split of it."""
    S = np.prod(r ** w, axis=1)
    W = w.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        t = w * np.log(r)
        ln_s = t.sum(axis=1)
        L = np.where(ln_s == 0, 1.0, (S - 1) / ln_s)
        contrib = scale * (w / W + L[:, None] * t)
    for i in np.where(S == 0)[0]:  # limit as the zeros tend to 0 together (Ang & Liu 2007)
        zero = (r[i] == 0) & (w > 0)
        contrib[i] = scale * (w / W - np.where(zero, w / w[zero].sum(), 0.0))
    return S, scale * S, contrib


def vikor(r, w, scale, v=0.5):
    fstar, fminus = r.max(axis=0), r.min(axis=0)
    rng = fstar - fminus
    safe = np.where(rng > 0, rng, 1.0)
    term = np.where(rng > 0, w * (fstar - r) / safe, 0.0)
    S, R = term.sum(axis=1), term.max(axis=1)
    qs = (S - S.min()) / (S.max() - S.min()) if S.max() > S.min() else np.zeros_like(S)
    qr = (R - R.min()) / (R.max() - R.min()) if R.max() > R.min() else np.zeros_like(R)
    Q = v * qs + (1 - v) * qr
    score = scale * (1 - Q)
    g = w - term
    G = g.sum(axis=1)
    contrib = np.where(G[:, None] > 0, score[:, None] * g / np.where(G > 0, G, 1.0)[:, None], score[:, None] * w / w.sum())
    return S, R, Q, score, contrib


def grey_relational(r, w, scale, rho=0.5):
    ref = r.max(axis=0)
    delta = np.abs(r - ref)
    dmin, dmax = delta.min(), delta.max()
    xi = np.ones_like(r) if dmax == 0 else (dmin + rho * dmax) / (delta + rho * dmax)
    degree = (w * xi).sum(axis=1)
    return xi, degree, scale * degree, scale * w * xi


def average_ranks(x):
    """Ranks 1..n ascending, ties sharing the mean of the ranks they span."""
    values, inverse, counts = np.unique(x, return_inverse=True, return_counts=True)
    last = np.cumsum(counts)
    first = last - counts + 1
    return ((first + last) / 2.0)[inverse]


def rank_sum_ratio(r, w, scale):
    n, m = r.shape
    R = np.column_stack([average_ranks(r[:, j]) for j in range(m)])
    rsr = R.sum(axis=1) / (m * n)
    wrsr = (w * R).sum(axis=1) / n
    return R, rsr, wrsr, scale * wrsr, scale * w * R / n


def probit(p):
    return float(mpmath.sqrt(2) * mpmath.erfinv(2 * mpmath.mpf(p) - 1)) + 5


def rsr_probit(values, ngrades):
    n = len(values)
    distinct, counts = np.unique(values, return_counts=True)
    cum = np.cumsum(counts)
    mean_rank = cum - (counts - 1) / 2.0
    p = mean_rank / n
    p[-1] = 1 - 1 / (4 * n)
    pr = np.array([probit(q) for q in p])
    b, a = np.polyfit(pr, distinct, 1)
    fitted = a + b * pr
    r2 = np.corrcoef(pr, distinct)[0, 1] ** 2
    thresholds = {3: [4, 6], 4: [4, 5, 6], 5: [3.5, 4.5, 5.5, 6.5]}[ngrades]
    cut = a + b * np.array(thresholds)
    level = np.array([(f >= cut).sum() for f in fitted])  # 0 = worst grade
    return distinct, counts, cum, mean_rank, p, pr, a, b, r2, cut, level


def natural_breaks(x, k):
    """Exhaustive optimal 1-D k-means: classes are contiguous runs of the sorted values."""
    s = np.sort(x)
    n = len(s)
    cost = np.full((n + 1, n + 1), np.inf)
    for i in range(n):
        for j in range(i + 1, n + 1):
            seg = s[i:j]
            cost[i, j] = ((seg - seg.mean()) ** 2).sum()
    best = np.full((k + 1, n + 1), np.inf)
    cut = np.zeros((k + 1, n + 1), dtype=int)
    best[0, 0] = 0
    for c in range(1, k + 1):
        for j in range(1, n + 1):
            for i in range(c - 1, j):
                v = best[c - 1, i] + cost[i, j]
                if v < best[c, j] - 1e-12:
                    best[c, j], cut[c, j] = v, i
    starts, j = [], n
    for c in range(k, 0, -1):
        i = cut[c, j]
        starts.append(s[i])
        j = i
    return starts  # lowest value of each class, highest class first


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------
def minmax(x, benefit):
    return (x - x.min()) / (x.max() - x.min()) if benefit else (x.max() - x) / (x.max() - x.min())


# PARK: 12 enterprises x 4 indicators, already normalised (higher is better), with ties, a zero
# and a value at the column maximum shared by two enterprises.
PARK = np.array(
    [
        [0.82, 0.40, 0.55, 1.00],
        [0.35, 0.90, 0.55, 0.20],
        [1.00, 0.10, 0.70, 0.60],
        [0.60, 0.65, 0.00, 0.45],
        [0.35, 0.75, 0.90, 0.30],
        [0.15, 0.30, 0.25, 0.85],
        [0.72, 0.90, 0.40, 0.10],
        [0.50, 0.55, 0.60, 0.50],
        [0.90, 0.20, 0.80, 0.70],
        [0.05, 0.85, 0.35, 0.95],
        [0.64, 0.45, 1.00, 0.25],
        [0.28, 0.60, 0.15, 0.65],
    ]
)
PARK_W = np.array([0.4, 0.3, 0.2, 0.1])
# The same enterprises on an efficacy scale 60 + 40·r (all values > 1).
EFFICACY = 60 + 40 * PARK

print("# PARK (12 x 4), weights", PARK_W.tolist(), "scale 100")
S, score, contrib = weighted_product(PARK, PARK_W, 100)
show("wp.raw", S)
show("wp.contrib.row0", contrib[0])
show("wp.contrib.row3 (a zero)", contrib[3])
S, score, contrib = weighted_product(EFFICACY, PARK_W, 1)
show("wp.efficacy.raw", S)
show("wp.efficacy.contrib.row0", contrib[0])
S, R, Q, score, contrib = vikor(PARK, PARK_W, 100)
show("vikor.S", S)
show("vikor.R", R)
show("vikor.Q", Q)
show("vikor.contrib.row0", contrib[0])
S, R, Q, score, contrib = vikor(PARK, PARK_W, 100, v=0.3)
show("vikor(v=0.3).Q", Q)
xi, degree, score, contrib = grey_relational(PARK, PARK_W, 100)
show("grey.degree", degree)
show("grey.contrib.row0", contrib[0])
xi, degree, score, contrib = grey_relational(PARK, PARK_W, 100, rho=0.3)
show("grey(rho=0.3).degree", degree)
R, rsr, wrsr, score, contrib = rank_sum_ratio(PARK, PARK_W, 100)
show("rsr.ranks.col0", R[:, 0])
show("rsr.RSR", rsr)
show("rsr.WRSR", wrsr)
show("rsr.contrib.row0", contrib[0])
for g in (3, 4, 5):
    distinct, counts, cum, mean_rank, p, pr, a, b, r2, cut, level = rsr_probit(wrsr, g)
    print(f"# WRSR Probit grading, {g} grades")
    show("  probit", pr)
    print("  a, b, r2 =", repr(a), repr(b), repr(r2))
    show("  cutpoints", cut)
    show("  level (0 = worst) by distinct value", level)
ws = 100 * (PARK * PARK_W).sum(axis=1)
show("weighted-sum scores", ws)
for k in (3, 4):
    show(f"natural breaks k={k}", natural_breaks(ws, k))

print("\n# Worked examples")
# Opricovic & Tzeng (2004), Table 1: risk (cost), altitude (benefit); w = 0.5, 0.5.
OT = np.column_stack([minmax(np.array([1.0, 2, 5]), False), minmax(np.array([3000.0, 3750, 4500]), True)])
S, R, Q, score, contrib = vikor(OT, np.array([0.5, 0.5]), 100)
show("opricovic.S", S)
show("opricovic.R", R)
show("opricovic.Q", Q)

# 司守奎、孙玺菁《数学建模算法与应用》ch. 14, program ex14_5.m: 6 suppliers x 9 indicators.
SUP = np.array(
    [
        [0.83, 0.90, 0.99, 0.92, 0.87, 0.95],
        [326, 295, 340, 287, 310, 303],
        [21, 38, 25, 19, 27, 10],
        [3.2, 2.4, 2.2, 2.0, 0.9, 1.7],
        [0.20, 0.25, 0.12, 0.33, 0.20, 0.09],
        [0.15, 0.20, 0.14, 0.09, 0.15, 0.17],
        [250, 180, 300, 200, 150, 175],
        [0.23, 0.15, 0.27, 0.30, 0.18, 0.26],
        [0.87, 0.95, 0.99, 0.89, 0.82, 0.94],
    ]
).T
SUPN = np.column_stack([minmax(SUP[:, j], j not in (1, 2, 3)) for j in range(9)])
xi, degree, score, contrib = grey_relational(SUPN, np.full(9, 1 / 9), 1)
show("supplier.degree", degree)

# 孙振球《医学统计学》RSR example: 10 regions; antenatal-care rate (benefit), maternal and perinatal
# mortality (cost).
X1 = np.array([99.54, 96.52, 99.36, 92.83, 91.71, 95.35, 96.09, 99.27, 94.76, 84.80])
X2 = np.array([60.27, 59.67, 43.91, 58.99, 35.40, 44.71, 49.81, 31.69, 22.91, 81.49])
X3 = np.array([16.15, 20.10, 15.60, 17.04, 15.01, 13.93, 17.43, 13.89, 19.87, 23.63])
MCH = np.column_stack([minmax(X1, True), minmax(X2, False), minmax(X3, False)])
R, rsr, wrsr, score, contrib = rank_sum_ratio(MCH, np.full(3, 1 / 3), 100)
show("mch.RSR", rsr)
distinct, counts, cum, mean_rank, p, pr, a, b, r2, cut, level = rsr_probit(rsr, 3)
show("mch.distinct", distinct)
show("mch.p", p)
show("mch.probit", pr)
print("mch a, b, r2 =", repr(a), repr(b), repr(r2))
show("mch.cutpoints", cut)
show("mch.level", level)

# Zavadskas et al. (2012), Table 1 (a1's x5 as 0.1000, which reproduces Table 2).
ZAV = np.array(
    [
        [0.8486, 0.6364, 0.7982, 0.6707, 0.1000, 0.8534, 0.6622, 0.8618, 0.1432, 0.1585, 1.0000, 0.4531],
        [1.0000, 1.0000, 1.0000, 0.7976, 0.7000, 0.9005, 0.9324, 0.6788, 1.0000, 0.6500, 0.7270, 0.7346],
        [0.6542, 0.7000, 0.9169, 0.8951, 0.6000, 0.9791, 0.6216, 0.9479, 0.1340, 0.1585, 0.9795, 0.6728],
        [0.3694, 0.4375, 0.9407, 1.0000, 1.0000, 1.0000, 1.0000, 1.0000, 0.5478, 1.0000, 0.3754, 1.0000],
    ]
)
ZAV_W = np.array([0.0627, 0.0508, 0.1114, 0.0874, 0.0625, 0.1183, 0.0784, 0.0984, 0.0530, 0.1417, 0.0798, 0.0557])
S, score, contrib = weighted_product(ZAV, ZAV_W, 1)
show("zavadskas.WPM", S)
printed = ZAV.copy()
printed[0, 4] = 1.0
show("zavadskas.WPM with a1 x5 = 1.0000 as printed", weighted_product(printed, ZAV_W, 1)[0])

print("\n# Normal quantiles (mpmath, 40 digits)")
for q in (0.5, 0.975, 0.025, 0.9, 0.25, 0.001, 1e-10, 1e-20, 0.999999, 0.15865525393145707):
    print(repr(q), repr(float(mpmath.sqrt(2) * mpmath.erfinv(2 * mpmath.mpf(q) - 1))))
