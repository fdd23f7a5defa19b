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

/** A reason given to many rows: those that had none share one list holding it (lists never change once made). */
export interface SharedReason {
  readonly reason: Reason;
  readonly only: readonly Reason[];
}

export function sharedReason(r: Reason): SharedReason {
  return { reason: r, only: Object.freeze([r]) };
}

export function addSharedReason(reasons: (readonly Reason[])[], i: number, s: SharedReason): void {
  reasons[i] = reasons[i] === NONE ? s.only : [...reasons[i], s.reason];
}

/** Adds `r` to the lists of `rows`, shared. */
export function addReasonToRows(reasons: (readonly Reason[])[], rows: readonly number[], r: Reason): void {
  const s = sharedReason(r);
  for (const i of rows) addSharedReason(reasons, i, s);
}
