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
