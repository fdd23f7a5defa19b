/**
 * A period delivered by department: the latest revision of each of the scheme's sources
 * (periods/P/sources/ID/), read typed and merged over the participant list (engine/intake/merge.ts).
 * What scoring reads is the merge, as a frame; what runs record is the merge's revision, which names
 * the revision and sha256 of every source used.
 */
import { join } from "node:path";
import { ParkscoreError, type Problem } from "../errors.js";
import { sha256 } from "../hash.js";
import { readArrow } from "../data/arrow.js";
import type { Frame } from "../data/frame.js";
import { readFrame } from "../data/read.js";
import { arrowBytes } from "../data/write-arrow.js";
import { mergeSources, type Merged, type SourceTable } from "../intake/merge.js";
import { missingColumns, sourceReadSpec } from "../intake/read-spec.js";
import { schemeColumns } from "../scheme/columns.js";
import type { DepartmentSource, Scheme } from "../scheme/types.js";
import type { Revision, SourceUse } from "./dataset.js";
import { deliveredRow } from "./source-rows.js";

/** The latest revision of each source, by id; undefined for a source the period has no file of. */
export type LatestSources = ReadonlyMap<string, Revision | undefined>;

/**
 * The record of the merge of the sources' latest revisions: its number grows with every revision
 * imported (the sum of the sources' revision numbers), its sha256 fingerprints which revision of
 * which source, and `sources` lists them. A period with no file at all has no data.
 */
export function mergedRevision(dir: string, period: string, scheme: Scheme, latest: LatestSources): Revision {
  const used: SourceUse[] = [];
  let bytes = 0;
  let newest: Revision | undefined;
  for (const d of scheme.departments) {
    const r = latest.get(d.id);
    if (!r) continue;
    used.push({ source: d.id, revision: r.revision, file: r.file, sha256: r.sha256, rows: r.rows, delivered: r.source.name });
    bytes += r.source.bytes;
    if (!newest || r.importedAt > newest.importedAt) newest = r;
  }
  if (!newest)
    throw new ParkscoreError({
      code: "store.no-period",
      file: dir,
      message: `no department file for period ${period} yet`,
      fix: `import the participant list first: parkscore import ${dir} --period ${period} --source ${scheme.departments.find((d) => d.participants)!.id} FILE`,
    });
  const fingerprint = sha256(used.map((u) => `${u.source} ${u.revision} ${u.sha256}\n`).join(""));
  const folder = join("periods", period, "sources");
  const participants = used.find((u) => scheme.departments.find((d) => d.id === u.source)?.participants);
  return {
    period,
    revision: used.reduce((n, u) => n + u.revision, 0),
    file: folder,
    sha256: fingerprint,
    rows: participants?.rows ?? 0,
    source: { name: used.map((u) => `${u.delivered} (${u.source} r${u.revision})`).join(", "), stored: folder, sha256: fingerprint, bytes },
    importedAt: newest.importedAt,
    importedBy: newest.importedBy,
    scheme: scheme.hash,
    parkscore: newest.parkscore,
    sources: used,
  };
}

/** The merge of the period's sources as read for the intake report: nothing is refused, everything is told. */
export interface PeriodMerge {
  merged: Merged;
  /** The sources the scheme requires that the period has no file of. */
  missing: DepartmentSource[];
  revision: Revision;
}

export async function mergePeriod(dir: string, period: string, scheme: Scheme, latest: LatestSources): Promise<PeriodMerge> {
  const revision = mergedRevision(dir, period, scheme, latest);
  const cols = schemeColumns(scheme);
  const numeric = new Set(cols.numeric);
  const text = new Set(cols.text);
  const sources: { source: DepartmentSource; table?: SourceTable }[] = [];
  for (const source of scheme.departments) {
    const r = latest.get(source.id);
    sources.push({ source, table: r && (await readSourceTable(dir, source, r, numeric, text)) });
  }
  const list = sources.find((s) => s.source.participants)!;
  const missing = scheme.departments.filter((d) => d.required && !latest.get(d.id));
  if (!list.table) return { merged: { codes: [], listRows: [], columns: [], coverage: [], problems: [], warnings: [] }, missing, revision };
  return { merged: mergeSources(scheme.id, list.table, sources, new Set(scheme.usccOverrides)), missing, revision };
}

/**
 * The period's table for scoring: refused when a required source has no file (naming them) or the
 * merge found problems; its warnings (gaps, codes not on the list, invalid codes) go with the frame.
 */
export async function readMergedPeriod(dir: string, period: string, scheme: Scheme, latest: LatestSources, also: readonly string[] = []): Promise<{ frame: Frame; revision: Revision }> {
  const { merged, missing, revision } = await mergePeriod(dir, period, scheme, latest);
  if (missing.length)
    throw new ParkscoreError(
      missing.map((d) => ({
        code: "store.missing-source",
        file: dir,
        message: `period ${period} cannot be scored: it has no file from source ${d.id} (${d.label.zh} / ${d.label.en}), which the scheme requires`,
        fix: `import it: parkscore import ${dir} --period ${period} --source ${d.id} FILE${d.participants ? "" : ` (or mark the source required: false in ${scheme.file}, ${d.path})`}`,
      })),
    );
  if (merged.problems.length) throw new ParkscoreError(merged.problems);
  const list = revision.sources!.find((u) => u.source === scheme.departments.find((d) => d.participants)!.id)!;
  return { frame: mergedFrame(merged, scheme, `period ${period} merged from the departments' files (rows of ${list.delivered})`, also), revision };
}

/**
 * The merge as the frame scoring reads, with the merge's warnings; `label` names it in messages.
 * `also`: number columns beyond the scheme's to keep, when a source maps them.
 */
export function mergedFrame(merged: Merged, scheme: Scheme, label: string, also: readonly string[] = []): Frame {
  const cols = schemeColumns(scheme);
  const extra = also.filter((c) => !cols.numeric.includes(c) && merged.columns.some((x) => x.name === c && x.type === "number"));
  const frame = readArrow(arrowBytes(merged.columns), label, { ...cols, numeric: [...cols.numeric, ...extra], headerMap: {} });
  // Scoring's messages name an enterprise's row by its row in the participant list.
  return { ...frame, origin: { ...frame.origin, rows: Int32Array.from(merged.listRows) }, warnings: [...(frame.warnings ?? []), ...merged.warnings] };
}

/** A source's file, read, as the merge takes it; `row` gives the delivered file's row of a table row. */
export function sourceTable(source: DepartmentSource, file: string, frame: Frame, row: (i: number) => number): SourceTable {
  const values = new Map<string, Float64Array | string[]>([...frame.texts, ...frame.numbers, ...(frame.rest ?? [])]);
  return { source, file, nrows: frame.nrows, codes: frame.texts.get(source.key)!, row, values };
}

/** One stored revision of a source, typed as the scheme reads it; a header it lacks is named with the import that adds it. */
async function readSourceTable(dir: string, source: DepartmentSource, r: Revision, numeric: ReadonlySet<string>, text: ReadonlySet<string>): Promise<SourceTable> {
  const spec = sourceReadSpec(source, numeric, text);
  let frame: Frame;
  try {
    frame = await readFrame(join(dir, r.file), spec);
  } catch (e) {
    if (!(e instanceof ParkscoreError)) throw e;
    throw new ParkscoreError(e.problems.map((p) => storedProblem(p, dir, source, r)), e.omitted);
  }
  const missing = missingColumns(source, frame);
  if (missing.length) throw new ParkscoreError(missing.map((p) => storedProblem(p, dir, source, r)));
  return sourceTable(source, r.source.name, frame, (i) => deliveredRow(r.sourceRows, i));
}

/** A problem of a stored revision said as the department's file's, with the import that mends it. */
function storedProblem(p: Problem, dir: string, source: DepartmentSource, r: Revision): Problem {
  const again = `parkscore import ${dir} --period ${r.period} --source ${source.id} FILE`;
  if (p.code === "data.missing-column")
    return { ...p, file: r.source.name, message: `revision ${r.revision} of source ${source.id} has no column "${p.column}", which the scheme (${source.path}) reads`, fix: `import a file that has it: ${again}; or correct the header under ${source.path}` };
  return { ...p, file: `${r.source.name} (revision ${r.revision} of source ${source.id}, stored as ${join(dir, r.file)})`, fix: `${p.fix ? `${p.fix}; then ` : ""}import the corrected file: ${again}` };
}
