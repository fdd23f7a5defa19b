/**
 * One period's input as a run sees it: the scheme loaded, the data file read against the columns
 * the scheme needs (a missing column is reported naming the file and the scheme entry that uses
 * it), the rows of the chosen period selected, and the file's fingerprint for the manifest.
 */
import { statSync } from "node:fs";
import { ParkscoreError, type Problem, type Warning } from "../errors.js";
import { selectRows, type Frame, type ReadOptions } from "../data/frame.js";
import { readFrame } from "../data/read.js";
import { schemeColumns } from "../scheme/columns.js";
import { loadScheme } from "../scheme/load.js";
import type { Scheme } from "../scheme/types.js";
import { loadDepartmentFiles, type DepartmentFilesInput } from "./department-files.js";
import { hashFile } from "./provenance.js";
import type { InputRecord } from "./run-output.js";

export interface PeriodInput {
  scheme: Scheme;
  frame: Frame;
  input: InputRecord;
  warnings: Warning[];
}

export interface PeriodInputOptions extends ReadOptions {
  /** The period to keep, when the scheme names a period column and the file holds several. */
  period?: string;
  /** Also every other column of the file, typed (`Frame.rest`), as a stored revision keeps them. */
  rest?: boolean;
}

export async function loadPeriodInput(schemeFile: string | Scheme, inputFile: string, opts: PeriodInputOptions = {}): Promise<PeriodInput> {
  const { scheme, warnings } = typeof schemeFile === "string" ? loadScheme(schemeFile) : { scheme: schemeFile, warnings: [] };
  const cols = schemeColumns(scheme);
  let frame: Frame;
  try {
    frame = await readFrame(inputFile, { ...cols, rest: opts.rest }, opts);
  } catch (e) {
    if (e instanceof ParkscoreError) throw new ParkscoreError(e.problems.map((p) => withSchemeUse(p, cols.usedBy, scheme.file)), e.omitted);
    throw e;
  }
  if (scheme.period) frame = selectPeriod(frame, scheme.period, opts.period);
  const input: InputRecord = { file: inputFile, sha256: await hashFile(inputFile), bytes: statSync(inputFile).size, rows: frame.nrows };
  return { scheme, frame, input, warnings: [...warnings, ...(frame.warnings ?? [])] };
}

/** What `score` and `validate` read: a period's file, or a folder holding each department's file (department-files.ts). */
export async function loadScoringInput(schemeFile: string | Scheme, input: string, opts: PeriodInputOptions = {}): Promise<DepartmentFilesInput> {
  if (!statSync(input, { throwIfNoEntry: false })?.isDirectory()) {
    const { input: record, ...rest } = await loadPeriodInput(schemeFile, input, opts);
    return { ...rest, inputs: [record] };
  }
  if (opts.encoding !== undefined || opts.sheet !== undefined)
    throw new ParkscoreError({ code: "cli.usage", file: input, message: "--encoding and --sheet choose how one file is read, and the input is a folder of department files", fix: "leave them out: each department's file is read with its encoding detected and its first sheet" });
  return loadDepartmentFiles(schemeFile, input);
}

/** A missing column problem also says which scheme entry needs the column. */
export function withSchemeUse(p: Problem, usedBy: Map<string, string>, schemeFile: string): Problem {
  if (p.code !== "data.missing-column" || p.column === undefined) return p;
  const use = usedBy.get(p.column);
  return use ? { ...p, message: `${p.message}; the scheme ${schemeFile} uses it in ${use}` } : p;
}

function selectPeriod(frame: Frame, column: string, period: string | undefined): Frame {
  const values = frame.texts.get(column);
  if (!values) return frame;
  const found = [...new Set(values)];
  if (period === undefined) {
    if (found.length <= 1) return frame;
    throw new ParkscoreError({ code: "data.periods", file: frame.origin.file, column, message: `the file holds ${found.length} periods (${found.slice(0, 8).join(", ")}${found.length > 8 ? ", …" : ""})`, fix: "choose one with --period" });
  }
  const rows: number[] = [];
  values.forEach((v, i) => v === period && rows.push(i));
  if (rows.length === 0)
    throw new ParkscoreError({ code: "data.periods", file: frame.origin.file, column, message: `no rows for period ${period}; the file holds ${found.slice(0, 8).join(", ")}`, fix: "check --period" });
  return selectRows(frame, Int32Array.from(rows));
}
