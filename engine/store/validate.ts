/** `validate`: a scheme, and a data file against it, checked; every problem is thrown, the warnings returned. */
import type { Warning } from "../errors.js";
import { loadScheme } from "../scheme/load.js";
import { scorePeriod } from "../score/period.js";
import { loadScoringInput, type PeriodInputOptions } from "./input.js";

export interface Validation {
  indicators: number;
  /** Rows of the data file (undefined without one). */
  rows?: number;
  warnings: Warning[];
}

export async function validateFiles(schemeFile: string, inputFile?: string, opts: PeriodInputOptions = {}): Promise<Validation> {
  const loaded = loadScheme(schemeFile);
  const v: Validation = { indicators: loaded.scheme.indicators.length, warnings: loaded.warnings };
  if (inputFile) {
    const input = await loadScoringInput(loaded.scheme, inputFile, opts);
    // Scoring too, so that data-dependent problems (a zero benchmark…) surface here.
    v.warnings = [...v.warnings, ...input.warnings, ...scorePeriod(input.frame, input.scheme).warnings];
    v.rows = input.frame.nrows;
  }
  return v;
}
