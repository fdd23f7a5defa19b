/**
 * Which columns of a department's file are read, and as what: the key and the text the scheme
 * carries as text; as numbers, every column the scheme computes with or a rule adds up, and the
 * share; every other column typed as it comes (numbers when every filled cell is one).
 */
import type { Frame, ReadSpec } from "../data/frame.js";
import type { Problem } from "../errors.js";
import { NUMERIC_RULES } from "../scheme/sources.js";
import type { DepartmentSource } from "../scheme/types.js";

/** `numeric`: the merged table's columns the scheme reads as numbers (schemeColumns). */
export function sourceReadSpec(source: DepartmentSource, numeric: ReadonlySet<string>, text: ReadonlySet<string>): ReadSpec {
  const share = source.share;
  const needsNumbers = (c: DepartmentSource["columns"][number]) => c.combine !== "count" && c.combine !== "any" && (numeric.has(c.column) || (c.combine !== undefined && NUMERIC_RULES.has(c.combine)));
  return {
    headerMap: {},
    text: [source.key, ...source.columns.filter((c) => text.has(c.column)).map((c) => c.header), ...(share && "parcel" in share ? [share.parcel] : [])],
    numeric: [...source.columns.filter(needsNumbers).map((c) => c.header), ...(share && "header" in share ? [share.header] : [])],
    optionalText: [],
    rest: true,
  };
}

/**
 * The source's columns the frame lacks (those read typed as they come are not required by the
 * reader), as the reader reports a missing column.
 */
export function missingColumns(source: DepartmentSource, frame: Frame): Problem[] {
  const has = (h: string) => frame.texts.has(h) || frame.numbers.has(h) || (frame.rest?.has(h) ?? false);
  const headers = [...frame.texts.keys(), ...frame.numbers.keys(), ...(frame.rest?.keys() ?? [])].map((h) => `"${h}"`).join(", ");
  return source.columns
    .filter((c) => !has(c.header))
    .map((c) => ({ code: "data.missing-column", file: frame.origin.file, column: c.header, message: `required column "${c.header}" is missing; the headers found are ${headers}`, fix: "add the column or map its header in the scheme's columns:" }));
}
