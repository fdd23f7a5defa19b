/**
 * Per-enterprise reason lists that cost nothing for the many enterprises without one: every entry
 * starts as the same frozen empty list. A list is never changed once made: adding a reason makes a
 * new one, so a copy of the outer array (`slice`) is a copy of the lists.
 */
import type { Reason } from "./types.js";

const NONE: readonly Reason[] = Object.freeze([]);

export function noReasons(n: number): (readonly Reason[])[] {
  return new Array(n).fill(NONE);
}

export function addReason(reasons: (readonly Reason[])[], i: number, r: Reason): void {
  reasons[i] = reasons[i] === NONE ? [r] : [...reasons[i], r];
}

/** Adds `r` to the lists of `rows`; the rows that had none share one list (lists never change once made). */
export function addReasonToRows(reasons: (readonly Reason[])[], rows: readonly number[], r: Reason): void {
  const only: readonly Reason[] = Object.freeze([r]);
  for (const i of rows) reasons[i] = reasons[i] === NONE ? only : [...reasons[i], r];
}
