import { describe, expect, it } from "vitest";
import { normalize, percentile, rank } from "../../../../engine/score/normalize/index.js";

const all = (n: number) => new Uint8Array(n).fill(1);

describe("rank", () => {
  it("is (mid-rank − 1)/(n − 1), ties averaged: R's rank() documentation example", () => {
    // ?rank: x2 <- c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5); rank(x2) = 4.5 1.5 6 1.5 8 11 3 10 8 4.5 8
    // (also scipy.stats.rankdata, method "average"); n − 1 = 10
    const x = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);
    const r = rank(x, all(11), "benefit").values;
    const expected = [4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8].map((R) => (R - 1) / 10);
    expect([...r]).toEqual(expected);
  });
  it("reverses for cost: the lowest value ranks best", () => {
    const r = rank(Float64Array.from([10, 30, 20, 20]), all(4), "cost").values;
    // ascending by cost: 10 best; ranks from the worst: 30 → 1, 20s → 2.5, 10 → 4
    expect([...r]).toEqual([1, 0, 0.5, 0.5]);
  });
  it("ranks the population only and leaves other rows and missing values NaN", () => {
    const r = rank(Float64Array.from([100, 1, NaN, 3, 2]), Uint8Array.from([0, 1, 1, 1, 1]), "benefit");
    expect([...r.values]).toEqual([NaN, 0, NaN, 1, 0.5]);
    expect(r.missing).toBe(1);
  });
  it("gives a single enterprise and a constant column 1, flagged constant", () => {
    expect([...rank(Float64Array.from([4]), all(1), "benefit").values]).toEqual([1]);
    const c = normalize(Float64Array.from([2, 2, NaN]), all(3), "cost", { method: "rank" });
    expect([...c.values]).toEqual([1, 1, NaN]);
    expect(c.constant).toBe(true);
  });
});

describe("percentile (mid-rank)", () => {
  it("is (strictly below + half the equal)/n: scipy's percentileofscore(kind='mean') example", () => {
    // scipy docs: percentileofscore([1, 2, 3, 3, 4], 3, kind='mean') = 60.0
    const r = percentile(Float64Array.from([1, 2, 3, 3, 4]), all(5), "benefit").values;
    expect([...r]).toEqual([0.1, 0.3, 0.6, 0.6, 0.9]);
  });
  it("counts the values strictly greater as worse for cost", () => {
    const r = percentile(Float64Array.from([1, 2, 3, 3, 4]), all(5), "cost").values;
    expect([...r]).toEqual([0.9, 0.7, 0.4, 0.4, 0.1]); // 2: (3 greater + ½)/5
  });
  it("gives a constant column and a single enterprise 0.5, flagged constant", () => {
    const c = percentile(Float64Array.from([7, 7, 7, 7]), all(4), "benefit");
    expect([...c.values]).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(c.constant).toBe(true);
    expect([...normalize(Float64Array.from([7]), all(1), "benefit", { method: "percentile" }).values]).toEqual([0.5]);
  });
});

describe("rank and percentile on many values", () => {
  it("agree with counting the values below and equal, with ties, ±0, negatives, missing values and rows outside the population", () => {
    let seed = 5;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const n = 3000;
    const x = Float64Array.from({ length: n }, () => {
      const u = rand();
      return u < 0.05 ? NaN : u < 0.1 ? 0 : u < 0.13 ? -0 : u < 0.5 ? Math.round(rand() * 40) - 20 : (rand() - 0.3) * 1e4;
    });
    const pop = Uint8Array.from({ length: n }, (_, i) => (i % 17 === 4 ? 0 : 1));
    const seen = [...x].filter((v, i) => pop[i] === 1 && v === v);
    const m = seen.length;
    for (const direction of ["benefit", "cost"] as const) {
      const r = rank(x, pop, direction).values;
      const p = percentile(x, pop, direction).values;
      for (let i = 0; i < n; i++) {
        if (pop[i] === 0 || x[i] !== x[i]) {
          expect(Number.isNaN(r[i]) && Number.isNaN(p[i])).toBe(true);
          continue;
        }
        const equal = seen.filter((v) => v === x[i]).length;
        const worse = seen.filter((v) => (direction === "benefit" ? v < x[i] : v > x[i])).length;
        expect(r[i]).toBe((worse + (equal - 1) / 2) / (m - 1));
        expect(p[i]).toBe((worse + equal / 2) / m);
      }
    }
  });
});
