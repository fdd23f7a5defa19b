/**
 * A period's table from its departments' files: the participant list, LEFT JOIN each source's rows
 * combined per enterprise, matched on the normalised credit code. Pure: the tables come in typed
 * (engine/store/merged-period.ts reads them), the merged columns and what the merge found go out —
 * the coverage of every source (the intake report) and the problems that make the period unscorable.
 */
import type { Problem, Warning } from "../errors.js";
import type { OutputColumn } from "../data/table.js";
import { parseNumber } from "../data/numbers.js";
import { normalizeUscc, ParticipantIndex, usccProblem, type NearestParticipant } from "../data/uscc.js";
import { NUMERIC_RULES } from "../scheme/sources.js";
import type { CombineRule, DepartmentSource, SourceColumn } from "../scheme/types.js";
import { combineNumbers, firstTexts } from "./combine.js";
import { equalSplitFactors, shareFactors } from "./shares.js";

/** One revision of a department's file, typed, as the merge reads it. */
export interface SourceTable {
  source: DepartmentSource;
  /** The file as messages name it (the delivered file's name). */
  file: string;
  nrows: number;
  /** The credit code of each row, as delivered. */
  codes: readonly string[];
  /** The delivered file's row of table row i (header = row 1). */
  row: (i: number) => number;
  /** Columns by the file's headers: the source's columns, and its share or parcel column. */
  values: ReadonlyMap<string, Float64Array | readonly string[]>;
}

export interface UnknownCode {
  /** As delivered (the first spelling met), and normalised. */
  code: string;
  normalized: string;
  rows: number[];
  nearest: NearestParticipant[];
  /** Why the code fails the GB 32100 check, if it does. */
  invalid?: string;
}

export interface RepeatedCode {
  code: string;
  rows: number[];
  /** The columns (headers) whose values differ between the rows, with the values. */
  conflicts: { header: string; values: string[] }[];
}

export interface InvalidCode {
  code: string;
  rows: number[];
  problem: string;
}

/** What one source contributed, and what is wrong with it. */
export interface Coverage {
  source: DepartmentSource;
  /** Undefined when the period has no revision of the source. */
  file?: string;
  rows: number;
  /** Participants with at least one row. */
  matched: number;
  /** Participants (indexes into Merged.codes) the source has no row for. */
  lacking: number[];
  /** Each participant's rows in the file (empty for those it lacks). */
  rowsOf: number[][];
  unknown: UnknownCode[];
  /** Codes repeated where a column has no combine rule. */
  repeated: RepeatedCode[];
  /** The participant list's codes that fail the GB 32100 check (another source's are among its unknown codes). */
  invalid: InvalidCode[];
  /** How shared parcels were counted, in words, when the source shares them. */
  shareRule?: string;
  /** Enterprises whose rows are blank in a column on some rows only: their value is combined from the delivered rows. */
  partlyBlank: PartlyBlank[];
}

/** A column an enterprise's rows leave blank on some rows (a meter whose reading was not delivered) and fill on others. */
export interface PartlyBlank {
  /** The participant (index into Merged.codes). */
  participant: number;
  header: string;
  column: string;
  rule: CombineRule;
  /** The file's rows left blank, and how many rows the enterprise has. */
  blank: number[];
  of: number;
}

export interface Merged {
  /** The participants' codes, normalised, in the list's order: the merged table's rows. */
  codes: string[];
  /** Each participant's row in the participant list's file. */
  listRows: number[];
  /** The merged table: the id column, then every source's columns in the scheme's order. */
  columns: OutputColumn[];
  coverage: Coverage[];
  /** What makes the period unscorable: a code repeated without a combine rule, a participant listed twice, text where a rule needs numbers. */
  problems: Problem[];
  /** What scoring should say: codes not on the list, participants a source lacks, codes failing the check, sources not delivered. */
  warnings: Warning[];
}

/** How many codes a warning names before it counts the rest. */
const NAMED = 5;

/**
 * Merges the tables; `sources` follows the scheme's order, undefined for a source with no revision.
 * `overrides`: normalised codes that fail the GB 32100 check but are accepted.
 */
export function mergeSources(idColumn: string, participants: SourceTable, sources: readonly { source: DepartmentSource; table?: SourceTable }[], overrides: ReadonlySet<string>): Merged {
  const problems: Problem[] = [];
  const warnings: Warning[] = [];
  const list = participantList(participants, problems);
  const index = new ParticipantIndex(list.codes);
  const columns: OutputColumn[] = [{ name: idColumn, type: "text", values: list.codes }];
  const coverage: Coverage[] = [];
  for (const { source, table } of sources) {
    if (table === undefined) {
      coverage.push({ source, rows: 0, matched: 0, lacking: list.codes.map((_, g) => g), rowsOf: list.codes.map(() => []), unknown: [], repeated: [], invalid: [], partlyBlank: [] });
      for (const c of source.columns) columns.push({ name: c.column, type: "number", values: new Float64Array(list.codes.length).fill(NaN) });
      warnings.push({ code: "intake.source-missing", message: `source ${source.id} (${source.label.en}) has no file for this period: its columns (${source.columns.map((c) => c.column).join(", ")}) are missing for every enterprise` });
      continue;
    }
    const groups = table === participants ? list.groups : groupRows(table, list.at);
    const cov: Coverage = { source, file: table.file, rows: table.nrows, matched: 0, lacking: [], rowsOf: groups.map((rows) => rows.map(table.row)), unknown: [], repeated: [], invalid: [], partlyBlank: [] };
    groups.forEach((rows, g) => (rows.length ? cov.matched++ : cov.lacking.push(g)));
    if (table === participants) cov.invalid = invalidCodes(table, overrides);
    else cov.unknown = unknownCodes(table, list.at, index, overrides);
    const factors = rowFactors(table);
    if (source.share) cov.shareRule = "header" in source.share ? `each row's figures × its share (column ${source.share.header})` : `a parcel's figures split equally among the enterprises holding it (column ${source.share.parcel})`;
    for (const c of source.columns) columns.push(mergedColumn(table, c, groups, factors, problems, cov.partlyBlank));
    cov.repeated = repeatedCodes(table, groups, list.codes);
    for (const r of cov.repeated)
      problems.push({
        code: "intake.repeated-code",
        file: table.file,
        row: r.rows[0],
        value: r.code,
        message: `the code appears on rows ${r.rows.join(", ")}${r.conflicts.length ? `, with conflicting values: ${r.conflicts.map((x) => `${x.header} ${x.values.map((v) => `"${v}"`).join(" vs ")}`).join("; ")}` : ""}, and source ${source.id} has no combine rule for ${source.columns.filter((c) => !c.combine).map((c) => c.header).join(", ")}`,
        fix: `keep one row per enterprise in the file, or give the source (or the column) a combine rule in the scheme (${source.path}: combine: sum, max, min, mean, first, count or any)`,
      });
    warnings.push(...coverageWarnings(cov, list.codes));
    coverage.push(cov);
  }
  return { codes: list.codes, listRows: list.groups.map((rows) => participants.row(rows[0])), columns, coverage, problems, warnings };
}

interface ParticipantList {
  codes: string[];
  /** Normalised code → participant. */
  at: Map<string, number>;
  /** Each participant's one row of the list. */
  groups: number[][];
}

/** The list's codes, normalised; an empty code or one listed twice is a problem (the first row counts). */
function participantList(t: SourceTable, problems: Problem[]): ParticipantList {
  const at = new Map<string, number>();
  const codes: string[] = [];
  const groups: number[][] = [];
  const twice = new Map<string, number[]>();
  for (let i = 0; i < t.nrows; i++) {
    const code = normalizeUscc(t.codes[i]);
    if (code === "") {
      problems.push({ code: "intake.empty-code", file: t.file, row: t.row(i), column: t.source.key, message: "the participant list has a row without a credit code", fix: "fill in the enterprise's code, or delete the row" });
      continue;
    }
    const g = at.get(code);
    if (g !== undefined) {
      const rows = twice.get(code) ?? [t.row(groups[g][0])];
      rows.push(t.row(i));
      twice.set(code, rows);
      continue;
    }
    at.set(code, codes.length);
    codes.push(code);
    groups.push([i]);
  }
  for (const [code, rows] of twice)
    problems.push({ code: "intake.repeated-participant", file: t.file, row: rows[0], column: t.source.key, value: code, message: `the participant list names this enterprise on rows ${rows.join(", ")}`, fix: "keep one row per enterprise in the participant list" });
  return { codes, at, groups };
}

/** For each participant, its rows in the table, in file order. */
function groupRows(t: SourceTable, at: ReadonlyMap<string, number>): number[][] {
  const groups = Array.from({ length: at.size }, (): number[] => []);
  for (let i = 0; i < t.nrows; i++) {
    const g = at.get(normalizeUscc(t.codes[i]));
    if (g !== undefined) groups[g].push(i);
  }
  return groups;
}

/** Codes not on the list, each with its rows and the participants one character away. */
function unknownCodes(t: SourceTable, at: ReadonlyMap<string, number>, index: ParticipantIndex, overrides: ReadonlySet<string>): UnknownCode[] {
  const found = new Map<string, UnknownCode>();
  for (let i = 0; i < t.nrows; i++) {
    const normalized = normalizeUscc(t.codes[i]);
    if (at.has(normalized)) continue;
    const u = found.get(normalized);
    if (u) u.rows.push(t.row(i));
    else {
      const invalid = normalized && !overrides.has(normalized) ? usccProblem(normalized) : undefined;
      found.set(normalized, { code: t.codes[i], normalized, rows: [t.row(i)], nearest: normalized ? index.nearest(normalized) : [], ...(invalid ? { invalid } : {}) });
    }
  }
  return [...found.values()];
}

/** Codes that fail the GB 32100 check and are not overridden. */
function invalidCodes(t: SourceTable, overrides: ReadonlySet<string>): InvalidCode[] {
  const found = new Map<string, InvalidCode>();
  for (let i = 0; i < t.nrows; i++) {
    const code = normalizeUscc(t.codes[i]);
    if (code === "" || overrides.has(code)) continue;
    const known = found.get(code);
    if (known) {
      known.rows.push(t.row(i));
      continue;
    }
    const problem = usccProblem(code);
    if (problem) found.set(code, { code, rows: [t.row(i)], problem });
  }
  return [...found.values()];
}

/** Each row's factor for shared parcels (1 when the source shares none). */
function rowFactors(t: SourceTable): Float64Array | undefined {
  const share = t.source.share;
  if (!share) return undefined;
  if ("header" in share) {
    const v = t.values.get(share.header);
    return v instanceof Float64Array ? shareFactors(v) : undefined;
  }
  const parcels = t.values.get(share.parcel);
  return equalSplitFactors(parcels instanceof Float64Array ? Array.from(parcels, (p) => (p === p ? String(p) : "")) : (parcels ?? []), t.codes.map(normalizeUscc));
}

/** One column of the merged table: the source column's rows, times their factors, combined per participant. */
function mergedColumn(t: SourceTable, c: SourceColumn, groups: number[][], factors: Float64Array | undefined, problems: Problem[], partlyBlank: PartlyBlank[]): OutputColumn {
  const x = t.values.get(c.header)!;
  const rule = c.combine;
  if (rule === "count" || rule === "any") return { name: c.column, type: "number", values: combineNumbers(rule, groups, new Float64Array(t.nrows)) };
  if (!(x instanceof Float64Array)) {
    if (rule !== undefined && NUMERIC_RULES.has(rule)) {
      const bad = x.findIndex((v) => parseNumber(v) === undefined);
      problems.push({ code: "intake.text-combined", file: t.file, row: t.row(bad), column: c.header, value: x[bad], message: `source ${t.source.id} combines this column by ${rule}, which needs numbers`, fix: `correct the value (a number, or an empty cell for a missing one), or combine the column by first, count or any (${c.path})` });
    }
    return { name: c.column, type: "text", values: firstTexts(groups, x) };
  }
  const scaled = factors ? Float64Array.from(x, (v, i) => v * factors[i]) : x;
  if (rule !== undefined && NUMERIC_RULES.has(rule))
    groups.forEach((rows, g) => {
      const blank = rows.filter((i) => x[i] !== x[i]);
      if (blank.length && blank.length < rows.length) partlyBlank.push({ participant: g, header: c.header, column: c.column, rule, blank: blank.map(t.row), of: rows.length });
    });
  return { name: c.column, type: "number", values: combineNumbers(rule ?? "first", groups, scaled) };
}

/** Participants with several rows where some column has no combine rule, and the columns whose values differ. */
function repeatedCodes(t: SourceTable, groups: number[][], codes: string[]): RepeatedCode[] {
  const single = t.source.columns.filter((c) => c.combine === undefined);
  if (single.length === 0) return [];
  const out: RepeatedCode[] = [];
  groups.forEach((rows, g) => {
    if (rows.length < 2) return;
    const conflicts = single.flatMap((c) => {
      const x = t.values.get(c.header)!;
      const values = rows.map((i) => cellText(x, i));
      return new Set(values).size > 1 ? [{ header: c.header, values }] : [];
    });
    out.push({ code: codes[g], rows: rows.map(t.row), conflicts });
  });
  return out;
}

function cellText(x: Float64Array | readonly string[], i: number): string {
  if (!(x instanceof Float64Array)) return x[i];
  return x[i] === x[i] ? String(x[i]) : "";
}

/** A list joined by code (every column counted by any or count): it lacks most participants by nature, and they count 0. */
export function isList(source: DepartmentSource): boolean {
  return source.columns.every((x) => x.combine === "any" || x.combine === "count");
}

/** What scoring says about a source's coverage. */
function coverageWarnings(c: Coverage, codes: string[]): Warning[] {
  const out: Warning[] = [];
  const some = (xs: string[]) => `${xs.slice(0, NAMED).join(", ")}${xs.length > NAMED ? ` and ${xs.length - NAMED} more` : ""}`;
  if (c.lacking.length && !c.source.participants && !isList(c.source))
    out.push({ code: "intake.lacking", file: c.file, message: `source ${c.source.id} has no row for ${c.lacking.length} of ${codes.length} participants (${some(c.lacking.map((g) => codes[g]))}): ${c.lacking.length === 1 ? "its" : "their"} ${c.source.columns.map((x) => x.column).join(", ")} ${c.source.columns.length === 1 ? "is" : "are"} missing`, fix: "see parkscore intake for the list to send back" });
  if (c.unknown.length)
    out.push({
      code: "intake.unknown-codes",
      file: c.file,
      message: `${c.unknown.length === 1 ? "1 code" : `${c.unknown.length} codes`} of source ${c.source.id} ${c.unknown.length === 1 ? "is" : "are"} not on the participant list, and ${c.unknown.length === 1 ? "its" : "their"} rows are left out: ${some(c.unknown.map((u) => `${u.code || "(empty)"} (row ${u.rows.join(", ")}${u.invalid ? "; not a valid credit code" : ""}${u.nearest.length ? `; nearest participant ${u.nearest.map((n) => n.code).join(" or ")}` : ""})`))}`,
      fix: "correct the codes in the department's file and import it again, or add the enterprises to the participant list",
    });
  for (const p of c.partlyBlank)
    out.push({
      code: "intake.partly-blank",
      file: c.file,
      row: p.blank[0],
      column: p.header,
      value: codes[p.participant],
      message: `${codes[p.participant]} has ${p.of} rows, ${p.blank.length === 1 ? "and row" : "and rows"} ${p.blank.join(", ")} ${p.blank.length === 1 ? "is" : "are"} blank: its ${p.column} is the ${p.rule} of the ${p.of - p.blank.length} delivered`,
      fix: "ask the department for the missing figures and import the corrected file",
    });
  for (const v of c.invalid)
    out.push({ code: "intake.invalid-uscc", file: c.file, row: v.rows[0], column: c.source.key, value: v.code, message: `not a valid unified social credit code (GB 32100-2015): ${v.problem}; it is used as it is`, fix: "correct the code, or, if it is right (an early pilot's code), list it under the scheme's uscc_overrides:" });
  return out;
}
