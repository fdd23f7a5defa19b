/**
 * What the scheme will make of each enterprise's merged values, said per department so that the
 * department can correct its file: a number the scheme reads that is blank in every row the file
 * has for the enterprise (its missing-value policy will apply) or on some of its rows only (the
 * others are combined), and a divisor of a formula that is 0 (the ratio goes missing) or negative
 * (scoring refuses the period).
 */
import type { Merged } from "./merge.js";

export interface ValueCheck {
  source: string;
  file?: string;
  code: string;
  /** The file's rows for the enterprise. */
  rows: number[];
  header: string;
  column: string;
  value: number;
  problem: string;
}

/** `numeric`: the columns the scheme reads as numbers; `divisors`: those its formulas divide by. */
export function valueChecks(merged: Merged, numeric: ReadonlySet<string>, divisors: ReadonlySet<string>): ValueCheck[] {
  const out: ValueCheck[] = [];
  for (const cov of merged.coverage) {
    if (cov.file === undefined) continue;
    for (const c of cov.source.columns) {
      if (!numeric.has(c.column)) continue;
      const col = merged.columns.find((x) => x.name === c.column);
      if (col?.type !== "number") continue;
      cov.rowsOf.forEach((rows, g) => {
        if (rows.length === 0) return;
        const v = col.values[g];
        const problem =
          v !== v
            ? `blank: the scheme reads ${c.column} as a number, so its missing-value policy applies`
            : divisors.has(c.column) && v <= 0
              ? v === 0
                ? `0, and the scheme divides by ${c.column}: the ratio is missing`
                : `negative, and the scheme divides by ${c.column}: scoring refuses the period`
              : undefined;
        if (problem) out.push({ source: cov.source.id, file: cov.file, code: merged.codes[g], rows, header: c.header, column: c.column, value: v, problem });
      });
    }
    for (const p of cov.partlyBlank) {
      if (!numeric.has(p.column)) continue;
      const col = merged.columns.find((x) => x.name === p.column)!;
      const problem = `blank on row${p.blank.length === 1 ? "" : "s"} ${p.blank.join(", ")} of the enterprise's ${p.of}: ${p.column} is the ${p.rule} of the ${p.of - p.blank.length} delivered`;
      out.push({ source: cov.source.id, file: cov.file, code: merged.codes[p.participant], rows: p.blank, header: p.header, column: p.column, value: col.values[p.participant] as number, problem });
    }
  }
  return out;
}
