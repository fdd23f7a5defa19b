/**
 * A dataset on disk: one scheme and its periods, each period a list of revisions, append-only.
 *
 *   DIR/scheme.yaml
 *   DIR/periods/<period>/r0001.arrow         every column of the delivered file, typed (Arrow IPC)
 *   DIR/periods/<period>/r0001.json          who imported what, when, with which hashes, and what scoring it found
 *   DIR/periods/<period>/r0001.source.<ext>  the file exactly as delivered
 *   DIR/runs/<period>/<run-id>/              scores, weights, manifest of each scoring (see runs.ts)
 *
 * Importing a period again adds a revision; nothing is overwritten, so every published ranking can
 * be traced to the exact bytes it was computed from.
 *
 * A revision keeps its columns under the file's own headers and is read through the scheme's
 * `columns:` map of the day, so a scheme that starts using a column every delivered file has scores
 * the stored periods as they are. The columns the scheme reads keep the type it reads them with; the
 * others are numbers when every non-blank cell is one, else text (engine/data/typed.ts). Revisions
 * written before this (no `columns` in their record) hold only the columns their scheme used, under
 * its names, and are read as such.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import { basename, extname, join, relative } from "node:path";
import { MethodError, ParkscoreError, type Problem, type Warning } from "../errors.js";
import { sha256 } from "../hash.js";
import type { Frame, ReadOptions } from "../data/frame.js";
import { readFrame } from "../data/read.js";
import type { OutputColumn } from "../data/table.js";
import { arrowStream } from "../data/write-arrow.js";
import { schemeColumns } from "../scheme/columns.js";
import { loadScheme, type LoadedScheme } from "../scheme/load.js";
import type { Scheme } from "../scheme/types.js";
import { scorePeriod } from "../score/period.js";
import { fileChunks, writeFilesAtomically } from "./atomic.js";
import { loadPeriodInput, withSchemeUse } from "./input.js";
import { mergedRevision, readMergedPeriod } from "./merged-period.js";
import { sourceRowSteps } from "./source-rows.js";
import { withLock } from "./lock.js";
import { versions } from "./provenance.js";
import { SCHEME_TEMPLATE } from "./template.js";
import type { InputRecord } from "./run-output.js";
import type { Swept } from "./temporaries.js";

export interface Revision {
  period: string;
  revision: number;
  /** The stored Arrow file, relative to the dataset. */
  file: string;
  sha256: string;
  rows: number;
  source: { name: string; stored: string; sha256: string; bytes: number };
  importedAt: string;
  importedBy: string;
  /** The scheme the data was validated against. */
  scheme: string;
  parkscore: string;
  /**
   * The columns stored, named by the delivered file's headers. Absent from revisions written before
   * every column was kept: those hold the columns their scheme used, under the scheme's names.
   */
  columns?: string[];
  /** What scoring the period with the scheme found when it was imported: the warnings `score --input` prints. */
  warnings?: Warning[];
  /** A department's file: the scheme's id of its source (periods/P/sources/ID/). */
  department?: string;
  /**
   * Where the stored rows were in the delivered file: [stored row, file row] where the step between
   * them changes (a skipped blank line, a sheet's empty rows); absent when stored row i is file row i + 2.
   */
  sourceRows?: [number, number][];
  /** A period merged from its departments' files: the revision of each one it was merged from (merged-period.ts). */
  sources?: SourceUse[];
}

/** One department file's revision that a merged period used. */
export interface SourceUse {
  source: string;
  revision: number;
  /** The stored Arrow file, relative to the dataset, and its sha256. */
  file: string;
  sha256: string;
  rows: number;
  /** The file as delivered. */
  delivered: string;
}

/** A revision just stored, and the temporaries of dead writers removed on the way. */
export interface Imported {
  revision: Revision;
  swept: Swept;
}

export const schemePath = (dir: string) => join(dir, "scheme.yaml");
const periodsDir = (dir: string) => join(dir, "periods");
const periodDir = (dir: string, period: string) => join(periodsDir(dir), period);
/** Where a period's revisions are: the period's folder, or a department source's folder inside it. */
const revisionsDir = (dir: string, period: string, source?: string) => (source === undefined ? periodDir(dir, period) : join(periodDir(dir, period), "sources", source));
const revisionName = (n: number) => `r${String(n).padStart(4, "0")}`;

/** Creates a dataset: the folder, a commented scheme to edit, and the folders of periods and runs. */
export function initDataset(dir: string): void {
  if (existsSync(schemePath(dir)))
    throw new ParkscoreError({ code: "store.exists", file: dir, message: "is already a parkscore dataset (it has a scheme.yaml)", fix: "choose another folder; nothing was changed" });
  mkdirSync(periodsDir(dir), { recursive: true });
  mkdirSync(join(dir, "runs"), { recursive: true });
  writeFilesAtomically(dir, [{ name: "scheme.yaml", data: SCHEME_TEMPLATE }]);
}

/** Checks that `dir` is a dataset (it has a scheme.yaml) and loads its scheme. */
export function openDataset(dir: string): LoadedScheme {
  if (!existsSync(schemePath(dir)))
    throw new ParkscoreError({ code: "store.not-a-dataset", file: dir, message: "is not a parkscore dataset (no scheme.yaml)", fix: `create one with: parkscore init ${dir}` });
  return loadScheme(schemePath(dir));
}

/** Longest period name: it names folders (periods/P, runs/P) that must fit every file system's limits. */
export const PERIOD_MAX = 64;

/**
 * A period names folders, so its name must be portable: 1–64 ASCII letters, digits, '.', '_' or '-',
 * starting with a letter or digit, not ending with '.', not a name Windows reserves (CON, NUL, COM1…),
 * and not one of the `existing` periods in another case (2025q1 and 2025Q1 are one folder on Windows and macOS).
 */
export function checkPeriod(period: string, existing: readonly string[] = []): string {
  const problem = periodNameProblem(period);
  if (problem)
    throw new ParkscoreError({
      code: "store.period",
      message: `the period name "${period.length > PERIOD_MAX ? `${period.slice(0, 20)}…` : period}" ${problem}`,
      fix: `a period name is 1–${PERIOD_MAX} letters, digits, '.', '_' or '-', starts with a letter or digit and does not end with '.', e.g. 2025, 2025Q1 or 2025-H1`,
    });
  const twin = existing.find((p) => p !== period && p.toLowerCase() === period.toLowerCase());
  if (twin !== undefined)
    throw new ParkscoreError({
      code: "store.period",
      message: `the period name "${period}" differs from the stored period "${twin}" only in case: the two would be one folder on Windows and macOS`,
      fix: `import it as period ${twin}, or give it another name`,
    });
  return period;
}

/** What makes a period name unusable as a folder name everywhere, if anything. */
function periodNameProblem(period: string): string | undefined {
  if (period.length > PERIOD_MAX) return `is ${period.length} characters long, more than ${PERIOD_MAX}`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(period)) return "has characters a folder name cannot portably hold";
  if (period.endsWith(".")) return "ends with '.', which Windows drops from folder names";
  if (/^(CON|PRN|AUX|NUL|COM\d|LPT\d)(\.|$)/i.test(period)) return "is a name Windows reserves for a device";
  return undefined;
}

/** The periods that have data, in order (numeric-aware, so 2025Q10 follows 2025Q9). */
export function listPeriods(dir: string): string[] {
  if (!existsSync(periodsDir(dir))) return [];
  return readdirSync(periodsDir(dir))
    .filter((p) => listRevisions(dir, p).length > 0 || listSources(dir, p).some((id) => listRevisions(dir, p, id).length > 0))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** The department sources a period has files of (their folders under periods/P/sources/). */
export function listSources(dir: string, period: string): string[] {
  const d = join(periodDir(dir, period), "sources");
  return existsSync(d) ? readdirSync(d).sort() : [];
}

/** The revisions of a period's file, or of one department's file for the period, oldest first. */
export function listRevisions(dir: string, period: string, source?: string): Revision[] {
  const d = revisionsDir(dir, period, source);
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .filter((f) => /^r\d{4,}\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(d, f), "utf8")) as Revision);
}

/**
 * The revision of the period that scoring reads: its latest revision, or, when the scheme merges the
 * period from department files, the record of the merge of their latest revisions.
 */
export function latestRevision(dir: string, period: string, scheme: Scheme = openDataset(dir).scheme): Revision {
  if (scheme.departments.length) return mergedRevision(dir, period, scheme, latestSources(dir, period, scheme));
  const all = listRevisions(dir, period);
  if (all.length === 0) {
    const have = listPeriods(dir);
    throw new ParkscoreError({ code: "store.no-period", file: dir, message: `no data for period ${period}${have.length ? `; the dataset has ${have.join(", ")}` : ""}`, fix: `import it with: parkscore import ${dir} --period ${period} FILE` });
  }
  return all[all.length - 1];
}

/**
 * Validates FILE against the dataset's scheme, scores it for the warnings a scoring would give, and
 * stores it as a new revision of the period (every column of the file), together with the file as
 * delivered. Returns the revision record.
 */
export async function importPeriod(dir: string, period: string, file: string, opts: ReadOptions = {}): Promise<Imported> {
  checkPeriod(period, listPeriods(dir));
  const { scheme, warnings: schemeWarnings } = openDataset(dir);
  if (scheme.departments.length)
    throw new ParkscoreError({
      code: "store.sources",
      file,
      message: `the scheme ${scheme.file} merges each period from its departments' files (${scheme.departments.map((d) => d.id).join(", ")}), so a period is not imported as one file`,
      fix: `import each department's file as its source: parkscore import ${shellWord(dir)} --period ${period} --source ${scheme.departments[0].id} FILE`,
    });
  const read = await loadPeriodInput(scheme, file, { ...opts, period: scheme.period ? period : undefined, rest: true });
  const { frame, input } = read;
  const warnings = [...schemeWarnings, ...read.warnings, ...scoringWarnings(frame, scheme)];
  return withLock(dir, `import ${period}`, (swept) => ({ revision: storeRevision(dir, { period, file, frame, fileSha256: input.sha256, scheme: scheme.hash, warnings }), swept }));
}

/** What a new revision is made of. */
export interface RevisionContent {
  period: string;
  /** A department source's id, for a department's file. */
  department?: string;
  /** The file as delivered. */
  file: string;
  frame: Frame;
  fileSha256: string;
  scheme: string;
  warnings: Warning[];
}

/**
 * Stores the frame (every column) and the file as delivered as the next revision of the period or
 * of one of its department sources. To be called holding the dataset's lock.
 */
export function storeRevision(dir: string, c: RevisionContent): Revision {
  const d = revisionsDir(dir, c.period, c.department);
  const rel = relative(dir, d);
  mkdirSync(d, { recursive: true });
  const n = listRevisions(dir, c.period, c.department).reduce((m, r) => Math.max(m, r.revision), 0) + 1;
  const name = revisionName(n);
  const columns = deliveredColumns(c.frame);
  const sourceName = `${name}.source${extname(c.file).toLowerCase()}`;
  const rows = sourceRowSteps(c.frame);
  // The data first: a revision exists only once its data is in place.
  const written = writeFilesAtomically(d, [
    { name: `${name}.arrow`, data: arrowStream(columns) },
    { name: sourceName, data: fileChunks(c.file) },
  ]);
  const revision: Revision = {
    period: c.period,
    ...(c.department === undefined ? {} : { department: c.department }),
    revision: n,
    file: join(rel, `${name}.arrow`),
    sha256: written[`${name}.arrow`],
    rows: c.frame.nrows,
    source: { name: basename(c.file), stored: join(rel, sourceName), sha256: c.fileSha256, bytes: statSync(c.file).size },
    importedAt: new Date().toISOString(),
    importedBy: who(),
    scheme: c.scheme,
    parkscore: versions().parkscore,
    columns: columns.map((col) => col.name),
    ...(rows.length ? { sourceRows: rows } : {}),
    warnings: c.warnings,
  };
  writeFilesAtomically(d, [{ name: `${name}.json`, data: JSON.stringify(revision, null, 2) + "\n" }]);
  return revision;
}

/**
 * What scoring the period finds (score --input prints the same). A period the scheme cannot score
 * is stored all the same — the data passed its checks, and the scheme may change — with the reason.
 */
function scoringWarnings(frame: Frame, scheme: Scheme): Warning[] {
  try {
    return scorePeriod(frame, scheme).warnings;
  } catch (e) {
    if (e instanceof ParkscoreError) return e.problems.map((p) => ({ ...p, message: `the period cannot be scored: ${p.message}` }));
    if (e instanceof MethodError) return [{ code: "import.unscorable", file: scheme.file, message: `the period cannot be scored: ${e.message}` }];
    throw e;
  }
}

/**
 * The period's latest revision as a frame, read straight from Arrow (zero-copy numbers), through the
 * scheme's `columns:` map; a column the revision lacks is reported with the import that adds it.
 */
/**
 * The period's table as scoring reads it. `also`: number columns beyond the scheme's that a merged
 * period keeps when a source maps them (a stored file keeps only what the scheme reads).
 */
export async function readStoredPeriod(dir: string, period: string, opts: { scheme?: LoadedScheme["scheme"]; also?: readonly string[] } = {}): Promise<{ frame: Frame; revision: Revision }> {
  const scheme = opts.scheme ?? openDataset(dir).scheme;
  if (scheme.departments.length) return readMergedPeriod(dir, period, scheme, latestSources(dir, period, scheme), opts.also);
  const revision = latestRevision(dir, period, scheme);
  const cols = schemeColumns(scheme);
  try {
    const frame = await readFrame(join(dir, revision.file), revision.columns ? cols : { ...cols, headerMap: {} });
    return { frame, revision };
  } catch (e) {
    if (!(e instanceof ParkscoreError)) throw e;
    throw new ParkscoreError(
      e.problems.map((p) => (p.code === "data.missing-column" ? withSchemeUse(lacking(p, dir, revision, cols.headerMap), cols.usedBy, scheme.file) : p)),
      e.omitted,
    );
  }
}

/** A column missing from a stored revision: which period and revision lack it, and the import that adds it. */
function lacking(p: Problem, dir: string, r: Revision, headerMap: Record<string, string>): Problem {
  const headers = Object.entries(headerMap).filter(([, to]) => to === p.column).map(([from]) => `"${from}"`);
  const header = headers.length ? ` (header ${headers.join(" or ")})` : "";
  const source = join(dir, r.source.stored);
  return r.columns
    ? {
        ...p,
        message: `period ${r.period}, revision ${r.revision} has no such column${header}: the file delivered for it (${r.source.name}, kept as ${source}) had none; it has ${r.columns.map((c) => `"${c}"`).join(", ")}`,
        fix: `import the period again from a file that has the column: parkscore import ${shellWord(dir)} --period ${r.period} FILE; or, if the file has it under another header, map that header in the scheme's columns:`,
      }
    : {
        ...p,
        message: `period ${r.period}, revision ${r.revision} was stored by an earlier parkscore, which kept only the columns its scheme used then, and not this one${header}`,
        fix: `import the file as delivered again (kept as ${source}), so that every column is stored: parkscore import ${shellWord(dir)} --period ${r.period} ${shellWord(source)}`,
      };
}

/** What a run records of the revision it scored: the stored file, or every department file a merged period was made of (paths relative to the dataset). */
export function revisionInputs(dir: string, r: Revision): InputRecord[] {
  const files = r.sources ?? [{ file: r.file, sha256: r.sha256, rows: r.rows }];
  return files.map((f) => ({ file: f.file, sha256: f.sha256, bytes: statSync(join(dir, f.file)).size, rows: f.rows }));
}

/** The latest revision of each of the scheme's department sources for the period (undefined: none yet). */
export function latestSources(dir: string, period: string, scheme: Scheme): Map<string, Revision | undefined> {
  return new Map(scheme.departments.map((d) => [d.id, listRevisions(dir, period, d.id).at(-1)]));
}

/** A path as one shell word: as it is when it is plain, else single-quoted. */
export function shellWord(s: string): string {
  return /^[\w./@:+,=-]+$/u.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/**
 * The frame as delivered: every column under the file's header for it — the scheme's text columns
 * (a column read both ways keeps its text), its numbers, then the file's other columns, typed.
 */
function deliveredColumns(frame: Frame): OutputColumn[] {
  const header = (name: string) => frame.origin.headers.get(name) ?? name;
  const out = new Map<string, OutputColumn>();
  for (const [name, values] of frame.texts) out.set(header(name), { name: header(name), type: "text", values });
  for (const [name, values] of frame.numbers) if (!out.has(header(name))) out.set(header(name), { name: header(name), type: "number", values });
  for (const [name, values] of frame.rest ?? []) out.set(name, values instanceof Float64Array ? { name, type: "number", values } : { name, type: "text", values });
  return [...out.values()];
}

function who(): string {
  try {
    return process.env.PARKSCORE_USER || userInfo().username;
  } catch {
    return process.env.USER ?? "unknown";
  }
}
