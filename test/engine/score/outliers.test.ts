import { quantileSorted as ssQuantileSorted } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { kurtosis, OutlierError, percentileClip, skewness, winsorize } from "../../../engine/score/outliers.js";
import { quantileSorted } from "../../../engine/score/quantile.js";

const all = (n: number) => new Uint8Array(n).fill(1);
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const col = (...parts: (number | number[])[]) => Float64Array.from(parts.flat());

// Skewness, kurtosis and expected treatments: test/reference/outliers.py (numpy, an independent
// implementation of COINr's skew()/kurt()/winsorise()/log_CT(), checked against scipy.stats).
describe("skewness and kurtosis (COINr's skew()/kurt(), e1071 type 2)", () => {
  it("match the reference for 1..10, 30, 100", () => {
    const x = col(range(1, 10), 30, 100);
    expect(skewness(x)).toBeCloseTo(3.0632410342394985, 12);
    expect(kurtosis(x)).toBeCloseTo(9.741390834569144, 12);
  });
  it("are NaN below 3 / 4 values and for a constant column", () => {
    expect(skewness(col(1, 2))).toBeNaN();
    expect(kurtosis(col(1, 2, 3))).toBeNaN();
    expect(skewness(col(4, 4, 4, 4))).toBeNaN();
    expect(kurtosis(col(4, 4, 4, 4))).toBeNaN();
  });
});

describe("winsorize (COINr's Treat() defaults)", () => {
  it("reproduces COINr's documented example: winsorise(c(1:10, 30, 100)) gives 1..10, 30, 30, nwin 1", () => {
    // bluefoxr.github.io/COINr/reference/winsorise.html, example output
    const r = winsorize(col(range(1, 10), 30, 100), all(12));
    expect([...r.values]).toEqual([...range(1, 10), 30, 30]);
    expect(r.changes).toEqual([{ row: 11, from: 100, to: 30 }]);
    expect(r.count).toBe(1);
    expect([r.limitReached, r.logged, r.passes]).toEqual([false, false, true]);
    expect(r.skew).toBeCloseTo(3.0632410342394985, 12);
    expect(r.treatedSkew).toBeCloseTo(1.7120380600890506, 12);
    expect(r.treatedKurtosis).toBeCloseTo(1.8157805377242044, 12);
  });
  it("reproduces COINr's own test: c(1:10, 100) → the 100 becomes 10 and the column passes", () => {
    // COINr tests/testthat/test-treat.R, "treat_num"
    const r = winsorize(col(range(1, 10), 100), all(11));
    expect(r.values[10]).toBe(10);
    expect(r.passes).toBe(true);
    expect(r.treatedSkew).toBeCloseTo(-0.127621659676086, 12);
  });
  it("treats the low end when the skew is negative", () => {
    const r = winsorize(col(-100, range(1, 10)), all(11));
    expect(r.skew).toBeCloseTo(-3.267566519142248, 12);
    expect(r.changes).toEqual([{ row: 0, from: -100, to: 1 }]);
  });
  it("replaces tied extremes together, each counted, even past maxCount (as COINr's nwin)", () => {
    for (const maxCount of [5, 1]) {
      const r = winsorize(col(range(1, 20), 100, 100), all(22), { maxCount });
      expect(r.changes).toEqual([{ row: 20, from: 100, to: 20 }, { row: 21, from: 100, to: 20 }]);
      expect(r.count).toBe(2);
      expect(r.passes).toBe(true);
    }
  });
  it("re-reads the skew after each point: 1..20, 50, 100, …, 3200 needs 3 points", () => {
    const r = winsorize(col(range(1, 20), 50, 100, 200, 400, 800, 1600, 3200), all(27));
    expect([...r.values.subarray(20)]).toEqual([50, 100, 200, 400, 400, 400, 400]);
    expect(r.count).toBe(3);
    expect(r.treatedSkew).toBeCloseTo(1.8357648887556692, 12);
    expect(r.treatedKurtosis).toBeCloseTo(1.7349892918862155, 12);
  });
  it("reports the limit and, by default, log-transforms the original column instead (COINr's log_CT)", () => {
    // COINr's test: c(1:20, 100, 200) with winmax = 1 does not pass; log_CT = ln(x − 1 + 0.01·199)
    const x = col(range(1, 20), 100, 200);
    const kept = winsorize(x, all(22), { maxCount: 1, logFallback: false });
    expect([kept.limitReached, kept.logged, kept.passes]).toEqual([true, false, false]);
    expect(kept.changes).toEqual([{ row: 21, from: 200, to: 100 }]);
    const logged = winsorize(x, all(22), { maxCount: 1 });
    expect([logged.limitReached, logged.logged, logged.passes]).toEqual([true, true, true]);
    expect(logged.count).toBe(1);
    expect(logged.changes).toEqual([]);
    expect(logged.values[0]).toBeCloseTo(0.688134638736401, 12);
    expect(logged.values[21]).toBeCloseTo(5.30325515557766, 12);
    expect(logged.treatedSkew).toBeCloseTo(0.9694984073838657, 12);
  });
  it("stops at maxCount = 5 on a very heavy tail, and says when the log does not fix it either", () => {
    const x = col(range(1, 100), [3, 4, 5, 6, 7, 8, 9].map((k) => 10 ** k));
    const kept = winsorize(x, all(107), { logFallback: false });
    expect(kept.count).toBe(5);
    expect([...kept.values.subarray(99)]).toEqual([100, 1000, 10000, 10000, 10000, 10000, 10000, 10000]);
    expect(kept.treatedSkew).toBeCloseTo(3.903345513043499, 12);
    expect(kept.treatedKurtosis).toBeCloseTo(13.516671311440163, 10);
    const logged = winsorize(x, all(107));
    expect([logged.limitReached, logged.logged, logged.passes]).toEqual([true, true, false]);
    expect(logged.values[0]).toBeCloseTo(16.11809564995832, 12);
    expect(logged.treatedSkew).toBeCloseTo(7.976231248435778, 10);
  });
  it("looks at the population only and leaves other rows and missing values as they are", () => {
    const x = col(range(1, 10), NaN, 100, 5000);
    const pop = Uint8Array.from([...range(1, 10).map(() => 1), 1, 1, 0]);
    const r = winsorize(x, pop);
    expect(r.changes).toEqual([{ row: 11, from: 100, to: 10 }]);
    expect(r.values[10]).toBeNaN();
    expect(r.values[12]).toBe(5000);
    expect(x[11]).toBe(100); // the input is not modified
  });
  it("leaves a constant column, a single enterprise and fewer than 4 values untouched", () => {
    for (const x of [col(3, 3, 3, 3, 3), col(7), col(1, 2, 1000)]) {
      const r = winsorize(x, all(x.length));
      expect([...r.values]).toEqual([...x]);
      expect(r.changes).toEqual([]);
      expect([r.limitReached, r.logged, r.passes]).toEqual([false, false, true]);
    }
  });
  it("applies its thresholds as COINr: failing needs |skew| ≥ skew AND kurtosis ≥ kurtosis", () => {
    const x = col(range(1, 10), 30, 100); // skew 3.06, kurtosis 9.74
    expect(winsorize(x, all(12), { skew: 3.1 }).changes).toEqual([]);
    expect(winsorize(x, all(12), { kurtosis: 10 }).changes).toEqual([]);
    expect(winsorize(x, all(12), { skew: 1, kurtosis: 1 }).count).toBeGreaterThan(1);
  });
  it("refuses nonsense options", () => {
    expect(() => winsorize(col(1, 2), all(2), { maxCount: -1 })).toThrow(OutlierError);
  });
});

describe("percentileClip", () => {
  const x = col(range(1, 10), 30, 100);
  it("clips to the 1% and 99% quantiles, R type 7 / numpy linear", () => {
    // numpy.quantile(x, [0.01, 0.99]) = 1.11, 92.3 (test/reference/outliers.py)
    const r = percentileClip(x, all(12));
    expect(r.low).toBeCloseTo(1.11, 12);
    expect(r.high).toBeCloseTo(92.3, 12);
    expect(r.changes.map((c) => c.row)).toEqual([0, 11]);
    expect(r.values[0]).toBe(r.low);
    expect(r.values[11]).toBe(r.high);
  });
  it("clips to other quantiles, the same as simple-statistics' quantileSorted", () => {
    const r = percentileClip(x, all(12), { lower: 0.1, upper: 0.9 });
    expect(r.low).toBeCloseTo(2.1, 12);
    expect(r.high).toBeCloseTo(28, 12);
    expect(r.changes).toEqual([
      { row: 0, from: 1, to: r.low },
      { row: 1, from: 2, to: r.low }, // 2 < 2.1
      { row: 10, from: 30, to: r.high },
      { row: 11, from: 100, to: r.high },
    ]);
    const sorted = Float64Array.from(x).sort();
    for (const p of [0, 0.01, 0.1, 0.25, 0.5, 0.9, 0.99, 1]) expect(quantileSorted(sorted, p)).toBe(ssQuantileSorted([...sorted], p));
  });
  it("takes quantiles over the observed population and leaves other rows alone", () => {
    const r = percentileClip(col(1, 2, 3, NaN, 1000), Uint8Array.from([1, 1, 1, 1, 0]), { lower: 0, upper: 0.5 });
    expect([...r.values]).toEqual([1, 2, 2, NaN, 1000]);
  });
  it("is a no-op on a constant column, a single enterprise and an empty population", () => {
    expect(percentileClip(col(5, 5, 5), all(3)).changes).toEqual([]);
    expect(percentileClip(col(5), all(1)).changes).toEqual([]);
    const empty = percentileClip(col(1, 2), new Uint8Array(2));
    expect([...empty.values]).toEqual([1, 2]);
    expect(empty.low).toBeNaN();
  });
  it("refuses quantiles outside 0 ≤ lower ≤ upper ≤ 1", () => {
    expect(() => percentileClip(x, all(12), { lower: 0.9, upper: 0.1 })).toThrow(/0 ≤ lower ≤ upper ≤ 1/);
    expect(() => percentileClip(x, all(12), { upper: 1.5 })).toThrow(OutlierError);
  });
});
