/**
 * Numeric cells. Users type numbers the way their spreadsheet shows them — `1,234.5`, `12%`,
 * full-width `１２３．５` from a Chinese IME — so the general parser accepts those, and nothing
 * else: a cell that is not a number becomes a problem, never a silent NaN. Blank means missing.
 *
 * The CSV hot path parses straight from bytes; it must give exactly what `Number(text)` gives,
 * so it only takes provably exact paths (Clinger's fast path; a double-double path for 16–19
 * digits) and falls back to `Number` for everything else.
 */
import type { Problem } from "../errors.js";

/** What to tell the user when a cell is not a number. */
export const NUMBER_FIX = "write a number such as 1234.5, or leave the cell empty for a missing value";

/** Sign, digits with an optional point, optional exponent: what `Number` takes, minus hex/Infinity/blank. */
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Thousands separators only where they belong (`1,234,567.5`), so a decimal comma like `1,5` is refused, not read as 15. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
/** Full-width ASCII (U+FF01–U+FF5E) as typed by CJK input methods. */
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/**
 * Parse one numeric cell as text. Returns the value, NaN for a blank cell (missing), or
 * `undefined` when the text is not a number (the caller reports it with {@link notANumber}).
 */
export function parseNumber(text: string): number | undefined {
  let s = text.trim();
  if (s === "") return NaN;
  if (!isAscii(s)) {
    // Map full-width forms and the Unicode minus to ASCII; trim() already removed U+3000 and NBSP.
    s = s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u2212/g, "-").trim();
    if (s === "") return NaN;
  }
  let percent = false;
  if (s.charCodeAt(s.length - 1) === 37 /* % */) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  }
  if (!PLAIN.test(s)) {
    if (!GROUPED.test(s)) return undefined;
    s = s.replace(/,/g, "");
  }
  // For a percentage shift the decimal exponent instead of dividing by 100, so `12.345%` is the
  // correctly rounded 0.12345 (division would add a second rounding).
  const v = percent ? Number(shiftExponent(s, -2)) : Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/** `s` with its decimal exponent moved by `by` (`12.5` → `12.5e-2`, `3e5` → `3e3`). */
function shiftExponent(s: string, by: number): string {
  const e = s.search(/[eE]/);
  if (e < 0) return `${s}e${by}`;
  return `${s.slice(0, e)}e${Number(s.slice(e + 1)) + by}`;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** The problem for a cell that is not a number; the caller knows where it is. */
export function notANumber(where: { file?: string; row?: number; column?: string }, value: string): Problem {
  const t = value.trim();
  const tooLarge = PLAIN.test(t) && !Number.isFinite(Number(t));
  return {
    code: "data.not-a-number",
    ...where,
    message: tooLarge ? "number is too large" : "not a number",
    value,
    fix: NUMBER_FIX,
  };
}

// ---------------------------------------------------------------------------------------------
// Byte-level parsing for the CSV hot path.

/** Exact powers of ten: every 10^k for k ≤ 22 is representable in a double. */
const POW10 = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];
const TWO53 = 9007199254740992;

/**
 * Parse an ASCII decimal (`-12.5`, `3e-4`, surrounding spaces allowed) from `bytes[start, end)`
 * exactly, or return NaN when exactness cannot be guaranteed cheaply (blank, a power of ten
 * beyond 22, more than 19 significant digits, any other character) so the caller falls back.
 *
 * Exactness (Clinger 1990): if the digits form an integer m < 2^53 and the decimal exponent e
 * has |e| ≤ 22, both m and 10^|e| are exact doubles, so the one IEEE multiplication or division
 * m·10^e is correctly rounded — the same double `Number(text)` produces. Plain decimals with
 * 16–19 digits (m ≥ 2^53) go to {@link parseLongDecimal}.
 */
export function parseDecimalBytes(bytes: Uint8Array, start: number, end: number): number {
  while (start < end && bytes[start] === 32) start++;
  while (end > start && bytes[end - 1] === 32) end--;
  let i = start;
  if (i >= end) return NaN;
  let c = bytes[i];
  let neg = false;
  if (c === 45 /* - */) {
    neg = true;
    i++;
  } else if (c === 43 /* + */) i++;
  let m = 0;
  let digits = 0;
  let exp = 0;
  // Integer part.
  while (i < end) {
    c = bytes[i] - 48;
    if (c < 0 || c > 9) break;
    m = m * 10 + c;
    digits++;
    i++;
  }
  // Fraction.
  if (i < end && bytes[i] === 46 /* . */) {
    i++;
    while (i < end) {
      c = bytes[i] - 48;
      if (c < 0 || c > 9) break;
      m = m * 10 + c;
      exp--;
      digits++;
      i++;
    }
  }
  if (digits === 0) return NaN;
  if (m >= TWO53) return i === end ? parseLongDecimal(bytes, start, end) : NaN;
  // Exponent.
  if (i < end && (bytes[i] | 0x20) === 101 /* e */) {
    i++;
    let eneg = false;
    if (i < end && bytes[i] === 45) {
      eneg = true;
      i++;
    } else if (i < end && bytes[i] === 43) i++;
    const es = i;
    let ev = 0;
    while (i < end && i - es < 5) {
      c = bytes[i] - 48;
      if (c < 0 || c > 9) break;
      ev = ev * 10 + c;
      i++;
    }
    if (i === es) return NaN;
    exp += eneg ? -ev : ev;
  }
  if (i !== end) return NaN;
  // m < 2^53 was checked after all digits; every intermediate m was smaller, hence exact.
  let v: number;
  if (m === 0) v = 0;
  else if (exp === 0) v = m;
  else if (exp > 0 && exp <= 22) v = m * POW10[exp];
  else if (exp < 0 && exp >= -22) v = m / POW10[-exp];
  else return NaN;
  return neg ? -v : v;
}

// Scratch views for reading a double's exponent bits (little- or big-endian host).
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
F64[0] = 1;
const HI = U32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;
/** Dekker's splitter for exact products without FMA: 2^27 + 1. */
const SPLIT = 134217729;

/**
 * A plain decimal (`[sign] digits [. digits]`, no exponent) with 16 to 19 significant digits and
 * at most 22 decimals — the 17-digit doubles Python and JavaScript write — parsed exactly, or NaN
 * when that cannot be guaranteed (the caller then falls back to `Number`).
 *
 * The digits M (< 10^19) are held exactly as a double-double, divided by the exact 10^dec with
 * double-double arithmetic (error below 2^-100 relative), and rounded to the nearest double c.
 * c is the correctly rounded M / 10^dec unless the double-double lies within 2^-90 of a rounding
 * midpoint — then (about once in 10^11 inputs, and for exact ties) NaN hands it to `Number`.
 */
export function parseLongDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let neg = false;
  if (i < end && (bytes[i] === 45 || bytes[i] === 43)) neg = bytes[i++] === 45;
  let hi = 0; // first 15 significant digits
  let lo = 0; // the following ones (at most 4)
  let nlo = 0;
  let sig = 0;
  let dec = 0;
  let point = false;
  let any = false;
  for (; i < end; i++) {
    const c = bytes[i];
    if (c === 46) {
      if (point) return NaN;
      point = true;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return NaN;
    any = true;
    if (point) dec++;
    if (sig === 0 && d === 0) continue; // leading zeros are not significant
    if (sig < 15) hi = hi * 10 + d;
    else if (sig < 19) {
      lo = lo * 10 + d;
      nlo++;
    } else return NaN;
    sig++;
  }
  if (!any || dec > 22) return NaN;
  // M = hi·10^nlo + lo exactly, as mh + ml.
  const b = POW10[nlo];
  let ph = hi * b;
  let t = SPLIT * hi;
  const ah = t - (t - hi);
  const al = hi - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pl = ah * bh - ph + ah * bl + al * bh + al * bl;
  const tl = pl + lo; // integers below 2^15: exact
  const mh = ph + tl; // = fl(M), correctly rounded: one rounding of the exact sum
  if (dec === 0) return neg ? -mh : mh;
  const ml = tl - (mh - ph);
  // Q = M / P with P = 10^dec exact: q1 + q2 approximates Q to within 2^-100 relative.
  const P = POW10[dec];
  const q1 = mh / P;
  ph = q1 * P;
  t = SPLIT * q1;
  const qh = t - (t - q1);
  const ql = q1 - qh;
  t = SPLIT * P;
  const Ph = t - (t - P);
  const Pl = P - Ph;
  const perr = qh * Ph - ph + qh * Pl + ql * Ph + ql * Pl; // q1·P = ph + perr exactly
  const q2 = (mh - ph - perr + ml) / P; // mh - ph is exact (Sterbenz)
  const c = q1 + q2;
  const tail = q2 - (c - q1); // q1 + q2 = c + tail exactly
  // Half the gap to each neighbour of c; below a power of two the gap is halved.
  F64[0] = c;
  const e = (U32[HI] >>> 20) & 0x7ff;
  const pow2 = (U32[HI] & 0xfffff) === 0 && U32[LO] === 0;
  U32[HI] = (e - 53) << 20; // 2^(e-1076): half an ulp of c (c is far from subnormal here)
  U32[LO] = 0;
  const half = F64[0];
  const margin = c * 8.077935669463161e-28; // 2^-90
  const ok = tail >= 0 ? tail < half - margin : -tail < (pow2 ? half / 2 : half) - margin;
  if (!ok) return NaN;
  return neg ? -c : c;
}

const utf8 = new TextDecoder("utf-8");

/**
 * Parse a numeric cell straight from UTF-8 bytes: the exact fast path, else decode the slice
 * and use {@link parseNumber}. Same contract as `parseNumber`: NaN = blank, undefined = not a number.
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number | undefined {
  const v = parseDecimalBytes(bytes, start, end);
  if (v === v) return v;
  return parseNumber(decodeSlice(bytes, start, end));
}

/** Decode a UTF-8 slice; Buffer's own slicer is much cheaper than TextDecoder for short cells. */
export function decodeSlice(bytes: Uint8Array, start: number, end: number): string {
  if (Buffer.isBuffer(bytes)) return bytes.toString("utf8", start, end);
  return utf8.decode(bytes.subarray(start, end));
}
