/**
 * Which columns of the data a scheme reads, and where in the scheme each is used, so that a missing
 * column can be reported naming both the file and the scheme entry that needs it.
 */
import { compileFormula } from "./formula.js";
import type { Scheme } from "./types.js";

export interface SchemeColumns {
  numeric: string[];
  text: string[];
  optionalText: string[];
  key: string[];
  headerMap: Record<string, string>;
  /** Column → the first scheme path that uses it. */
  usedBy: Map<string, string>;
  /** What the formulas divide by, as written (`land_mu` in `tax / land_mu`). */
  divisors: Set<string>;
}

export function schemeColumns(scheme: Scheme): SchemeColumns {
  const usedBy = new Map<string, string>();
  const defined = new Set<string>();
  const numeric: string[] = [];
  const divisors = new Set<string>();
  const use = (name: string, path: string) => {
    if (defined.has(name) || usedBy.has(name)) return;
    usedBy.set(name, path);
    numeric.push(name);
  };
  const useFormula = (source: string | undefined, path: string) => {
    if (source === undefined) return;
    const f = compileFormula(source);
    for (const s of f.symbols) use(s, path);
    for (const d of f.divisors) divisors.add(d);
  };
  for (const d of scheme.derive) {
    useFormula(d.formula, `${d.path}.formula`);
    defined.add(d.id);
  }
  for (const ind of scheme.indicators) {
    if (ind.column !== undefined) use(ind.column, `${ind.path}.column`);
    useFormula(ind.formula, `${ind.path}.formula`);
  }
  for (const ind of scheme.indicators) defined.add(ind.id);
  if (scheme.eligible) useFormula(scheme.eligible.when, `${scheme.eligible.path}.when`);
  for (const v of scheme.rules.veto) useFormula(v.when, `${v.path}.when`);
  for (const a of scheme.rules.adjust) {
    useFormula(a.when, `${a.path}.when`);
    if (typeof a.points === "string") useFormula(a.points, `${a.path}.points`);
  }
  const text = [scheme.id, scheme.name, ...scheme.carry];
  usedBy.set(scheme.id, "id");
  usedBy.set(scheme.name, "name");
  scheme.carry.forEach((c, k) => usedBy.set(c, `carry[${k}]`));
  if (scheme.period) usedBy.set(scheme.period, "period");
  return {
    numeric,
    text,
    optionalText: scheme.period ? [scheme.period] : [],
    key: scheme.period ? [scheme.period, scheme.id] : [scheme.id],
    headerMap: scheme.columns,
    usedBy,
    divisors,
  };
}
