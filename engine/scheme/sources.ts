/**
 * The scheme's department sources resolved and checked: exactly one participant list, each column
 * of the merged table filled by one header of one source, rules that can combine what they are
 * given. Problems go to the scheme loader's list, with their key path (sources[2].columns.…).
 */
import { normalizeUscc } from "../data/uscc.js";
import { compileFormula } from "./formula.js";
import type { SchemeInput } from "./schema.js";
import type { CombineRule, DepartmentSource, Label, Scheme, SourceColumn } from "./types.js";

type Path = (string | number)[];
type Fail = (path: Path, message: string, fix?: string) => void;
type SourceInput = Exclude<NonNullable<SchemeInput["sources"]>[number], string>;

/** Rules that compute with the values themselves, so they need numbers. */
export const NUMERIC_RULES: ReadonlySet<CombineRule> = new Set(["sum", "max", "min", "mean"]);

export interface SourcesContext {
  id: string;
  name: string;
  carry: string[];
  /** Columns the scheme reads as numbers (indicators, derived values, rules). */
  numeric: Map<string, string>;
  label: (l: SourceInput["label"], fallback: string) => Label;
  formatPath: (path: Path) => string;
}

/** The references (text items) and the department sources (objects) of `sources:`. */
export function splitSources(input: SchemeInput["sources"]): { references: string[]; departments: [SourceInput, number][] } {
  const references: string[] = [];
  const departments: [SourceInput, number][] = [];
  (input ?? []).forEach((s, k) => (typeof s === "string" ? references.push(s) : departments.push([s, k])));
  return { references, departments };
}

export function resolveSources(items: [SourceInput, number][], ctx: SourcesContext, fail: Fail): DepartmentSource[] {
  if (items.length === 0) return [];
  const text = new Set([ctx.name, ...ctx.carry]);
  const filledBy = new Map<string, string>();
  const ids = new Map<string, string>();
  const sources = items.map(([s, k]): DepartmentSource => {
    const path: Path = ["sources", k];
    const before = ids.get(s.id);
    if (before) fail([...path, "id"], `source "${s.id}" is already defined at ${before}`, "give every source its own id");
    else ids.set(s.id, ctx.formatPath(path));
    const participants = s.participants ?? false;
    if (participants) {
      for (const key of ["combine", "share", "split", "parcel"] as const)
        if (s[key] !== undefined) fail([...path, key], `the participant list has one row per enterprise, so ${key} does not apply to it`, `remove ${key}:`);
      if (s.required === false) fail([...path, "required"], "the participant list is always required: it says who is evaluated", "remove required: false");
    }
    const columns = Object.entries(s.columns).map(([header, c]): SourceColumn => {
      const cpath = [...path, "columns", header];
      const column = typeof c === "string" ? c : c.column;
      const combine = (typeof c === "string" ? undefined : c.combine) ?? s.combine;
      if (participants && typeof c !== "string" && c.combine !== undefined) fail([...cpath, "combine"], "the participant list has one row per enterprise: nothing to combine", "remove combine:");
      if (column === ctx.id)
        fail(cpath, `"${column}" is the enterprise id, which every source's key (${s.key}) fills`, `map ${header} to a column of its own, or leave it out`);
      const other = filledBy.get(column);
      if (other) fail(cpath, `column "${column}" is already filled by ${other}`, "map each column of the merged table from one header of one source");
      else filledBy.set(column, `${ctx.formatPath(cpath)}`);
      if (combine !== undefined && NUMERIC_RULES.has(combine) && text.has(column))
        fail(cpath, `"${column}" is text (the scheme's name or carry column), and combine: ${combine} needs numbers`, "use combine: first for a text column, or map a number column instead");
      return { header, column, ...(combine ? { combine } : {}), path: ctx.formatPath(cpath) };
    });
    if (s.share !== undefined && s.split !== undefined) fail([...path, "share"], "a source shares its parcels either by a share column or by an equal split, not both", "keep share: or split: equal with parcel:");
    if (s.split !== undefined && s.parcel === undefined) fail([...path, "split"], "split: equal needs the column naming each row's parcel", "add parcel: <the header of the certificate or parcel number>");
    if (s.parcel !== undefined && s.split === undefined) fail([...path, "parcel"], "parcel: applies to split: equal", "add split: equal, or remove parcel:");
    for (const h of [s.share, s.parcel])
      if (h !== undefined && (h === s.key || h in s.columns)) fail([...path, h === s.share ? "share" : "parcel"], `"${h}" is already the source's key or one of its columns`, "name the header that holds the share or the parcel");
    const share = s.share !== undefined ? { header: s.share } : s.parcel !== undefined ? { parcel: s.parcel } : undefined;
    return {
      id: s.id,
      label: ctx.label(s.label, s.id),
      participants,
      key: s.key,
      columns,
      ...(share ? { share } : {}),
      required: participants || (s.required ?? true),
      path: ctx.formatPath(path),
    };
  });
  const lists = sources.filter((s) => s.participants);
  if (lists.length === 0) fail(["sources"], "no source is the participant list", "mark the list of evaluated enterprises with participants: true");
  for (const extra of lists.slice(1)) fail([...pathOf(extra), "participants"], `a scheme has one participant list; ${lists[0].path} is already one`, "keep participants: true on one source");
  const list = lists[0];
  if (list) {
    const listed = new Set(list.columns.map((c) => c.column));
    if (!listed.has(ctx.name)) fail([...pathOf(list), "columns"], `the participant list does not give the name column "${ctx.name}"`, `map the header of the enterprise name to ${ctx.name}`);
  }
  for (const c of ctx.carry)
    if (!filledBy.has(c)) fail(["carry"], `no source fills the carried column "${c}"`, "map a header of the participant list (or another source) to it");
  for (const [column, use] of ctx.numeric)
    if (!filledBy.has(column)) fail(pathOfText(use), `no source fills the column "${column}" this uses`, `map a department file's header to ${column} under its source's columns:`);
  return sources;
}

/** Credit codes of `uscc_overrides:`, normalised as codes in files are. */
export function resolveOverrides(codes: string[] | undefined): string[] {
  return (codes ?? []).map(normalizeUscc);
}

/**
 * The departments each indicator's figure comes from: the sources filling the columns its column or
 * formula reads, through the derived values it uses, in the scheme's order of sources. Empty when
 * the scheme has no department sources.
 */
export function indicatorDepartments(scheme: Scheme): Map<string, DepartmentSource[]> {
  const out = new Map<string, DepartmentSource[]>();
  if (scheme.departments.length === 0) return out;
  const derived = new Map(scheme.derive.map((d) => [d.id, d.formula]));
  const columns = (names: readonly string[], seen = new Set<string>()): string[] =>
    names.flatMap((n) => {
      if (seen.has(n)) return [];
      seen.add(n);
      const f = derived.get(n);
      return f === undefined ? [n] : columns(compileFormula(f).symbols, seen);
    });
  for (const ind of scheme.indicators) {
    const used = new Set(columns(ind.formula === undefined ? [ind.column!] : compileFormula(ind.formula).symbols));
    out.set(ind.id, scheme.departments.filter((d) => d.columns.some((c) => used.has(c.column))));
  }
  return out;
}

function pathOf(s: DepartmentSource): Path {
  return pathOfText(s.path);
}

/** `indicators[3].formula` → ["indicators", 3, "formula"]. */
export function pathOfText(path: string): Path {
  return path.split(/\.|\[|\]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
