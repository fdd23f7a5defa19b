/**
 * The combine rules: the rows one enterprise has in a department's file (its certificates, its
 * meters) made into its one value. Blank cells are skipped; an enterprise without a row, or whose
 * rows are all blank, has a missing value (a sum of blanks is not 0; blanks beside delivered rows are
 * named by the merge) — except for `count` and `any`, which count rows and are
 * 0 for an enterprise the file does not list.
 */
import type { CombineRule } from "../scheme/types.js";

/**
 * One value per group: `groups[g]` lists the rows of group g in file order, `x` the rows' values
 * (each already multiplied by its share of a shared parcel).
 */
export function combineNumbers(rule: CombineRule, groups: readonly (readonly number[])[], x: Float64Array): Float64Array {
  const out = new Float64Array(groups.length);
  for (let g = 0; g < groups.length; g++) out[g] = combineGroup(rule, groups[g], x);
  return out;
}

function combineGroup(rule: CombineRule, rows: readonly number[], x: Float64Array): number {
  if (rule === "count") return rows.length;
  if (rule === "any") return rows.length > 0 ? 1 : 0;
  if (rule === "first") return rows.length ? x[rows[0]] : NaN;
  let n = 0;
  let acc = rule === "max" ? -Infinity : rule === "min" ? Infinity : 0;
  for (const i of rows) {
    const v = x[i];
    if (v !== v) continue;
    n++;
    if (rule === "max") acc = v > acc ? v : acc;
    else if (rule === "min") acc = v < acc ? v : acc;
    else acc += v;
  }
  if (n === 0) return NaN;
  return rule === "mean" ? acc / n : acc;
}

/** A text column by `first` (or one row per enterprise): the first row's text, '' for none. */
export function firstTexts(groups: readonly (readonly number[])[], x: readonly string[]): string[] {
  return groups.map((rows) => (rows.length ? x[rows[0]] : ""));
}
