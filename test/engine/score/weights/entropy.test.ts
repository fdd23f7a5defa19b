import { describe, expect, it } from "vitest";
import { entropyWeights, zeroRule } from "../../../../engine/score/weights/entropy.js";
import { WeightError } from "../../../../engine/score/weights/errors.js";
import { all, columns, expectCloseArray, sum, withOutsiders } from "./helpers.js";

// Xu, X. (2004). A note on the subjective and objective integrated approach to determine attribute
// weights. European Journal of Operational Research 156(2), 530–532: the 4 × 4 decision matrix of
// its example, raw data sum-normalised. Published entropy weights: 0.4630, 0.3992, 0.1378, 0.0000.
const XU = [
  [30, 30, 38, 29],
  [19, 54, 86, 29],
  [19, 15, 85, 28.9],
  [68, 70, 60, 29],
];
// Zavadskas, E. K. & Podvezko, V. (2016). Integrated determination of objective criteria weights in
// MCDM. Int. J. of Information Technology & Decision Making 15(2), 267–283: 4 alternatives × 4
// criteria, raw data. Published entropy weights: 0.1146, 0.1981, 0.4185, 0.2689.
const ZP = [
  [3.0, 100, 10, 7],
  [2.5, 80, 8, 5],
  [1.8, 50, 20, 11],
  [2.2, 70, 12, 9],
];

describe("entropyWeights against published examples", () => {
  it("reproduces Xu (2004): 0.4630, 0.3992, 0.1378, 0.0000", () => {
    const r = entropyWeights(columns(XU), all(4), { basis: "raw" });
    expectCloseArray(r.weights, [0.463, 0.3992, 0.1378, 0], 4);
    expect(r.note).toBeUndefined();
  });
  it("reproduces Zavadskas & Podvezko (2016): 0.1146, 0.1981, 0.4185, 0.2689", () => {
    const r = entropyWeights(columns(ZP), all(4), { basis: "raw" });
    expectCloseArray(r.weights, [0.1146, 0.1981, 0.4185, 0.2689], 4);
  });
});

describe("entropyWeights against numpy (test/reference/weights.py)", () => {
  it("matches Xu (2004) raw: weights, entropies, divergences", () => {
    const r = entropyWeights(columns(XU), all(4), { basis: "raw" });
    expectCloseArray(r.weights, [4.6295228689938012e-1, 3.9920354898959204e-1, 1.3784085613853284e-1, 3.3079724950392318e-6], 13);
    expectCloseArray(r.entropy, [0.8872040802423209, 0.9027361290719849, 0.9664157914577686, 0.9999991940296858], 13);
    expectCloseArray(r.divergence, [1.1279591975767911e-1, 9.7263870928015139e-2, 3.3584208542231431e-2, 8.05970314154969e-7], 13);
  });
  it("matches Zavadskas & Podvezko (2016) raw", () => {
    const r = entropyWeights(columns(ZP), all(4), { basis: "raw" });
    expectCloseArray(r.weights, [0.11457544989508994, 0.1980819718190378, 0.4184612445596035, 0.26888133372626877], 13);
    expectCloseArray(r.entropy, [0.9877211291728116, 0.9787718665090316, 0.955154166334615, 0.9711844102057637], 13);
  });
  it("matches the min-max normalised Xu matrix (basis normalized: a zero in every column, 0·ln 0 = 0)", () => {
    const mm = columns(XU).map((c) => {
      const lo = Math.min(...c), hi = Math.max(...c);
      return c.map((v) => (v - lo) / (hi - lo));
    });
    const r = entropyWeights(mm, all(4), { basis: "normalized" });
    expectCloseArray(r.weights, [0.4694449665921291, 0.2066226184990251, 0.17550588549622204, 0.14842652941262377], 13);
    expectCloseArray(r.entropy, [0.34365754641546364, 0.7111158792985011, 0.7546209423836467, 0.792481250360578], 13);
  });
});

describe("entropyWeights conventions and degenerate input", () => {
  it("uses 0·ln 0 = 0 with no ε (worked by hand)", () => {
    // m = 4 rows. Column a = (1, 1, 0, 0): p = (½, ½, 0, 0), e = ln 2 / ln 4 = 0.5 exactly.
    // Column b = (1, 0, 0, 0): p = (1, 0, 0, 0), e = 0. Column c = (1, 1, 1, 1): e = ln 4 / ln 4 = 1.
    // d = (0.5, 1, 0) → w = (1/3, 2/3, 0). With an ε added, b would get e > 0 and c a weight > 0.
    const r = entropyWeights(columns([[1, 1, 1], [1, 0, 1], [0, 0, 1], [0, 0, 1]]), all(4), { basis: "normalized" });
    expectCloseArray(r.entropy, [0.5, 0, 1], 15);
    expectCloseArray(r.weights, [1 / 3, 2 / 3, 0], 15);
    expect(zeroRule).toBe("0·ln 0 = 0 (no ε)");
  });
  it("ignores rows outside the population", () => {
    const { cols, pop } = withOutsiders(XU);
    const r = entropyWeights(cols, pop, { basis: "raw" });
    expectCloseArray(r.weights, [4.6295228689938012e-1, 3.9920354898959204e-1, 1.3784085613853284e-1, 3.3079724950392318e-6], 13);
  });
  it("gives a column summing to 0 entropy 1 and divergence 0", () => {
    const r = entropyWeights(columns([[0, 1], [0, 3], [0, 4]]), all(3), { basis: "normalized" });
    expect(r.entropy[0]).toBe(1);
    expect(r.divergence[0]).toBe(0);
    expectCloseArray(r.weights, [0, 1], 15);
  });
  it("gives equal weights, with a note, when every column is constant", () => {
    const r = entropyWeights(columns([[2, 5, 0], [2, 5, 0], [2, 5, 0]]), all(3), { basis: "raw" });
    expectCloseArray(r.weights, [1 / 3, 1 / 3, 1 / 3], 15);
    expect([...r.divergence]).toEqual([0, 0, 0]); // never a negative divergence from e = 1 + 1 ulp
    expect(r.note).toMatch(/equal/);
  });
  it("gives a constant column weight exactly 0, whatever the rounding of Σ p ln p", () => {
    // Σ p ln p over m equal values rounds to e < 1 for 86 of m = 2..199 (m = 10: e = 1 − 2.2e-16,
    // m = 99: 1 − 7.8e-16): without the exact rule the constant column would get a weight of
    // about 3e-15 next to this second column (1.9e-14 at m = 99).
    for (const m of [3, 7, 10, 99]) {
      const r = entropyWeights([new Float64Array(m).fill(0.37), Float64Array.from({ length: m }, (_, i) => i + 1)], all(m), { basis: "raw" });
      expect(r.entropy[0]).toBe(1);
      expect(r.weights[0]).toBe(0);
      expect(r.weights[1]).toBe(1);
    }
  });
  it("gives equal weights for a single enterprise", () => {
    const r = entropyWeights(columns([[3, 8]]), all(1), { basis: "raw" });
    expectCloseArray(r.weights, [0.5, 0.5], 15);
    expect([...r.entropy]).toEqual([1, 1]);
    expect(r.note).toMatch(/one graded row/);
  });
  it("gives tied columns tied weights", () => {
    const r = entropyWeights(columns([[1, 1, 5], [2, 2, 5], [4, 4, 6]]), all(3), { basis: "raw" });
    expect(r.weights[0]).toBe(r.weights[1]);
    expect(sum(r.weights)).toBeCloseTo(1, 15);
  });
  it("refuses negative values, naming the indicator", () => {
    expect(() => entropyWeights(columns([[1, 2], [3, -1]]), all(2), { basis: "raw" })).toThrow(WeightError);
    expect(() => entropyWeights(columns([[1, 2], [3, -1]]), all(2), { basis: "raw" })).toThrow(/indicator 1 has negative raw values \(-1 at row 1\)/);
    expect(() => entropyWeights(columns([[-0.5, 2], [3, 1]]), all(2), { basis: "normalized" })).toThrow(/indicator 0 has negative normalised values.*z-score/);
  });
  it("refuses an empty population and missing values", () => {
    expect(() => entropyWeights(columns([[1, 2]]), new Uint8Array(1), { basis: "raw" })).toThrow(/population is empty/);
    expect(() => entropyWeights(columns([[1, NaN], [2, 3]]), all(2), { basis: "raw" })).toThrow(/indicator 1 has no value \(NaN\) at row 0/);
  });
});
