import { column } from "../../kernels/arena.js";
import { NormalizeError, stats } from "./kernel.js";

export interface LogTransformed {
  /** ln of the population values (NaN outside the population and for missing values). */
  values: Float64Array;
  /** True when some observed population value was ≤ 0 and COINr's shifted log was used. */
  shifted: boolean;
  /** The population minimum subtracted when shifted (0 otherwise). */
  min: number;
}

/**
 * The log transform applied before normalising (`transform: "log"`): ln(x) when every observed
 * population value is > 0; otherwise ln(x − min + 1), COINr's "COIN Tool log" `log_CT_orig`
 * (R/treat.R, bluefoxr/COINr; the JRC's COIN Tool spreadsheet), which maps the minimum to 0 and
 * keeps the order. The shift makes the result depend on the period's minimum, so it is reported.
 */
export function logTransform(x: Float64Array, pop: Uint8Array): LogTransformed {
  const s = stats(x, pop);
  const shifted = s.count > 0 && !(s.min > 0);
  const m = shifted ? s.min : 0;
  const c = shifted ? 1 : 0;
  const values = column(x.length);
  logKernel(x, pop, m, c, values);
  return { values, shifted, min: m };
}

/** out = ln(x − m + c) at population rows; (m, c) = (0, 0) leaves x − 0 + 0 = x exactly. */
function logKernel(x: Float64Array, pop: Uint8Array, m: number, c: number, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = pop[i] === 0 ? 0 / 0 : Math.log(x[i] - m + c); // 0 / 0: see kernel.ts
}

/** A parameter in the indicator's units, mapped through the transform; an error when it falls outside its domain. */
export function transformParameter(t: LogTransformed, name: string, v: number): number {
  const r = Math.log(v - t.min + (t.shifted ? 1 : 0)); // the kernel's expression
  if (!Number.isFinite(r))
    throw new NormalizeError(
      `transform: log maps the ${name} ${v} to ${r} (${t.shifted ? `ln(${name} − ${t.min} + 1)` : `ln(${name})`}): it needs ${t.shifted ? `a ${name} above ${t.min - 1}` : `a positive ${name}`}, or drop the transform`,
    );
  return r;
}
