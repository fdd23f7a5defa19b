/** Matrices and helpers shared by the aggregation tests. */
import { expect } from "vitest";
import type { Aggregated, AggregationInput } from "../../../../engine/score/aggregate/types.js";

/** Row-major alternatives × indicators → an input with every row graded. */
export function input(rows: number[][], weights: number[], scale = 100): AggregationInput {
  const n = rows.length;
  const norm = weights.map((_, j) => Float64Array.from(rows, (r) => r[j]));
  return { n, pop: new Uint8Array(n).fill(1), norm, weights: Float64Array.from(weights), scale };
}

/**
 * The same input with a row outside the population (NaN values, as the pipeline gives) inserted
 * before every row and one at the end; `inside(k)` is where row k went.
 */
export function interleaved(base: AggregationInput): { input: AggregationInput; inside: (k: number) => number } {
  const n = 2 * base.n + 1;
  const pop = new Uint8Array(n);
  for (let k = 0; k < base.n; k++) pop[2 * k + 1] = 1;
  const norm = base.norm.map((c) => Float64Array.from({ length: n }, (_, i) => (pop[i] ? c[(i - 1) / 2] : NaN)));
  return { input: { ...base, n, pop, norm }, inside: (k) => 2 * k + 1 };
}

/** Min-max normalisation of a raw column (benefit or cost), as engine/score/normalize.ts does it. */
export function minmax(x: number[], benefit: boolean): number[] {
  const lo = Math.min(...x), hi = Math.max(...x);
  return x.map((v) => (benefit ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo)));
}

/** Transposes indicator columns into alternative rows. */
export function rowsOf(columns: number[][]): number[][] {
  return columns[0].map((_, i) => columns.map((c) => c[i]));
}

/** Contributions add up to the score (1e-9) and nothing is NaN at population rows. */
export function expectConsistent(r: Aggregated, pop: Uint8Array): void {
  for (let i = 0; i < pop.length; i++) {
    if (pop[i] === 0) {
      expect(r.score[i]).toBeNaN();
      expect(r.raw[i]).toBeNaN();
      for (const c of r.contrib) expect(c[i]).toBeNaN();
      for (const x of r.extra?.values() ?? []) expect(x[i]).toBeNaN();
      continue;
    }
    expect(Number.isFinite(r.score[i]) && Number.isFinite(r.raw[i])).toBe(true);
    let sum = 0;
    for (const c of r.contrib) {
      expect(Number.isFinite(c[i])).toBe(true);
      sum += c[i];
    }
    expect(Math.abs(sum - r.score[i])).toBeLessThan(1e-9);
    for (const x of r.extra?.values() ?? []) expect(Number.isFinite(x[i])).toBe(true);
  }
}

/** Every value within `tol` of the expected one. */
export function expectAll(actual: ArrayLike<number>, expected: number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i]), `at ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
}

/**
 * PARK: 12 enterprises × 4 normalised indicators with ties, a zero (row 3) and a column maximum
 * shared by two rows; weights 0.4, 0.3, 0.2, 0.1. Same matrix as test/reference/aggregations.py.
 */
export const PARK = [
  [0.82, 0.4, 0.55, 1.0],
  [0.35, 0.9, 0.55, 0.2],
  [1.0, 0.1, 0.7, 0.6],
  [0.6, 0.65, 0.0, 0.45],
  [0.35, 0.75, 0.9, 0.3],
  [0.15, 0.3, 0.25, 0.85],
  [0.72, 0.9, 0.4, 0.1],
  [0.5, 0.55, 0.6, 0.5],
  [0.9, 0.2, 0.8, 0.7],
  [0.05, 0.85, 0.35, 0.95],
  [0.64, 0.45, 1.0, 0.25],
  [0.28, 0.6, 0.15, 0.65],
];
export const PARK_W = [0.4, 0.3, 0.2, 0.1];

/**
 * 孙振球《医学统计学》's RSR example: 10 regions (甲…癸), antenatal-care rate (%, 高优), maternal
 * mortality (1/10万, 低优) and perinatal mortality (‰, 低优).
 */
export const MCH = {
  antenatal: [99.54, 96.52, 99.36, 92.83, 91.71, 95.35, 96.09, 99.27, 94.76, 84.8],
  maternal: [60.27, 59.67, 43.91, 58.99, 35.4, 44.71, 49.81, 31.69, 22.91, 81.49],
  perinatal: [16.15, 20.1, 15.6, 17.04, 15.01, 13.93, 17.43, 13.89, 19.87, 23.63],
};
export const MCH_ROWS = rowsOf([minmax(MCH.antenatal, true), minmax(MCH.maternal, false), minmax(MCH.perinatal, false)]);
