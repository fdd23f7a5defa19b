/**
 * The linear methods say their output's range and gaps without a pass of their own (kernel.ts
 * `linear`); the missing-value policy and TOPSIS then skip theirs. Each shortcut is checked here
 * against a direct scan of the values, and the results with and without it against each other, bit
 * for bit.
 */
import { describe, expect, it } from "vitest";
import { topsis } from "../../../../engine/score/aggregate/topsis.js";
import { BLOCK_ROWS } from "../../../../engine/kernels/blocks.js";
import { imputeMissing } from "../../../../engine/score/missing.js";
import { normalize, type Normalized } from "../../../../engine/score/normalize/index.js";
import type { Direction, NormalizeSpec } from "../../../../engine/scheme/types.js";

/** A skewed column with gaps, negatives for zscore's sake kept out (the ratio methods refuse them), and rows outside the population. */
function data(seed: number, n = 2000): { x: Float64Array; pop: Uint8Array } {
  let s = seed;
  const r = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const x = Float64Array.from({ length: n }, () => (r() < 0.07 ? NaN : Math.exp(4 * r()) * (r() < 0.02 ? 0 : 1)));
  const pop = Uint8Array.from({ length: n }, () => (r() < 0.9 ? 1 : 0));
  return { x, pop };
}

/** [min, max] over observed population rows, and the population rows without a value, by a plain scan. */
function scan(v: Float64Array, pop: Uint8Array): { min: number; max: number; gaps: number[] } {
  let min = Infinity, max = -Infinity;
  const gaps: number[] = [];
  v.forEach((y, i) => {
    if (!pop[i]) return;
    if (Number.isNaN(y)) gaps.push(i);
    else [min, max] = [Math.min(min, y), Math.max(max, y)];
  });
  return { min, max, gaps };
}

const specs: NormalizeSpec[] = [
  { method: "minmax" },
  { method: "zscore" },
  { method: "vector" },
  { method: "efficacy", c: 60, d: 40 },
  { method: "benchmark-ratio", benchmark: "mean", factor: 1, cap: 1.2 },
  { method: "benchmark-ratio", benchmark: 10, factor: 1 },
  { method: "target", floor: 1, target: 20, cap: 1.5 },
  { method: "max" },
  { method: "sum" },
  { method: "minmax", transform: "log" },
] as NormalizeSpec[];

describe("a linear method's range and gaps", () => {
  for (const spec of specs)
    for (const direction of ["benefit", "cost"] as Direction[]) {
      if (spec.method === "target" && direction === "cost") continue; // its floor and target are for a benefit indicator here
      it(`are those of its values: ${JSON.stringify(spec)}, ${direction}`, () => {
        const { x, pop } = data(spec.method.length * 7 + direction.length);
        if (spec.method === "max" || spec.method === "sum") x.forEach((v, i) => v === 0 && (x[i] = 1)); // their cost variants divide by x
        const r = normalize(x, pop, direction, spec);
        const seen = scan(r.values, pop);
        if (spec.method === "max" && direction === "cost") return expect(r.range).toBeUndefined(); // min/x is not linear: left to the pass
        if (spec.method === "sum" && direction === "cost") return expect(r.range).toBeUndefined();
        expect(r.range).toEqual({ min: seen.min, max: seen.max });
        expect(r.gaps).toEqual(seen.gaps);
      });
    }

  it("are left out when the data hold an infinite value, so the passes decide", () => {
    const r = normalize(Float64Array.from([1, Infinity, 3, NaN]), new Uint8Array(4).fill(1), "benefit", { method: "zscore" } as NormalizeSpec);
    expect(r.range).toBeUndefined();
  });

  it("of a constant column are its fixed value", () => {
    const r = normalize(Float64Array.from([5, NaN, 5, 5]), Uint8Array.from([1, 1, 0, 1]), "benefit", { method: "minmax" } as NormalizeSpec);
    expect(r.range).toEqual({ min: 1, max: 1 });
    expect(r.gaps).toEqual([1]);
  });
});

describe("missing values filled from the range and gaps", () => {
  for (const policy of ["worst", "zero", "mean-score"] as const)
    it(`give the same bits as the pass over the column (${policy})`, () => {
      const { x, pop } = data(11);
      const a = normalize(x, pop, "cost", { method: "minmax" } as NormalizeSpec);
      const b: Normalized = { ...a, values: Float64Array.from(a.values) };
      const fast = imputeMissing(a.values, pop, policy, a);
      const slow = imputeMissing(b.values, pop, policy);
      expect(fast.filled).toBeGreaterThan(0);
      expect(fast).toEqual(slow);
      expect(Buffer.from(a.values.buffer).equals(Buffer.from(b.values.buffer))).toBe(true);
    });
});

describe("missing values found by the pass over the column", () => {
  it("are every gap of the population, across blocks, filled with the observed mean as a plain loop sums it", () => {
    const { x, pop } = data(5, 2 * BLOCK_ROWS + 100);
    const v = Float64Array.from(x);
    const r = imputeMissing(v, pop, "mean-score");
    const { gaps } = scan(x, pop);
    let sum = 0, count = 0;
    x.forEach((y, i) => {
      if (pop[i] && !Number.isNaN(y)) (sum += y), count++;
    });
    expect(gaps.length).toBeGreaterThan(8000);
    expect(r.rows).toEqual(gaps);
    expect(r.value).toBe(sum / count);
    expect(gaps.every((i) => v[i] === sum / count)).toBe(true);
  });
});

describe("TOPSIS given the columns' ranges", () => {
  it("gives the same bits as finding the ideal points itself", () => {
    const cols = [1, 2, 3].map((k) => data(k));
    const pop = cols[0].pop;
    const norm: Float64Array[] = [];
    const ranges = cols.map(({ x }, k) => {
      const r = normalize(x, pop, k === 1 ? "cost" : "benefit", { method: k === 2 ? "zscore" : "vector" } as NormalizeSpec);
      const filled = imputeMissing(r.values, pop, "worst", r);
      norm.push(r.values);
      return { min: Math.min(r.range!.min, filled.value), max: Math.max(r.range!.max, filled.value) };
    });
    const input = { n: pop.length, pop, norm, weights: Float64Array.from([0.5, 0.3, 0.2]), scale: 100 };
    const known = topsis({ ...input, ranges });
    const found = topsis(input);
    for (const [p, q] of [[known.score, found.score], [known.raw, found.raw], ...known.contrib.map((c, j) => [c, found.contrib[j]])])
      expect(Buffer.from(p.buffer, p.byteOffset, p.byteLength).equals(Buffer.from(q.buffer, q.byteOffset, q.byteLength))).toBe(true);
  });
});
