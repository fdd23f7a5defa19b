/**
 * Grading of rank-sum ratios by Probit regression (田凤调's RSR 分档; 孙振球《医学统计学》, chapter on
 * comprehensive evaluation, "RSR 的分布" and "分档排序"):
 *
 * 1. sort the population's (W)RSR ascending and group equal values; for each distinct value, its
 *    frequency f, cumulative frequency Σf, average rank R̄ (the mean of the ranks it spans) and the
 *    downward cumulative frequency p = R̄/n, the last one corrected to 1 − 1/(4n);
 * 2. Probit = Φ⁻¹(p) + 5 (Φ⁻¹ by Wichura's AS241, below);
 * 3. ordinary least squares RSR = a + b·Probit over the table's rows, one point per distinct value
 *    as in the textbook's RSR distribution table (our own centred sums, not simple-statistics'
 *    linearRegression, so that one distinct value gives a defined fit: b = 0, a = that value, r² NaN);
 * 4. grades from the standard Probit thresholds (the table of usual numbers of grades with their
 *    percentiles and Probits in 孙振球《医学统计学》, after 田凤调: P15.866, P50, P84.134 and P6.681,
 *    P30.854, P69.146, P93.319 of the normal distribution):
 *    3 grades < 4, 4–6, ≥ 6; 4 grades < 4, 4–5, 5–6, ≥ 6; 5 grades < 3.5, 3.5–4.5, 4.5–5.5, 5.5–6.5,
 *    ≥ 6.5. The RSR cut points are a + b·threshold, and each enterprise gets the grade of the interval
 *    (closed below) holding its fitted value a + b·Probit — the best grade for the highest.
 *
 * Equal values share a Probit and so a grade. With a single distinct value (all equal) b = 0, the fitted
 * value equals every cut point, and everyone gets the best grade, as everyone is at the top.
 */
import { ascendingOrder } from "./rank.js";

/** Probit thresholds by number of grades, ascending (worst boundary first). */
export const RSR_PROBIT_THRESHOLDS: Readonly<Record<number, readonly number[]>> = {
  3: [4, 6],
  4: [4, 5, 6],
  5: [3.5, 4.5, 5.5, 6.5],
};

/** The RSR distribution table, one entry per distinct value, ascending (columnar; `Array.from` for JSON). */
export interface RsrProbitTable {
  value: Float64Array;
  /** f: how many enterprises have the value. */
  count: Int32Array;
  /** Σf. */
  cumulative: Int32Array;
  /** R̄: the average of the ranks 1…n the value spans. */
  meanRank: Float64Array;
  /** R̄/n, the last one 1 − 1/(4n). */
  p: Float64Array;
  /** Φ⁻¹(p) + 5. */
  probit: Float64Array;
  /** a + b·Probit. */
  fitted: Float64Array;
}

export interface RsrProbitFit {
  /** Intercept and slope of RSR = a + b·Probit. */
  a: number;
  b: number;
  /** Coefficient of determination of the fit (NaN with fewer than two distinct values). */
  r2: number;
  /** The Probit thresholds used, ascending. */
  thresholds: number[];
  /** RSR cut points a + b·threshold, ascending: a fitted value at or above cutpoints[k] passes boundary k. */
  cutpoints: number[];
  table: RsrProbitTable;
}

/**
 * Grades the rows by Probit regression of `values` (RSR or WRSR); `grades` best first, 3, 4 or 5 of
 * them. Writes `out[row]` for every row and returns the fit and its table.
 */
export function rsrProbitGrades(values: Float64Array, rows: Int32Array, grades: string[], out: string[]): RsrProbitFit {
  const thresholds = RSR_PROBIT_THRESHOLDS[grades.length];
  if (!thresholds) throw new RangeError(`rsr-probit grading needs 3, 4 or 5 grades, not ${grades.length}`);
  const bad = firstNonFinite(values, rows);
  if (bad >= 0) throw new RangeError(`rsr-probit grading: row ${bad} has no finite RSR value (${values[bad]})`);
  const order = ascendingOrder(values, rows);
  const n = order.length;
  const groups = distinctCount(values, order);
  const table: RsrProbitTable = {
    value: new Float64Array(groups),
    count: new Int32Array(groups),
    cumulative: new Int32Array(groups),
    meanRank: new Float64Array(groups),
    p: new Float64Array(groups),
    probit: new Float64Array(groups),
    fitted: new Float64Array(groups),
  };
  distribution(values, order, table);
  if (groups > 0) table.p[groups - 1] = 1 - 1 / (4 * n);
  for (let k = 0; k < groups; k++) table.probit[k] = inverseNormalCdf(table.p[k]) + 5;
  const fit = new Float64Array(3);
  ols(table.probit, table.value, fit);
  const [a, b, r2] = fit;
  const cutpoints = thresholds.map((t) => a + b * t);
  const level = new Int32Array(groups); // 0 = worst grade
  levels(table.probit, a, b, Float64Array.from(cutpoints), table.fitted, level);
  assign(order, table.count, level, grades, out);
  return { a, b, r2, thresholds: [...thresholds], cutpoints, table };
}

/** The first row whose value is not a finite number, or −1. */
function firstNonFinite(x: Float64Array, rows: Int32Array): number {
  for (let k = 0; k < rows.length; k++) if (!Number.isFinite(x[rows[k]])) return rows[k];
  return -1;
}

/** Fitted values a + b·Probit and how many cut points each reaches (intervals closed below). */
function levels(probit: Float64Array, a: number, b: number, cut: Float64Array, fitted: Float64Array, level: Int32Array): void {
  for (let k = 0; k < probit.length; k++) {
    const y = (fitted[k] = a + b * probit[k]);
    let l = 0;
    while (l < cut.length && y >= cut[l]) l++;
    level[k] = l;
  }
}

/** Each run of equal values along the sorted order gets its group's grade (best first in `grades`). */
function assign(order: Int32Array, count: Int32Array, level: Int32Array, grades: string[], out: string[]): void {
  const top = grades.length - 1;
  for (let p = 0, k = 0; k < count.length; k++) {
    const grade = grades[top - level[k]];
    for (let c = 0; c < count[k]; c++) out[order[p++]] = grade;
  }
}

/** How many distinct values along the sorted order. */
function distinctCount(x: Float64Array, order: Int32Array): number {
  let k = 0;
  for (let p = 0; p < order.length; p++) if (p === 0 || x[order[p]] !== x[order[p - 1]]) k++;
  return k;
}

/** Fills value, f, Σf, R̄ and R̄/n for each run of equal values along the sorted order. */
function distribution(x: Float64Array, order: Int32Array, t: RsrProbitTable): void {
  const n = order.length;
  let k = 0, s = 0;
  while (s < n) {
    const v = x[order[s]];
    let e = s + 1;
    while (e < n && x[order[e]] === v) e++;
    t.value[k] = v;
    t.count[k] = e - s;
    t.cumulative[k] = e;
    t.meanRank[k] = (s + 1 + e) / 2;
    t.p[k] = t.meanRank[k] / n;
    k++;
    s = e;
  }
}

/** OLS y = a + b·x with centred sums into out = [a, b, r²]; one point (or constant x): b = 0, r² NaN. */
function ols(x: Float64Array, y: Float64Array, out: Float64Array): void {
  const k = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < k; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= k;
  my /= k;
  let sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < k; i++) {
    const dx = x[i] - mx, dy = y[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  out[0] = my - b * mx;
  out[1] = b;
  out[2] = sxx > 0 && syy > 0 ? (sxy * sxy) / (sxx * syy) : NaN;
}

/**
 * Φ⁻¹(p), the standard normal quantile, by Wichura's algorithm AS241 (PPND16; Applied Statistics 37,
 * 1988, 477–484), accurate to about 1 part in 10¹⁶. ±∞ at 0 and 1, NaN outside [0, 1].
 */
export function inverseNormalCdf(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    x =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -x : x;
}
