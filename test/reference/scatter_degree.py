"""The vertical-and-horizontal scatter degree method (纵横向拉开档次法), computed independently with
numpy, for test/engine/dynamic/scatter-degree.test.ts.

Conventions match engine/dynamic/scatter-degree.ts: every indicator standardised over all present
values of all periods pooled, sample standard deviation (ddof=1); a missing value of a present
enterprise counts as 0 after standardising; H = sum_k A_k^T A_k; the eigenpair of the largest
eigenvalue by np.linalg.eigh (LAPACK syevd, not Jacobi), sign fixed to a positive sum and rescaled
to sum 1. Period scores y_ik = sum_j w_j z_ijk, NaN where an enterprise has no value at all.
Prints repr (17 significant digits). Run: python3 test/reference/scatter_degree.py
"""
import numpy as np

nan = float("nan")

# cube[k][j][i]: period k (2021, 2022, 2023), indicator j, enterprise i = E1..E6.
# E6 enters in 2022, E3 exits after 2022 and lacks indicator 2 in 2022.
PARK = [
    [  # 2021
        [12.0, 30.0, 8.0, 20.0, 5.0, nan],
        [110.0, 260.0, 90.0, 150.0, 60.0, nan],
        [2.1, 3.5, 1.2, 2.8, 0.9, nan],
    ],
    [  # 2022
        [14.0, 28.0, 7.0, 22.0, 6.0, 16.0],
        [120.0, 250.0, 85.0, 170.0, 65.0, 140.0],
        [2.4, 3.3, nan, 3.0, 1.0, 2.0],
    ],
    [  # 2023
        [15.0, 27.0, nan, 25.0, 4.0, 19.0],
        [130.0, 240.0, nan, 190.0, 55.0, 160.0],
        [2.6, 3.1, nan, 3.4, 0.8, 2.5],
    ],
]

# A fourth indicator that runs against the others (a cost not turned to "higher is better").
MIXED = [
    [
        [12.0, 30.0, 8.0, 20.0, 5.0],
        [110.0, 260.0, 90.0, 150.0, 60.0],
        [0.9, 0.4, 1.1, 0.6, 1.3],
    ],
    [
        [14.0, 28.0, 7.0, 22.0, 6.0],
        [120.0, 250.0, 85.0, 170.0, 65.0],
        [0.8, 0.5, 1.2, 0.5, 1.4],
    ],
]


def scatter(cube):
    X = np.array(cube, float)  # (p, m, n)
    p, m, n = X.shape
    flat = X.transpose(1, 0, 2).reshape(m, -1)
    mean = np.nanmean(flat, axis=1)
    sd = np.nanstd(flat, axis=1, ddof=1)
    Z = (X - mean[None, :, None]) / sd[None, :, None]
    present = ~np.all(np.isnan(X), axis=1)  # (p, n)
    Z0 = np.nan_to_num(Z, nan=0.0)
    H = np.zeros((m, m))
    for k in range(p):
        A = Z0[k][:, present[k]].T  # n_k x m
        H += A.T @ A
    vals, vecs = np.linalg.eigh(H)
    top = int(np.argmax(vals))
    v = vecs[:, top]
    if v.sum() < 0:
        v = -v
    w = v / v.sum()
    y = np.einsum("j,kjn->kn", w, Z0)
    y[~present] = nan
    return mean, sd, H, np.sort(vals)[::-1], w, y


np.set_printoptions(precision=17, linewidth=160)
for name, cube in (("PARK", PARK), ("MIXED", MIXED)):
    mean, sd, H, vals, w, y = scatter(cube)
    print(f"== {name}")
    print("mean", repr(mean.tolist()))
    print("sd", repr(sd.tolist()))
    print("H", repr(H.tolist()))
    print("eigenvalues", repr(vals.tolist()))
    print("weights", repr(w.tolist()))
    print("periodScores", repr(y.tolist()))
