import { describe, expect, it } from "vitest";
import { gram, squaredDeviations, sums } from "../../../engine/kernels/gram.js";

function rng(seed: number): () => number {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

/** p periods × m indicators × n rows, with missing values and a whole block (rows 512–1023) absent in period 1. */
function cube(p: number, m: number, n: number): Float64Array[][] {
  const rnd = rng(17 + m * n);
  return Array.from({ length: p }, (_, k) =>
    Array.from({ length: m }, (_, j) =>
      Float64Array.from({ length: n }, (_, i) => (rnd() < 0.1 || (k === 1 && i >= 512 && i < 1024) ? NaN : (j + 1) * rnd() * 100 - 30 * j)),
    ),
  );
}

describe("sums and squared deviations of the present values", () => {
  it("by hand: 1, NaN, 4, 7 has 3 values summing to 12, mean 4, squared deviations 9 + 0 + 9", () => {
    const x = Float64Array.from([1, NaN, 4, 7]);
    const acc = new Float64Array(2);
    sums(x, acc);
    expect(Array.from(acc)).toEqual([3, 12]);
    expect(squaredDeviations(x, 4)).toBe(18);
  });
});

describe("the blocked Gram product", () => {
  for (const [m, n] of [[1, 700], [3, 1025], [6, 1537], [9, 2100]])
    it(`${m} indicator(s), ${n} rows: the cross products of the deviations, missing as 0; the diagonal to the bit`, () => {
      const c = cube(3, m, n);
      const mean = Float64Array.from({ length: m }, (_, j) => 10 * j + 3);
      const G = gram(c, mean);
      for (let a = 0; a < m; a++)
        for (let b = 0; b < m; b++) {
          let s = 0, scale = 0;
          for (const period of c)
            for (let i = 0; i < n; i++) {
              const x = period[a][i] - mean[a], y = period[b][i] - mean[b];
              const v = (x === x ? x : 0) * (y === y ? y : 0);
              s += v;
              scale += Math.abs(v);
            }
          expect(G[a * m + b]).toBe(G[b * m + a]);
          expect(Math.abs(G[a * m + b] - s)).toBeLessThanOrEqual(1e-12 * scale);
        }
      // Summed per period in row order, then period after period: as squaredDeviations is.
      for (let j = 0; j < m; j++) {
        let ss = 0;
        for (const period of c) ss += squaredDeviations(period[j], mean[j]);
        expect(G[j * m + j]).toBe(ss);
      }
    });
});
