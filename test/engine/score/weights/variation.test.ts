import { describe, expect, it } from "vitest";
import { variationWeights } from "../../../../engine/score/weights/variation.js";
import { WeightError } from "../../../../engine/score/weights/errors.js";
import { all, columns, expectCloseArray, withOutsiders } from "./helpers.js";

// No published worked example with a full table was found for CV weights; this one is by hand.
// a = (1, 2, 3): mean 2, sample σ 1, v = 1/2.  b = (10, 10, 13): mean 11, deviations (−1, −1, 2),
// σ = √(6/2) = √3, v = √3/11.  c = (−1, −2, −3): mean −2, σ 1, v = 1/|−2| = 1/2.
// w = (½, √3/11, ½) / (1 + √3/11).
const HAND = [
  [1, 10, -1],
  [2, 10, -2],
  [3, 13, -3],
];
const t = 1 + Math.sqrt(3) / 11;

describe("variationWeights", () => {
  it("computes σ/|mean| by hand (sample σ)", () => {
    const r = variationWeights(columns(HAND), all(3));
    expectCloseArray(r.mean, [2, 11, -2], 15);
    expectCloseArray(r.sd, [1, Math.sqrt(3), 1], 15);
    expectCloseArray(r.cv, [0.5, Math.sqrt(3) / 11, 0.5], 15);
    expectCloseArray(r.weights, [0.5 / t, Math.sqrt(3) / 11 / t, 0.5 / t], 15);
  });
  it("matches numpy (test/reference/weights.py, \"variation hand\" and \"variation Salabun 2020 matrix\")", () => {
    expectCloseArray(variationWeights(columns(HAND), all(3)).weights, [0.4319806826980608, 0.13603863460387838, 0.4319806826980608], 14);
    const sws = [
      [0.619, 0.449, 0.447],
      [0.862, 0.466, 0.006],
      [0.458, 0.698, 0.771],
      [0.777, 0.631, 0.491],
      [0.567, 0.992, 0.968],
    ];
    const r = variationWeights(columns(sws), all(5));
    expectCloseArray(r.weights, [0.19518278969946373, 0.2683271349843852, 0.536490075316151], 14);
    expectCloseArray(r.cv, [0.247421674158826, 0.34014243295888436, 0.680076726071517], 14);
  });
  it("is scale-free: multiplying an indicator by 1000 changes nothing", () => {
    const scaled = HAND.map((r) => [r[0] * 1000, r[1], r[2]]);
    expectCloseArray(variationWeights(columns(scaled), all(3)).weights, [0.5 / t, Math.sqrt(3) / 11 / t, 0.5 / t], 14);
  });
  it("ignores rows outside the population", () => {
    const { cols, pop } = withOutsiders(HAND);
    expectCloseArray(variationWeights(cols, pop).weights, [0.5 / t, Math.sqrt(3) / 11 / t, 0.5 / t], 15);
  });
  it("refuses a mean of 0, naming the indicator and suggesting another method", () => {
    const zeroMean = columns([[1, -1], [2, 0], [3, 1]]);
    expect(() => variationWeights(zeroMean, all(3))).toThrow(WeightError);
    expect(() => variationWeights(zeroMean, all(3))).toThrow(/indicator 1 has mean 0.*standard-deviation or entropy/);
  });
  it("gives equal weights, with a note, when nothing varies (constant columns, one enterprise)", () => {
    const r = variationWeights(columns([[4, 0.3], [4, 0.3]]), all(2));
    expectCloseArray(r.weights, [0.5, 0.5], 15);
    expect([...r.cv]).toEqual([0, 0]);
    expect(r.note).toMatch(/equal/);
    expectCloseArray(variationWeights(columns([[4, 9]]), all(1)).weights, [0.5, 0.5], 15);
  });
});
