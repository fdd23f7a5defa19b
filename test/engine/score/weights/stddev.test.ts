import { describe, expect, it } from "vitest";
import { stddevWeights } from "../../../../engine/score/weights/stddev.js";
import { WeightError } from "../../../../engine/score/weights/errors.js";
import { all, columns, expectCloseArray, withOutsiders } from "./helpers.js";

// Sałabun, W., Wątróbski, J. & Shekhovtsov, A. (2020). Are MCDA methods benchmarkable? A comparative
// study of TOPSIS, VIKOR, COPRAS, and PROMETHEE II methods. Symmetry 12(9), 1549: the 5 × 3
// example matrix. Published standard-deviation weights: 0.217, 0.294, 0.488.
const SWS = [
  [0.619, 0.449, 0.447],
  [0.862, 0.466, 0.006],
  [0.458, 0.698, 0.771],
  [0.777, 0.631, 0.491],
  [0.567, 0.992, 0.968],
];

describe("stddevWeights", () => {
  it("reproduces Sałabun et al. (2020): 0.217, 0.294, 0.488", () => {
    expectCloseArray(stddevWeights(columns(SWS), all(5)).weights, [0.217, 0.294, 0.488], 3);
  });
  it("matches numpy (test/reference/weights.py, \"stddev Salabun 2020\"), σ with n − 1", () => {
    const r = stddevWeights(columns(SWS), all(5));
    expectCloseArray(r.weights, [0.21732619182884244, 0.2944915058879696, 0.48818230228318804], 14);
    expectCloseArray(r.sd, [0.1624570712526851, 0.22014018261098994, 0.36492917120997603], 14);
  });
  it("gives the same weights with the population σ (n): the √(n/(n − 1)) factor cancels", () => {
    // By hand: columns (1, 2, 3) and (0, 0, 3). Sample σ: 1 and √3; population σ: √(2/3) and √2.
    // Either way w = (1, √3)/(1 + √3).
    const r = stddevWeights(columns([[1, 0], [2, 0], [3, 3]]), all(3));
    expectCloseArray(r.sd, [1, Math.sqrt(3)], 15);
    expectCloseArray(r.weights, [1 / (1 + Math.sqrt(3)), Math.sqrt(3) / (1 + Math.sqrt(3))], 15);
    const popSd = [Math.sqrt(2 / 3), Math.sqrt(2)];
    expectCloseArray(r.weights, popSd.map((s) => s / (popSd[0] + popSd[1])), 15);
  });
  it("ignores rows outside the population", () => {
    const { cols, pop } = withOutsiders(SWS);
    expectCloseArray(stddevWeights(cols, pop).weights, [0.21732619182884244, 0.2944915058879696, 0.48818230228318804], 14);
  });
  it("gives a constant column weight 0 (exactly: a mean rounded by an ulp is not spread)", () => {
    const r = stddevWeights(columns([[0.2, 1], [0.2, 2], [0.2, 4]]), all(3));
    expect(r.sd[0]).toBe(0);
    expect([...r.weights]).toEqual([0, 1]);
  });
  it("gives equal weights, with a note, for all-constant columns or one enterprise", () => {
    const r = stddevWeights(columns([[0.1, 7], [0.1, 7]]), all(2));
    expectCloseArray(r.weights, [0.5, 0.5], 15);
    expect(r.note).toMatch(/equal/);
    expectCloseArray(stddevWeights(columns([[0.1, 7, 3]]), all(1)).weights, [1 / 3, 1 / 3, 1 / 3], 15);
  });
  it("refuses missing values with the indicator named", () => {
    expect(() => stddevWeights(columns([[1, 2], [Infinity, 3]]), all(2))).toThrow(WeightError);
    expect(() => stddevWeights(columns([[1, 2], [Infinity, 3]]), all(2))).toThrow(/indicator 0 has no value/);
  });
});
