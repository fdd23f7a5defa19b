import { describe, expect, it } from "vitest";
import { ARENA_MIN_ROWS, column, inArena } from "../../../engine/kernels/arena.js";
import { BLOCK_ROWS, forBlocks } from "../../../engine/kernels/blocks.js";
import { PREFAULT_MIN_BYTES } from "../../../engine/kernels/prefault.js";
import { stats } from "../../../engine/score/normalize/kernel.js";
import { preparePeriod, scorePeriod, scorePrepared } from "../../../engine/score/period.js";
import { splitmix32 } from "../../../engine/random.js";
import { frame, scheme } from "../score/fixtures.js";

const N = ARENA_MIN_ROWS + 4321;

describe("the column arena", () => {
  it("gives a column its own buffer outside an arena, and below its size", () => {
    const a = column(N);
    expect(a.byteLength).toBe(a.buffer.byteLength);
    inArena(100, 4, () => {
      const b = column(100);
      expect(b.byteLength).toBe(b.buffer.byteLength);
    });
  });

  it("carves zero-filled, non-overlapping columns from one buffer, and more when the estimate runs out", () => {
    const cols = inArena(N, 3, () => Array.from({ length: 12 }, () => column(N)));
    expect(new Set(cols.slice(0, 3).map((c) => c.buffer)).size).toBe(1);
    expect(new Set(cols.map((c) => c.buffer)).size).toBe(3); // 3, then 8, then 1 of the next 8
    expect(cols.every((c) => c.every((v) => v === 0))).toBe(true);
    cols.forEach((c, k) => c.fill(k));
    expect(cols.every((c, k) => c[0] === k && c[N - 1] === k)).toBe(true);
  });

  it("serves columns of other lengths from their own buffers, nests into the outer arena, and ends even after an error", () => {
    inArena(N, 2, () => {
      const short = column(N - 1);
      expect(short.byteLength).toBe(short.buffer.byteLength);
      const outer = column(N);
      const inner = inArena(N, 50, () => column(N));
      expect(inner.buffer).toBe(outer.buffer);
    });
    expect(() => inArena(N, 2, () => { throw new Error("boom"); })).toThrow("boom");
    const after = column(N);
    expect(after.byteLength).toBe(after.buffer.byteLength);
  });
});

describe("kernels called per block", () => {
  it("cover every row once, in order, in blocks of at most BLOCK_ROWS, the first of 64", () => {
    const seen: [number, number][] = [];
    forBlocks(2 * BLOCK_ROWS + 5, (b, e) => seen.push([b, e]));
    expect(seen).toEqual([[0, 64], [64, 64 + BLOCK_ROWS], [64 + BLOCK_ROWS, 2 * BLOCK_ROWS + 5]]);
    seen.length = 0;
    forBlocks(10, (b, e) => seen.push([b, e]));
    expect(seen).toEqual([[0, 10]]);
    forBlocks(0, () => { throw new Error("no rows, no call"); });
  });

  it("reduce to the same bits as one pass (sums carried from block to block)", () => {
    const rand = splitmix32(3);
    const x = Float64Array.from({ length: 3 * BLOCK_ROWS + 17 }, (_, i) => (i % 97 === 0 ? NaN : rand() * 1e6 - 3e5));
    const pop = Uint8Array.from(x, (_, i) => (i % 13 === 0 ? 0 : 1));
    let sum = 0, sumSq = 0, count = 0, min = Infinity;
    const gaps: number[] = [];
    for (let i = 0; i < x.length; i++) {
      if (pop[i] === 1 && x[i] !== x[i]) gaps.push(i);
      if (pop[i] === 0 || x[i] !== x[i]) continue;
      count++;
      sum += x[i];
      sumSq += x[i] * x[i];
      min = Math.min(min, x[i]);
    }
    const s = stats(x, pop);
    expect([s.count, s.sum, s.sumSq, s.min]).toEqual([count, sum, sumSq, min]);
    expect(s.gaps).toEqual(gaps); // listed block by block, in order
    expect(gaps.length).toBeGreaterThan(1800);
  });
});

describe("scoring in an arena", () => {
  // Above the arena's size: scorePeriod carves its columns from one buffer; scorePrepared alone does not.
  const rand = splitmix32(11);
  const value = (i: number, scale: number) => (i % 211 === 5 ? NaN : Math.round((rand() / 2 ** 32) * scale * 100) / 100);
  const data = frame(
    { code: Array.from({ length: N }, (_, i) => `E${i}`), name: Array.from({ length: N }, (_, i) => `企业${i}`) },
    {
      land: Array.from({ length: N }, (_, i) => 1 + value(i, 50)),
      tax: Array.from({ length: N }, (_, i) => value(i + 1, 900)),
      energy: Array.from({ length: N }, (_, i) => value(i + 2, 300)),
    },
  );
  for (const method of ["weighted-sum", "topsis"]) {
    it(`gives the same bits as separate columns (${method}, a log transform and missing values)`, () => {
      const s = scheme(`
id: code
name: name
indicators:
  - { id: tax_per_mu, formula: tax / land, direction: benefit, weight: 2, normalize: { method: minmax, transform: log } }
  - { id: energy, column: energy, direction: cost, weight: 1, missing: mean-score }
  - { id: land, column: land, direction: benefit, weight: 1, normalize: zscore }
aggregation: { method: ${method} }
grading: { method: quotas, quotas: { A: 0.2, B: 0.4, C: 0.35, D: 0.05 } }
`);
      const a = scorePeriod(data, s);
      const b = scorePrepared(preparePeriod(data, s), s);
      expect(a.score.byteLength < a.score.buffer.byteLength).toBe(true); // carved from the arena
      expect(b.score.byteLength).toBe(b.score.buffer.byteLength);
      const bytes = (v: Float64Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
      expect(bytes(a.score).equals(bytes(b.score))).toBe(true);
      expect(bytes(a.raw).equals(bytes(b.raw))).toBe(true);
      for (const id of ["tax_per_mu", "energy", "land"]) {
        expect(bytes(a.norm.get(id)!).equals(bytes(b.norm.get(id)!))).toBe(true);
        expect(bytes(a.contrib.get(id)!).equals(bytes(b.contrib.get(id)!))).toBe(true);
        expect(bytes(a.values.get(id)!).equals(bytes(b.values.get(id)!))).toBe(true);
      }
      expect(Buffer.from(a.rank.buffer).equals(Buffer.from(b.rank.buffer))).toBe(true);
      expect(a.grade.join()).toBe(b.grade.join());
    });
  }

  it("gives the same bits in an arena large enough for a helper thread to prefault", () => {
    const s = scheme(`
id: code
name: name
indicators:
  - { id: tax_per_mu, formula: tax / land, direction: benefit, weight: 2 }
  - { id: energy, column: energy, direction: cost, weight: 1, missing: mean-score }
aggregation: { method: topsis }
grading: { method: quotas, quotas: { A: 0.2, B: 0.4, C: 0.35, D: 0.05 } }
`);
    const columns = Math.ceil(PREFAULT_MIN_BYTES / (8 * N));
    const a = inArena(N, columns, () => scorePeriod(data, s));
    const b = scorePrepared(preparePeriod(data, s), s);
    expect(a.score.buffer).toBeInstanceOf(SharedArrayBuffer);
    const bytes = (v: Float64Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    for (const [x, y] of [[a.score, b.score], [a.raw, b.raw], ...["tax_per_mu", "energy"].flatMap((id) => [[a.norm.get(id)!, b.norm.get(id)!], [a.contrib.get(id)!, b.contrib.get(id)!]])]) {
      expect(bytes(x).equals(bytes(y))).toBe(true);
    }
    expect(Buffer.from(a.rank.buffer).equals(Buffer.from(b.rank.buffer))).toBe(true);
  });
});
