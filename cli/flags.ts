/**
 * Parsers for numeric flags. A value the flag cannot take (not a number, negative, fractional where
 * a count is meant, beyond what can be computed) is an error naming the flag, the value and the
 * rule — never NaN or a silently truncated number (`parseInt("1e9")` is 1).
 */
import { ParkscoreError } from "../engine/index.js";

/** A decimal as people type it: sign, digits, point, exponent; no hex, no `Infinity`, no blank. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export interface Bounds {
  min?: number;
  max?: number;
  /** Why the maximum is what it is, shown with it. */
  why?: string;
}

/** 1000000 as 1,000,000. */
const grouped = (n: number) => n.toLocaleString("en-US");

function fail(flag: string, v: string, rule: string, why?: string): never {
  throw new ParkscoreError({ code: "cli.usage", message: `${flag} must be ${rule}, not "${v}"${why ? ` (${why})` : ""}` });
}

/** A count, an index or a seed: a whole number within the bounds (at most 2^53 − 1, the largest a double holds exactly). */
export function wholeNumber(flag: string, { min = 0, max, why }: Bounds): (v: string) => number {
  const top = max ?? Number.MAX_SAFE_INTEGER;
  const range = `a whole number from ${grouped(min)} to ${grouped(top)}`;
  return (v) => {
    const t = v.trim();
    const n = Number(t);
    if (!DECIMAL.test(t) || !Number.isInteger(n) || n < min) fail(flag, v, max === undefined ? `a whole number ≥ ${grouped(min)}` : range);
    if (n > top) fail(flag, v, range, why);
    return n;
  };
}

/** A quantity: a finite number within the bounds. */
export function decimal(flag: string, { min = -Infinity, max = Infinity, why }: Bounds = {}): (v: string) => number {
  const rule = min === -Infinity ? (max === Infinity ? "a number" : `a number ≤ ${max}`) : max === Infinity ? `a number ≥ ${min}` : `a number from ${min} to ${max}`;
  return (v) => {
    const t = v.trim();
    const n = Number(t);
    if (!DECIMAL.test(t) || !Number.isFinite(n) || n < min) fail(flag, v, rule);
    if (n > max) fail(flag, v, rule, why);
    return n;
  };
}
