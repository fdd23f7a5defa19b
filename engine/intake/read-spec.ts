/**
 * Which columns of a department's file are read, and as what: the key and the text the scheme
 * carries as text; as numbers, every column the scheme computes with or a rule adds up, and the
 * share; every other column typed as it comes (numbers when every filled cell is one).
 */
import type { ReadSpec } from "../data/frame.js";
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
