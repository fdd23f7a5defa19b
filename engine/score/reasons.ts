/**
 * Per-enterprise reason lists that cost nothing for the many enterprises without one: every entry
 * starts as the same frozen empty list and gets its own array on the first reason.
 */
import type { Reason } from "./types.js";

const NONE: readonly Reason[] = Object.freeze([]);

export function noReasons(n: number): (readonly Reason[])[] {
  return new Array(n).fill(NONE);
}

export function addReason(reasons: (readonly Reason[])[], i: number, r: Reason): void {
  if (reasons[i] === NONE) reasons[i] = [r];
  else (reasons[i] as Reason[]).push(r);
}
