/**
 * `import DIR --period P --source ID FILE`: a department's file, checked against what the scheme
 * reads of it (its key, its columns, numbers where a rule adds them up, shares within 0..1) and
 * stored whole as the next revision of that source for the period — append-only and atomic, as a
 * period's revisions are. Then the period is merged again, so the import can say at once how the
 * file covers the participant list.
 */
import { basename } from "node:path";
import { ParkscoreError, type Problem } from "../errors.js";
import type { Frame, ReadOptions } from "../data/frame.js";
import { sourceRow } from "../data/frame.js";
import { readFrame } from "../data/read.js";
import type { Coverage } from "../intake/merge.js";
import { missingColumns, sourceReadSpec } from "../intake/read-spec.js";
import { sharesOutOfRange } from "../intake/shares.js";
import { schemeColumns } from "../scheme/columns.js";
import { NUMERIC_RULES } from "../scheme/sources.js";
import type { DepartmentSource, Scheme } from "../scheme/types.js";
import { checkPeriod, latestSources, listPeriods, openDataset, shellWord, storeRevision, type Imported } from "./dataset.js";
import { withLock } from "./lock.js";
import { mergePeriod } from "./merged-period.js";
import { hashFile } from "./provenance.js";

export interface ImportedSource extends Imported {
  source: DepartmentSource;
  /** How the file covers the participant list, once stored (undefined until the period has a participant list). */
  coverage?: Coverage;
  /** What merging the period with this file found wrong (a code repeated without a combine rule…), or why it could not be merged yet. */
  problems: Problem[];
}

export async function importSource(dir: string, period: string, id: string, file: string, opts: ReadOptions = {}): Promise<ImportedSource> {
  checkPeriod(period, listPeriods(dir));
  const { scheme } = openDataset(dir);
  const source = schemeSource(scheme, id, dir);
  const frame = await readSource(file, source, scheme, opts);
  const fileSha256 = await hashFile(file);
  const { revision, swept } = await withLock(dir, `import ${period} ${id}`, (swept) => ({
    revision: storeRevision(dir, { period, department: id, file, frame, fileSha256, scheme: scheme.hash, warnings: [...(frame.warnings ?? [])] }),
    swept,
  }));
  try {
    const { merged } = await mergePeriod(dir, period, scheme, latestSources(dir, period, scheme));
    const name = basename(file);
    return { revision, swept, source, coverage: merged.coverage.find((c) => c.source.id === id), problems: merged.problems.filter((p) => p.file === name) };
  } catch (e) {
    if (!(e instanceof ParkscoreError)) throw e;
    return { revision, swept, source, problems: e.problems };
  }
}

/** The scheme's source of that id; an unknown id, or a scheme without sources, is the user's to fix. */
function schemeSource(scheme: Scheme, id: string, dir: string): DepartmentSource {
  if (scheme.departments.length === 0)
    throw new ParkscoreError({
      code: "store.no-sources",
      file: scheme.file,
      path: "sources",
      message: `the scheme lists no department sources, so there is no source "${id}" to import`,
      fix: `import the period's merged file without --source (parkscore import ${shellWord(dir)} --period P FILE), or describe the departments' files under the scheme's sources: (docs/scheme.md)`,
    });
  const source = scheme.departments.find((d) => d.id === id);
  if (source) return source;
  throw new ParkscoreError({
    code: "store.unknown-source",
    file: scheme.file,
    path: "sources",
    value: id,
    message: `the scheme has no source "${id}"; its sources are ${scheme.departments.map((d) => d.id).join(", ")}`,
    fix: "give --source one of these ids, or add the source to the scheme's sources:",
  });
}

/** The file read as the scheme reads the source; every problem said in the source's terms. */
export async function readSource(file: string, source: DepartmentSource, scheme: Scheme, opts: ReadOptions): Promise<Frame> {
  const cols = schemeColumns(scheme);
  const spec = sourceReadSpec(source, new Set(cols.numeric), new Set(cols.text));
  let frame: Frame;
  try {
    frame = await readFrame(file, spec, opts);
  } catch (e) {
    if (!(e instanceof ParkscoreError)) throw e;
    throw new ParkscoreError(e.problems.map((p) => sourceProblem(p, source)), e.omitted);
  }
  const missing = missingColumns(source, frame);
  if (missing.length) throw new ParkscoreError(missing.map((p) => sourceProblem(p, source)));
  const share = source.share && "header" in source.share ? source.share.header : undefined;
  if (share !== undefined) {
    const values = frame.numbers.get(share)!;
    const bad = sharesOutOfRange(values);
    if (bad.length)
      throw new ParkscoreError(
        bad.map((i) => ({ code: "intake.share-range", file, row: sourceRow(frame, i), column: share, value: String(values[i]), message: "a share of a parcel is between 0 and 1", fix: "write the enterprise's share as a fraction (0.4 for 40 %), or leave the cell empty for an unshared parcel" })),
      );
  }
  return frame;
}

/** A reading problem with what the scheme expects of the column. */
function sourceProblem(p: Problem, source: DepartmentSource): Problem {
  if (p.code === "data.missing-column") {
    const role = p.column === source.key ? `the key (credit code) column of source ${source.id} (${source.path}.key)` : `a column source ${source.id} reads (${source.path})`;
    return { ...p, message: `${p.message}; it is ${role}`, fix: `deliver the file with this header, or write the file's own header in the scheme (${source.path})` };
  }
  const column = source.columns.find((c) => c.header === p.column);
  if (p.code === "data.not-a-number" && column?.combine !== undefined && NUMERIC_RULES.has(column.combine))
    return { ...p, message: `${p.message}, and source ${source.id} combines this column by ${column.combine}, which needs numbers`, fix: `${p.fix}; or combine the column by first, count or any (${column.path})` };
  return p;
}
