import { describe, expect, it } from "vitest";
import { topsis } from "../../../engine/score/aggregate/topsis.js";
import { weightedSum, weightedSumOnly } from "../../../engine/score/aggregate/weighted-sum.js";

// The FIVE fixture after min-max normalisation (see test/reference/topsis_five.py).
const norm = [Float64Array.from([2 / 3, 1, 1 / 3, 2 / 3, 0]), Float64Array.from([0.7, 0.2, 1.0, 0.4, 0])];
const input = { n: 5, pop: new Uint8Array(5).fill(1), norm, weights: Float64Array.from([0.6, 0.4]), scale: 100 };

/** expect(actual).toBe(expected), calling expect only on a mismatch: the loops below compare some 10^5 values. */
function same(actual: number, expected: number): void {
  if (!Object.is(actual, expected)) expect(actual).toBe(expected);
}

describe("weighted-sum", () => {
  it("adds weight × normalised value; contributions are the terms and add up to the score", () => {
    const r = weightedSum(input);
    // by hand: 0.6·⅔ + 0.4·0.7 = 0.68, 0.6 + 0.08 = 0.68, 0.2 + 0.4 = 0.6, 0.4 + 0.16 = 0.56, 0
    [0.68, 0.68, 0.6, 0.56, 0].forEach((v, i) => expect(r.raw[i]).toBeCloseTo(v, 14));
    [68, 68, 60, 56, 0].forEach((v, i) => expect(r.score[i]).toBeCloseTo(v, 12));
    expect(r.contrib[0][2]).toBeCloseTo(20, 12);
    expect(r.contrib[1][2]).toBeCloseTo(40, 12);
    for (let i = 0; i < 5; i++) expect(r.contrib[0][i] + r.contrib[1][i]).toBeCloseTo(r.score[i], 12);
  });
  it("agrees bit for bit with adding the terms one indicator at a time, for 1 to 9 indicators", () => {
    let seed = 9;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const n = 3000; // more than one block of rows
    for (let m = 1; m <= 9; m++) {
      const norm = Array.from({ length: m }, () => Float64Array.from({ length: n }, rnd));
      const w = Float64Array.from({ length: m }, rnd);
      const r = weightedSum({ n, pop: new Uint8Array(n).fill(1), norm, weights: w, scale: 100 });
      const lean = weightedSumOnly({ n, pop: new Uint8Array(n).fill(1), norm, weights: w, scale: 100 });
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += w[j] * norm[j][i];
        same(r.raw[i], s);
        same(r.score[i], 100 * s);
        same(lean.score[i], 100 * s);
        for (let j = 0; j < m; j++) same(r.contrib[j][i], 100 * (w[j] * norm[j][i]));
      }
    }
  });
  it("leaves rows outside the population NaN", () => {
    const pop = Uint8Array.from([0, 1, 0, 1, 0]);
    const masked = norm.map((c) => c.map((v, i) => (pop[i] ? v : NaN)));
    const r = weightedSum({ ...input, pop, norm: masked });
    expect(r.score[0]).toBeNaN();
    expect(r.score[1]).toBeCloseTo(68, 12);
  });
});

describe("topsis", () => {
  it("matches numpy (test/reference/topsis_five.py)", () => {
    const r = topsis(input);
    const closeness = [0.676731838286113, 0.654169893312894, 0.527864045000421, 0.579655211286321, 0];
    closeness.forEach((c, i) => expect(r.raw[i]).toBeCloseTo(c, 14));
    // E1 by hand: D+ = √(0.2² + 0.12²) = √0.0544, D− = √(0.4² + 0.28²) = √0.2384
    expect(r.raw[0]).toBeCloseTo(Math.sqrt(0.2384) / (Math.sqrt(0.0544) + Math.sqrt(0.2384)), 15);
    expect(r.contrib[0][0]).toBeCloseTo(45.418244180276055, 11);
    expect(r.contrib[1][0]).toBeCloseTo(22.254939648335263, 11);
  });
  it("splits the score into parts that add up to it, also at the anti-ideal", () => {
    const r = topsis(input);
    for (let i = 0; i < 5; i++) expect(r.contrib[0][i] + r.contrib[1][i]).toBeCloseTo(r.score[i], 12);
    expect(r.score[4]).toBe(0);
  });
  it("gives closeness 1 to everyone when all are equal, never NaN", () => {
    const same = [Float64Array.from([1, 1]), Float64Array.from([0.5, 0.5])];
    const r = topsis({ n: 2, pop: new Uint8Array(2).fill(1), norm: same, weights: Float64Array.from([0.5, 0.5]), scale: 100 });
    expect([...r.raw]).toEqual([1, 1]);
    expect(r.contrib[0][0] + r.contrib[1][0]).toBe(100);
  });
  it("agrees bit for bit with the textbook loop, row by row, for 1 to 9 indicators and rows outside the population", () => {
    let seed = 5;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const sq = (x: number) => x * x;
    const n = 3000; // more than one block of rows
    const pop = Uint8Array.from({ length: n }, () => (rnd() < 0.9 ? 1 : 0));
    for (let m = 1; m <= 9; m++) {
      const norm = Array.from({ length: m }, () => Float64Array.from({ length: n }, (_, i) => (pop[i] ? rnd() : NaN)));
      const w = Float64Array.from({ length: m }, () => rnd());
      const r = topsis({ n, pop, norm, weights: w, scale: 100 });
      // The definition, one row at a time: ideal and anti-ideal per column, then D⁺, D⁻, C and the shares.
      const hi = norm.map((c, j) => Math.max(...[...c].filter((_, i) => pop[i]).map((x) => w[j] * x)));
      const lo = norm.map((c, j) => Math.min(...[...c].filter((_, i) => pop[i]).map((x) => w[j] * x)));
      for (let i = 0; i < n; i++) {
        if (!pop[i]) {
          same(r.score[i], NaN);
          continue;
        }
        let p = 0, q = 0;
        const d2 = norm.map((c, j) => sq(w[j] * c[i] - lo[j]));
        norm.forEach((c, j) => (p += sq(w[j] * c[i] - hi[j])));
        d2.forEach((d) => (q += d));
        const closeness = Math.sqrt(p) + Math.sqrt(q) > 0 ? Math.sqrt(q) / (Math.sqrt(p) + Math.sqrt(q)) : 1;
        same(r.raw[i], closeness);
        same(r.score[i], 100 * closeness);
        d2.forEach((d, j) => same(r.contrib[j][i], q > 0 ? (100 * closeness * d) / q : 100 * closeness * w[j]));
      }
    }
  });
});
