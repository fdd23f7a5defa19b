import { describe, expect, it } from "vitest";
import { DynamicError } from "../../../engine/dynamic/errors.js";
import { renormalize, solveTimeWeights, timeDegree, timeWeights, weightEntropy } from "../../../engine/dynamic/time-weights.js";

const near = (actual: ArrayLike<number>, expected: number[], digits: number) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, digits));
};

describe("time weights: published values", () => {
  it("p = 3, λ = 0.3 → 0.1540, 0.2921, 0.5540 (Guo, Yao & Yi, Systems Engineering — Theory & Practice 27(10), 2007)", () => {
    near(timeWeights(3, 0.3), [0.154, 0.2921, 0.554], 4);
  });

  it("p = 6, λ = 0.3 is Jaynes' Brandeis die with mean 4.5 (face k = period k, λ = (6 − 4.5)/5)", () => {
    // Jaynes' maximum-entropy solution as tabulated in cooper-org/cooper,
    // tutorials/scripts/plot_max_entropy.py ("Theoretical solution"): 0.05435, 0.07877, 0.1142,
    // 0.1654, 0.2398, 0.3475; ikoryakovskiy/machine_learning, basic_machine_learning/maxent.py prints
    // the same to 4 places with the multiplier "Lambda = -0.3710" (p_k ∝ exp(−Lambda·k)).
    const r = solveTimeWeights(6, 0.3);
    near(r.weights.subarray(0, 2), [0.05435, 0.07877], 5);
    near(r.weights.subarray(2), [0.1142, 0.1654, 0.2398, 0.3475], 4);
    // w_k ∝ exp(μ(6 − k)/5) = const · exp(−(μ/5)·k), so their Lambda is μ/5.
    expect(r.mu / 5).toBeCloseTo(-0.371, 4);
  });
});

describe("time weights: exact cases and conventions", () => {
  it("λ = 0.5 gives exactly equal weights; p = 2 gives exactly (λ, 1 − λ); p = 1 gives [1]", () => {
    expect(Array.from(timeWeights(4, 0.5))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(Array.from(timeWeights(2, 0.3))).toEqual([0.3, 0.7]);
    expect(solveTimeWeights(2, 0.3).mu).toBeCloseTo(Math.log(0.3 / 0.7), 15);
    expect(Array.from(timeWeights(1, 0.2))).toEqual([1]);
    expect(Array.from(timeWeights(1, 0))).toEqual([1]);
  });

  it("λ = 0 and λ = 1 are the single feasible points: all weight on the latest / the earliest period", () => {
    expect(Array.from(timeWeights(4, 0))).toEqual([0, 0, 0, 1]);
    expect(Array.from(timeWeights(4, 1))).toEqual([1, 0, 0, 0]);
    expect(solveTimeWeights(4, 0).mu).toBe(-Infinity);
    expect(solveTimeWeights(4, 0).entropy).toBe(0);
  });

  it("λ and 1 − λ give the same weights in reverse order", () => {
    const a = timeWeights(5, 0.2), b = timeWeights(5, 0.8);
    for (let k = 0; k < 5; k++) expect(a[k]).toBeCloseTo(b[4 - k], 14);
  });

  it("λ < 0.5 favours recent periods: weights strictly increase towards the latest", () => {
    for (const lambda of [0.1, 0.3, 0.45]) {
      const w = timeWeights(6, lambda);
      for (let k = 1; k < 6; k++) expect(w[k]).toBeGreaterThan(w[k - 1]);
    }
  });

  it("refuses what has no answer", () => {
    for (const [p, l] of [[3, -0.1], [3, 1.5], [3, NaN], [0, 0.3], [2.5, 0.3], [-1, 0.3]])
      expect(() => timeWeights(p, l)).toThrow(DynamicError);
    expect(() => timeWeights(3, 1.5)).toThrow(/time degree λ must lie in \[0, 1\]/);
  });
});

describe("time weights: the constraints and the maximum", () => {
  const ps = [2, 3, 4, 5, 7, 10, 20, 50];
  const lambdas = [1e-6, 0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.49, 0.5, 0.51, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1 - 1e-6];

  it("Σw = 1 and Σ (p − k)/(p − 1) w_k = λ to 1e-12, every weight > 0, at every p and λ", () => {
    for (const p of ps)
      for (const lambda of lambdas) {
        const w = timeWeights(p, lambda);
        expect(w.length).toBe(p);
        expect(Math.abs(w.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
        expect(Math.abs(timeDegree(w) - lambda)).toBeLessThan(1e-12);
        for (const v of w) expect(v).toBeGreaterThan(0);
      }
  });

  it("has the Lagrangian's form: ln w_k is linear in (p − k)/(p − 1) with slope μ", () => {
    for (const p of [3, 5, 10])
      for (const lambda of [0.1, 0.3, 0.7]) {
        const { weights: w, mu } = solveTimeWeights(p, lambda);
        for (let k = 0; k + 1 < p; k++) expect(Math.log(w[k] / w[k + 1])).toBeCloseTo(mu / (p - 1), 10);
      }
  });

  it("beats every nearby feasible vector on entropy (random perturbations in the constraints' null space)", () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
    let tried = 0;
    for (const p of [3, 4, 6, 9])
      for (const lambda of [0.1, 0.2, 0.3, 0.6]) {
        const w = timeWeights(p, lambda);
        const h = weightEntropy(w);
        const t = Array.from({ length: p }, (_, k) => (p - 1 - k) / (p - 1));
        for (let trial = 0; trial < 50; trial++) {
          // Random direction, made orthogonal to 1 and to t (Gram–Schmidt): Σd = 0 and Σ t d = 0.
          const d = Array.from({ length: p }, rnd);
          const u1 = new Array(p).fill(1 / Math.sqrt(p));
          const proj = (v: number[], u: number[]) => {
            const c = v.reduce((s, x, i) => s + x * u[i], 0);
            return v.map((x, i) => x - c * u[i]);
          };
          let u2 = proj(t, u1);
          const n2 = Math.hypot(...u2);
          u2 = u2.map((x) => x / n2);
          const dir = proj(proj(d, u1), u2);
          const eps = 0.5 * Math.min(...Array.from(w)) / Math.max(...dir.map(Math.abs)); // stays positive
          for (const scale of [1, 0.1, 0.01]) {
            const v = Array.from(w, (x, i) => x + eps * scale * dir[i]);
            expect(Math.abs(v.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-12);
            expect(Math.abs(timeDegree(v) - lambda)).toBeLessThan(1e-12);
            expect(weightEntropy(v)).toBeLessThan(h);
            tried++;
          }
        }
      }
    expect(tried).toBe(4 * 4 * 50 * 3);
  });

  it("reaches the degree at extreme λ and many periods", () => {
    const w = timeWeights(200, 0.3);
    expect(Math.abs(timeDegree(w) - 0.3)).toBeLessThan(1e-12);
    const tiny = solveTimeWeights(4, 1e-300);
    expect(tiny.weights[3]).toBe(1 - tiny.weights[0] - tiny.weights[1] - tiny.weights[2]);
    expect(tiny.degree).toBeLessThan(1e-299);
  });
});

describe("renormalize", () => {
  it("rescales the weights of the available periods to 1 and zeroes the rest", () => {
    const w = Float64Array.of(0.2, 0.3, 0.5);
    const r = renormalize(w, Uint8Array.of(0, 1, 1));
    expect(r[0]).toBe(0);
    expect(r[1]).toBeCloseTo(0.375, 15); // 0.3 / 0.8
    expect(r[2]).toBeCloseTo(0.625, 15); // 0.5 / 0.8
    expect(Array.from(renormalize(w, Uint8Array.of(1, 1, 1)))).toEqual(Array.from(w));
  });

  it("has no answer without an available period, or when those it has carry no weight", () => {
    expect(() => renormalize(Float64Array.of(0.2, 0.8), Uint8Array.of(0, 0))).toThrow(DynamicError);
    expect(() => renormalize(timeWeights(3, 0), Uint8Array.of(1, 1, 0))).toThrow(/carry no weight/);
    expect(() => renormalize(Float64Array.of(0.2, 0.8), Uint8Array.of(1))).toThrow(DynamicError);
  });
});
