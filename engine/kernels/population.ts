/**
 * The row loops of one scoring (engine/score/period.ts): who is eligible, who joins the graded
 * population, who leaves it for a missing value, the split of the population by a flag, and the
 * rounding of scores. Each loop is a leaf function called per block of rows (README.md).
 */
import { forBlocks } from "./blocks.js";

/** Eligibility codes, per row: the eligibility formula admits it, refuses it (false), or cannot say (missing data). */
export const ELIGIBLE = 0;
export const NOT_ELIGIBLE = 1;
export const UNDECIDED = 2;

/** The eligibility code of every row from the eligibility formula's values (NaN = missing). */
export function eligibilityCodes(ok: Float64Array, out: Uint8Array): void {
  forBlocks(out.length, (b, e) => eligibilityRows(ok, out, b, e));
}

function eligibilityRows(ok: Float64Array, out: Uint8Array, b: number, e: number): void {
  for (let i = b; i < e; i++) out[i] = ok[i] !== ok[i] ? UNDECIDED : ok[i] === 0 ? NOT_ELIGIBLE : ELIGIBLE;
}

/**
 * Eligible rows join the population (pop = 1); the others are marked `other`, with the reason list
 * of their code when `lists` has them. Returns the number of rows admitted.
 */
export function admit<S, R>(codes: Uint8Array, pop: Uint8Array, status: S[], other: S, reasons: R[], lists: R[]): number {
  let m = 0;
  forBlocks(codes.length, (b, e) => (m = admitRows(codes, pop, status, other, reasons, lists, m, b, e)));
  return m;
}

function admitRows<S, R>(codes: Uint8Array, pop: Uint8Array, status: S[], other: S, reasons: R[], lists: R[], m: number, b: number, e: number): number {
  for (let i = b; i < e; i++) {
    const c = codes[i];
    if (c === ELIGIBLE) {
      pop[i] = 1;
      m++;
      continue;
    }
    status[i] = other;
    if (lists.length) reasons[i] = lists[c];
  }
  return m;
}

/** Population rows without a value in `v` leave it: marked `excluded`, `note` called for each. Returns how many left. */
export function exclude<S>(v: Float64Array, pop: Uint8Array, status: S[], excluded: S, note: (i: number) => void): number {
  let m = 0;
  forBlocks(v.length, (b, e) => (m += excludeRows(v, pop, status, excluded, note, b, e)));
  return m;
}

function excludeRows<S>(v: Float64Array, pop: Uint8Array, status: S[], excluded: S, note: (i: number) => void, b: number, e: number): number {
  let m = 0;
  for (let i = b; i < e; i++)
    if (pop[i] === 1 && v[i] !== v[i]) {
      pop[i] = 0;
      status[i] = excluded;
      note(i);
      m++;
    }
  return m;
}

/** The population rows (`size` of them) flagged in `flags`, and the other population rows, each ascending. */
export function split(pop: Uint8Array, size: number, flags: Uint8Array): [Int32Array, Int32Array] {
  let yes = 0;
  forBlocks(pop.length, (b, e) => (yes = countFlagged(pop, flags, yes, b, e)));
  const rows = [new Int32Array(yes), new Int32Array(size - yes)];
  const next = new Int32Array(2);
  forBlocks(pop.length, (b, e) => splitRows(pop, flags, rows[0], rows[1], next, b, e));
  return [rows[0], rows[1]];
}

function countFlagged(pop: Uint8Array, flags: Uint8Array, m: number, b: number, e: number): number {
  for (let i = b; i < e; i++) if (pop[i] === 1 && flags[i] !== 0) m++;
  return m;
}

/** Rows [b, e): population rows appended to `yes` or `no` by their flag, at the positions in `next`. */
function splitRows(pop: Uint8Array, flags: Uint8Array, yes: Int32Array, no: Int32Array, next: Int32Array, b: number, e: number): void {
  let y = next[0], n = next[1];
  for (let i = b; i < e; i++) if (pop[i] === 1) flags[i] !== 0 ? (yes[y++] = i) : (no[n++] = i);
  next[0] = y;
  next[1] = n;
}

/** Rounds every score of magnitude below 10⁶ to `decimals` places (NaN stays NaN). */
export function roundScores(score: Float64Array, decimals: number): void {
  forBlocks(score.length, (b, e) => roundRows(score, 10 ** decimals, b, e));
}

function roundRows(score: Float64Array, f: number, b: number, e: number): void {
  for (let i = b; i < e; i++) {
    const s = score[i];
    if (Math.abs(s) < 1e6) score[i] = Math.round(s * f) / f; // NaN fails the test and stays NaN
  }
}

/** Whether a column holds a value: stops at the first one, so a column that has values costs almost nothing. */
export function anyValue(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] === v[i]) return true;
  return false;
}
