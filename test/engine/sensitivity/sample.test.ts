import { describe, expect, it } from "vitest";
import { dirichletAround, Random, uniformNoise } from "../../../engine/sensitivity/sample.js";

const moments = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean: m, variance: xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length };
};

describe("the seeded random streams", () => {
  it("give the same numbers for the same (seed, stream…) and different ones otherwise", () => {
    const a = Array.from({ length: 5 }, ((r) => () => r.u32())(new Random(7, 0, 3, 1)));
    const b = Array.from({ length: 5 }, ((r) => () => r.u32())(new Random(7, 0, 3, 1)));
    const c = Array.from({ length: 5 }, ((r) => () => r.u32())(new Random(7, 0, 4, 1)));
    const d = Array.from({ length: 5 }, ((r) => () => r.u32())(new Random(8, 0, 3, 1)));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).not.toEqual(d);
  });
  it("are uniform on [0, 1): mean 1/2, variance 1/12", () => {
    const r = new Random(1);
    const m = moments(Array.from({ length: 50000 }, () => r.uniform()));
    expect(m.mean).toBeCloseTo(0.5, 2);
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(0.0015); // sd of the estimate ≈ 0.00033
  });
  it("draw Gamma(k) with mean k and variance k (Marsaglia–Tsang, and the boost for k < 1)", () => {
    for (const k of [0.3, 1, 2.5, 40]) {
      const r = new Random(2, k * 10);
      const m = moments(Array.from({ length: 40000 }, () => r.gamma(k)));
      expect(Math.abs(m.mean - k) / k).toBeLessThan(0.03);
      expect(Math.abs(m.variance - k) / k).toBeLessThan(0.06);
    }
    expect(new Random(1).gamma(0)).toBe(0);
    expect(() => new Random(1).gamma(-1)).toThrow();
  });
});

describe("Dirichlet weights around the nominal weights", () => {
  const w = [0.5, 0.3, 0.2];
  const draws = (() => {
    const r = new Random(9);
    return Array.from({ length: 30000 }, () => dirichletAround(r, w, 20));
  })();
  it("have sample means equal to the nominal weights", () => {
    w.forEach((x, k) => expect(moments(draws.map((d) => d[k])).mean).toBeCloseTo(x, 2));
  });
  it("have variances w(1 − w)/(α + 1) (test/reference/sensitivity.py: 0.0119, 0.0100, 0.0076)", () => {
    [0.011904762, 0.01, 0.007619048].forEach((v, k) => expect(Math.abs(moments(draws.map((d) => d[k])).variance - v) / v).toBeLessThan(0.05));
  });
  it("sum to 1, and keep a zero weight at zero", () => {
    const d = dirichletAround(new Random(3), [0.6, 0, 0.4], 5);
    expect(d[1]).toBe(0);
    expect(d[0] + d[2]).toBeCloseTo(1, 12);
  });
  it("concentrate on the nominal weights as α grows", () => {
    const r = new Random(4);
    const spread = (alpha: number) => moments(Array.from({ length: 5000 }, () => dirichletAround(r, w, alpha)[0])).variance;
    expect(spread(200)).toBeLessThan(spread(20) / 5);
  });
});

describe("uniform weight noise", () => {
  it("is the nominal weights with no noise, and stays within ±x before rescaling", () => {
    const r = new Random(5);
    expect(uniformNoise(r, [0.7, 0.3], 0)).toEqual([0.7, 0.3]);
    for (let k = 0; k < 1000; k++) {
      const [a, b] = uniformNoise(r, [0.5, 0.5], 0.2);
      expect(a + b).toBeCloseTo(1, 12);
      // a/b = (1 + e1)/(1 + e2) with |e| ≤ 0.2
      expect(a / b).toBeGreaterThanOrEqual(0.8 / 1.2 - 1e-12);
      expect(a / b).toBeLessThanOrEqual(1.2 / 0.8 + 1e-12);
    }
  });
});
