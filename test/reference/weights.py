"""Weighting methods, computed independently with numpy, for test/engine/score/weights/*.test.ts.

Each block prints the numbers the tests assert (repr, 17 significant digits). Conventions match the
engine's documented ones: entropy with 0·ln 0 = 0 and no ε (a constant column has e = 1 exactly); sample standard deviation (ddof=1);
CRITIC correlations of a constant column taken as 0 (np.corrcoef → nan_to_num, diagonal 1);
AHP principal eigenvector by np.linalg.eig; game-theory combination by np.linalg.solve.
Run: python3 test/reference/weights.py
"""
import numpy as np

np.set_printoptions(precision=17, linewidth=160)


def entropy(X):
    X = np.asarray(X, float)
    m = X.shape[0]
    S = X.sum(0)
    P = np.divide(X, S, out=np.zeros_like(X), where=S > 0)
    PlnP = np.zeros_like(P)
    pos = P > 0
    PlnP[pos] = P[pos] * np.log(P[pos])
    e = -PlnP.sum(0) / np.log(m)
    e[S <= 0] = 1.0
    e[X.max(0) == X.min(0)] = 1.0  # constant column: exactly 1, as the engine does
    d = np.clip(1 - e, 0, None)
    return d / d.sum(), e, d


def critic(R):
    R = np.asarray(R, float)
    s = R.std(0, ddof=1)
    s[R.max(0) == R.min(0)] = 0.0  # constant column: exactly 0, as the engine does
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.corrcoef(R.T)
    r = np.nan_to_num(r, nan=0.0)
    np.fill_diagonal(r, 1.0)
    C = s * (1 - r).sum(1)
    return C / C.sum(), s, r, C


def stddev(X):
    s = np.asarray(X, float).std(0, ddof=1)
    return s / s.sum(), s


def variation(X):
    X = np.asarray(X, float)
    mean = X.mean(0)
    s = X.std(0, ddof=1)
    v = s / np.abs(mean)
    return v / v.sum(), mean, s, v


RI = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]


def ahp(A):
    A = np.asarray(A, float)
    n = A.shape[0]
    vals, vecs = np.linalg.eig(A)
    k = np.argmax(vals.real)
    w = vecs[:, k].real
    w = w / w.sum()
    lam = vals[k].real
    ci = (lam - n) / (n - 1) if n > 1 else 0.0
    cr = ci / RI[n - 1] if n > 2 else 0.0
    dev = np.abs(np.log(A * w[None, :] / w[:, None]))
    dev[np.tril_indices(n)] = -1
    i, j = np.unravel_index(np.argmax(dev), dev.shape)
    return w, lam, ci, cr, (int(i), int(j), A[i, j], w[i] / w[j])


def game_theory(U):
    U = np.asarray(U, float)
    G = U @ U.T
    a = np.linalg.solve(G, np.diag(G))
    a = np.abs(a) / np.abs(a).sum()
    w = a @ U
    return w / w.sum(), a


def minmax(X):
    X = np.asarray(X, float)
    return (X - X.min(0)) / (X.max(0) - X.min(0))


def show(name, *values):
    print(name)
    for v in values:
        print("   ", repr(v))


# --- Entropy --------------------------------------------------------------------------------
# Xu, X. (2004), EJOR 156(2), 530-532: raw data, published w = 0.4630, 0.3992, 0.1378, 0.0000.
XU = [[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]]
show("entropy Xu 2004 raw: w, e, d", *entropy(XU))
# Zavadskas & Podvezko (2016), IJITDM 15(2), 267-283: published w = 0.1146, 0.1981, 0.4185, 0.2689.
ZP = [[3.0, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11], [2.2, 70, 12, 9]]
show("entropy Zavadskas-Podvezko 2016 raw: w, e, d", *entropy(ZP))
# The Xu matrix min-max normalised (zeros at every column minimum): basis "normalized".
show("entropy Xu min-max normalised: w, e, d", *entropy(minmax(XU)))

# --- CRITIC ---------------------------------------------------------------------------------
# Tus & Aytac Adali (2019), Opsearch 56(2), 528-538: min-max (x - min)/(max - min) on every column;
# published w = 0.157, 0.249, 0.168, 0.121, 0.154, 0.151.
TA = [[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3], [600, 4, 3, 1, 2, 2], [800, 2, 4, 3, 3, 4]]
TAN = minmax(TA)
w, s, r, C = critic(TAN)
show("critic Tus-Aytac Adali 2019: w, sd, C", w, s, C)
show("critic Tus-Aytac Adali 2019: r row 0", r[0])
# The same plus a constant column (index 6): sigma 0, correlations 0.
w, s, r, C = critic(np.column_stack([TAN, np.full(5, 0.5)]))
show("critic with constant column: w, C", w, C)
# The same with column 1 duplicated (index 6): a tie, r = 1 between them.
w, s, r, C = critic(np.column_stack([TAN, TAN[:, 1]]))
show("critic with duplicated column 1: w, C", w, C)
# Hand example of critic.test.ts.
show("critic hand: w", critic([[0, 1, 0], [0.5, 0.5, 1], [1, 0, 0]])[0])

# --- Standard deviation, coefficient of variation --------------------------------------------
# Salabun, Watrobski & Shekhovtsov (2020), Symmetry 12(9), 1549: published w = 0.217, 0.294, 0.488.
SWS = [[0.619, 0.449, 0.447], [0.862, 0.466, 0.006], [0.458, 0.698, 0.771], [0.777, 0.631, 0.491], [0.567, 0.992, 0.968]]
show("stddev Salabun 2020: w, sd", *stddev(SWS))
show("variation hand: w, mean, sd, cv", *variation([[1, 10, -1], [2, 10, -2], [3, 13, -3]]))
show("variation Salabun 2020 matrix: w, cv", *[variation(SWS)[i] for i in (0, 3)])

# --- AHP ------------------------------------------------------------------------------------
# Saaty (2008), Int. J. Services Sciences 1(1), 83-98, Table: relative consumption of drinks in the US.
DRINKS = [[1, 9, 5, 2, 1, 1, 1 / 2], [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9], [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
          [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3], [1, 9, 4, 2, 1, 2, 1 / 2], [1, 9, 3, 1, 1 / 2, 1, 1 / 3], [2, 9, 9, 3, 2, 3, 1]]
show("ahp drinks: w, lambda, ci, cr, worst", *ahp(DRINKS))
# Saaty (1990), EJOR 48, 9-26, Table 2: criteria for buying a house (CR 0.169).
HOUSE = [[1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4], [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7], [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
         [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8], [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
         [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6], [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2], [4, 7, 5, 8, 6, 6, 2, 1]]
show("ahp house: w, lambda, ci, cr, worst", *ahp(HOUSE))

# --- Combination ----------------------------------------------------------------------------
U1, U2, U3 = [0.6, 0.3, 0.1], [0.25, 0.25, 0.5], [0.1, 0.6, 0.3]
show("game theory (U1, U2): w, alpha*", *game_theory([U1, U2]))
show("game theory (U1, U2, U3): w, alpha*", *game_theory([U1, U2, U3]))
m = np.array(U1) * np.array(U2) * np.array(U3)
show("multiplicative (U1, U2, U3)", m / m.sum())

# --- AHP: a matrix on which mathjs 15's eigs does not converge (ahp.test.ts, power-iteration path) --
U = [["1", "9", "6", "1/3", "1/5", "7"], ["1/9", "1", "1/9", "1/6", "1/8", "7"], ["1/6", "9", "1", "1/9", "9", "7"],
     ["3", "6", "9", "1", "7", "1"], ["5", "8", "1/9", "1/7", "1", "5"], ["1/7", "1/7", "1/7", "1", "1/5", "1"]]
def cell(s):
    return 1 / float(s[2:]) if s.startswith("1/") else float(s)
NC = np.ones((6, 6))
for i in range(6):
    for j in range(i + 1, 6):
        NC[i, j] = cell(U[i][j])
        NC[j, i] = 1 / NC[i, j]
show("ahp no-convergence matrix: w, lambda, ci, cr, worst", *ahp(NC))
# A consistent 4 x 4 matrix built from w = (8, 4, 2, 1)/15.
show("ahp consistent: w, lambda, ci, cr", *ahp([[1, 2, 4, 8], [1 / 2, 1, 2, 4], [1 / 4, 1 / 2, 1, 2], [1 / 8, 1 / 4, 1 / 2, 1]])[:4])
