/**
 * Per-enterprise reason lists that cost nothing for the many enterprises without one: every entry
 * starts as the same frozen empty list. A list is never changed once made: adding a reason makes a
 * new one, so a copy of the outer array (`slice`) is a copy of the lists.
 */
import type { Indicator, Label, Scheme } from "../scheme/types.js";
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

// The reasons scoring gives, in both languages.

/** An enterprise the eligibility formula could not decide for, for missing data. */
export function undecidedEligibility(e: NonNullable<Scheme["eligible"]>): Reason {
  return { kind: "not-eligible", label: { zh: `无法判断是否参评(缺少数据):${e.when}`, en: `eligibility undecided (missing data): ${e.when}` } };
}

/** An enterprise the eligibility formula refused, with the scheme's reason. */
export function notEligible(e: NonNullable<Scheme["eligible"]>): Reason {
  return { kind: "not-eligible", label: e.reason };
}

/** An enterprise left out for lacking a value of an indicator whose missing-value policy is `exclude`. */
export function excludedFor(ind: Indicator): Reason {
  return { kind: "excluded", label: { zh: `缺少${ind.label.zh}数据,不参与评价`, en: `no ${ind.label.en} value: excluded` } };
}

/** An enterprise scored by the indicator's missing-value policy. */
export function scoredAsMissing(ind: Indicator): Reason {
  const how: Label = {
    worst: { zh: "按最低分计", en: "scored as the worst" },
    "mean-score": { zh: "按平均分计", en: "scored as the mean" },
    zero: { zh: "按0分计", en: "scored as 0" },
    exclude: { zh: "不参与评价", en: "excluded" },
  }[ind.missing];
  return { kind: "missing", label: { zh: `缺少${ind.label.zh}数据,${how.zh}`, en: `no ${ind.label.en} value: ${how.en}` } };
}
