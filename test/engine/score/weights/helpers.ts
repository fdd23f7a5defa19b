/** Small helpers for the weighting tests: rows → columns, masks, and elementwise closeness. */
import { expect } from "vitest";

/** A row-major matrix (alternatives × indicators) as one Float64Array per indicator. */
export function columns(rows: readonly (readonly number[])[]): Float64Array[] {
  return rows[0].map((_, j) => Float64Array.from(rows, (r) => r[j]));
}

export const all = (n: number) => new Uint8Array(n).fill(1);

/**
 * The same matrix with rows outside the population interleaved (garbage there: NaN, negatives,
 * huge values), and the mask that selects the original rows — the result must not change.
 */
export function withOutsiders(rows: readonly (readonly number[])[]): { cols: Float64Array[]; pop: Uint8Array } {
  const k = rows[0].length;
  const junk = [NaN, -1e9, 1e300, -0.5];
  const out: number[][] = [];
  const mask: number[] = [];
  rows.forEach((r, i) => {
    out.push(Array.from({ length: k }, (_, j) => junk[(i + j) % junk.length]));
    mask.push(0);
    out.push([...r]);
    mask.push(1);
  });
  return { cols: columns(out), pop: Uint8Array.from(mask) };
}

export function expectCloseArray(actual: ArrayLike<number>, expected: readonly number[], digits: number): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, j) => expect(actual[j], `element ${j}`).toBeCloseTo(e, digits));
}

export function sum(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s;
}

/**
 * The scatter-degree park of test/reference/scatter_degree.py: cube[k][j][i], three periods, three
 * indicators, six enterprises (E6 enters in 2022, E3 exits after 2022 and lacks indicator 2 in 2022).
 */
export const PARK_CUBE: Float64Array[][] = [
  [[12, 30, 8, 20, 5, NaN], [110, 260, 90, 150, 60, NaN], [2.1, 3.5, 1.2, 2.8, 0.9, NaN]],
  [[14, 28, 7, 22, 6, 16], [120, 250, 85, 170, 65, 140], [2.4, 3.3, NaN, 3.0, 1.0, 2.0]],
  [[15, 27, NaN, 25, 4, 19], [130, 240, NaN, 190, 55, 160], [2.6, 3.1, NaN, 3.4, 0.8, 2.5]],
].map((p) => p.map((c) => Float64Array.from(c)));
