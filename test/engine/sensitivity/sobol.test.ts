import { describe, expect, it } from "vitest";
import { Random } from "../../../engine/sensitivity/sample.js";
import { designRun, quantile, sobolIndices, sobolWithBootstrap } from "../../../engine/sensitivity/sobol.js";

/** Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, x uniform on [−π, π]. */
function ishigami(x: number[], a = 7, b = 0.1): number {
  return Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);
}

/** Runs the Saltelli design through designRun, each factor drawn from the stream (seed, matrix, row, factor) as the analysis does. */
function ishigamiOutputs(n: number, seed: number) {
  const k = 3;
  const y = new Float64Array(n * (k + 2));
  for (let r = 0; r < y.length; r++) {
    const { row, source } = designRun(r, n, k);
    const x = [0, 1, 2].map((f) => -Math.PI + 2 * Math.PI * new Random(seed, source[f], row, f).uniform());
    y[r] = ishigami(x);
  }
  return { yA: y.slice(0, n), yB: y.slice(n, 2 * n), yAB: [0, 1, 2].map((i) => y.slice((i + 2) * n, (i + 3) * n)) };
}

describe("Sobol indices (Saltelli 2010 first order, Jansen 1999 total order)", () => {
  // Analytic values for a = 7, b = 0.1 (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, §4.x; Sobol' & Levitan 1999).
  const S = [0.3139, 0.4424, 0];
  const ST = [0.5576, 0.4424, 0.2437];
  const { yA, yB, yAB } = ishigamiOutputs(20000, 11);
  const r = sobolIndices(yA, yB, yAB);

  it("recover the Ishigami function's analytic first-order indices", () => {
    r.first.forEach((s, i) => expect(Math.abs(s - S[i])).toBeLessThan(0.03));
  });
  it("recover its analytic total-order indices", () => {
    r.total.forEach((s, i) => expect(Math.abs(s - ST[i])).toBeLessThan(0.02));
  });
  it("estimate the output variance (analytic a²/8 + b π⁴/5 + b² π⁸/18 + 1/2 = 13.8446)", () => {
    expect(r.variance).toBeGreaterThan(13.8446 * 0.96);
    expect(r.variance).toBeLessThan(13.8446 * 1.04);
  });
  it("give bootstrap intervals around the estimate that cover the analytic values", () => {
    const { yA, yB, yAB } = ishigamiOutputs(4000, 3);
    const e = sobolWithBootstrap(yA, yB, yAB, { resamples: 300, seed: 1 });
    e.forEach((x, i) => {
      expect(x.firstLow).toBeLessThanOrEqual(x.first);
      expect(x.firstHigh).toBeGreaterThanOrEqual(x.first);
      expect(x.totalLow).toBeLessThanOrEqual(x.total);
      expect(x.totalHigh).toBeGreaterThanOrEqual(x.total);
      expect(S[i]).toBeGreaterThan(x.firstLow - 0.01);
      expect(S[i]).toBeLessThan(x.firstHigh + 0.01);
      expect(ST[i]).toBeGreaterThan(x.totalLow - 0.01);
      expect(ST[i]).toBeLessThan(x.totalHigh + 0.01);
    });
    // Narrower with more data: the N = 20000 estimate's error is within the N = 4000 interval's half-width.
    expect(e[0].firstHigh - e[0].firstLow).toBeGreaterThan(0.02);
  });
  it("match numpy on fixed outputs (test/reference/sensitivity.py)", () => {
    const j = Array.from({ length: 8 }, (_, k) => k);
    const yA = Float64Array.from(j, (k) => Math.sin(k + 1) * 3 + (k % 3));
    const yB = Float64Array.from(j, (k) => Math.cos(k * 0.7) * 2 + (k % 2));
    const yAB = [Float64Array.from(j, (k) => yA[k] + 0.5 * (yB[k] - yA[k])), Float64Array.from(j, (k) => yA[k] * 0.9 + Math.sin(k) * 0.3)];
    const r = sobolIndices(yA, yB, yAB);
    expect(r.variance).toBeCloseTo(3.8128515575986763, 12);
    expect(r.first[0]).toBeCloseTo(-0.060463017869405715, 12);
    expect(r.total[0]).toBeCloseTo(0.12600339273367614, 12);
    expect(r.first[1]).toBeCloseTo(-0.012249265960891894, 12);
    expect(r.total[1]).toBeCloseTo(0.007132932060762785, 12);
  });
  it("are undefined (NaN, an empty cell) when the output does not vary", () => {
    const c = new Float64Array(5).fill(2);
    const r = sobolIndices(c, c, [c]);
    expect(r.first[0]).toBeNaN();
    expect(r.total[0]).toBeNaN();
  });
});

describe("the Saltelli design", () => {
  it("numbers A, B, then AB_i (A with factor i from B)", () => {
    expect([...designRun(2, 4, 3).source]).toEqual([0, 0, 0]);
    expect(designRun(2, 4, 3).row).toBe(2);
    expect([...designRun(5, 4, 3).source]).toEqual([1, 1, 1]);
    expect([...designRun(13, 4, 3).source]).toEqual([0, 1, 0]); // AB_2, row 1
    expect(designRun(13, 4, 3).row).toBe(1);
    expect(() => designRun(20, 4, 3)).toThrow();
  });
});

describe("quantiles", () => {
  it("are numpy's default (type 7, linear) — test/reference/sensitivity.py", () => {
    const ranks = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4]);
    expect(quantile(ranks, 0.05)).toBe(1);
    expect(quantile(ranks, 0.1)).toBeCloseTo(1.9, 12);
    expect(quantile(ranks, 0.375)).toBe(3.125);
    expect(quantile(ranks, 0.5)).toBe(4.5);
    expect(quantile(ranks, 0.9)).toBe(9);
  });
});
