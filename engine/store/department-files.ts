/**
 * A period from its departments' files as delivered, without a dataset: one file per source of the
 * scheme in one folder, named for the source (`land.xlsx`, `power.csv` …), each read and checked as
 * `import --source` reads it and merged over the participant list as a stored period is. This is
 * how `parkscore demo` and `score --input FOLDER` score the demo's department files in one step.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { ParkscoreError, type Warning } from "../errors.js";
import { sourceRow, type Frame } from "../data/frame.js";
import { FORMATS } from "../data/read.js";
import { mergeSources, type SourceTable } from "../intake/merge.js";
import { loadScheme } from "../scheme/load.js";
import type { DepartmentSource, Scheme } from "../scheme/types.js";
import { mergedFrame, sourceTable } from "./merged-period.js";
import { hashFile } from "./provenance.js";
import type { InputRecord } from "./run-output.js";
import { readSource } from "./source-import.js";

export interface DepartmentFilesInput {
  scheme: Scheme;
  frame: Frame;
  /** Every department file read, in the scheme's order of sources. */
  inputs: InputRecord[];
  warnings: Warning[];
}

export async function loadDepartmentFiles(schemeFile: string | Scheme, folder: string): Promise<DepartmentFilesInput> {
  const { scheme, warnings } = typeof schemeFile === "string" ? loadScheme(schemeFile) : { scheme: schemeFile, warnings: [] as Warning[] };
  if (scheme.departments.length === 0)
    throw new ParkscoreError({ code: "store.no-sources", file: scheme.file, path: "sources", message: `${folder} is a folder, and the scheme lists no department sources to find in it`, fix: "give --input the period's merged file, or describe the departments' files under the scheme's sources: (docs/scheme.md)" });
  const files = sourceFiles(folder, scheme);
  const missing = scheme.departments.filter((d) => d.required && !files.has(d.id));
  if (missing.length)
    throw new ParkscoreError(
      missing.map((d) => ({ code: "store.missing-source", file: folder, message: `the folder has no file of source ${d.id} (${d.label.zh} / ${d.label.en}), which the scheme requires`, fix: `put the department's file there as ${d.id}.csv or ${d.id}.xlsx${d.participants ? "" : ` (or mark the source required: false in ${scheme.file}, ${d.path})`}` })),
    );
  const sources: { source: DepartmentSource; table?: SourceTable }[] = [];
  const inputs: InputRecord[] = [];
  for (const source of scheme.departments) {
    const file = files.get(source.id);
    if (file === undefined) {
      sources.push({ source });
      continue;
    }
    const frame = await readSource(file, source, scheme, {});
    warnings.push(...(frame.warnings ?? []));
    sources.push({ source, table: sourceTable(source, basename(file), frame, (i) => sourceRow(frame, i)) });
    inputs.push({ file, sha256: await hashFile(file), bytes: statSync(file).size, rows: frame.nrows });
  }
  const merged = mergeSources(scheme.id, sources.find((s) => s.source.participants)!.table!, sources, new Set(scheme.usccOverrides));
  if (merged.problems.length) throw new ParkscoreError(merged.problems);
  const list = basename(files.get(scheme.departments.find((d) => d.participants)!.id)!);
  const frame = mergedFrame(merged, scheme, `the departments' files of ${basename(folder)} merged (rows of ${list})`);
  return { scheme, frame, inputs, warnings: [...warnings, ...(frame.warnings ?? [])] };
}

/** Each source's file in the folder: the one named for the source's id, with an extension parkscore reads. */
function sourceFiles(folder: string, scheme: Scheme): Map<string, string> {
  const ids = new Set(scheme.departments.map((d) => d.id));
  const found = new Map<string, string[]>();
  for (const f of readdirSync(folder).sort()) {
    const ext = extname(f).toLowerCase();
    const id = f.slice(0, f.length - ext.length);
    if (ids.has(id) && ext in FORMATS) found.set(id, [...(found.get(id) ?? []), join(folder, f)]);
  }
  const twice = [...found].filter(([, fs]) => fs.length > 1);
  if (twice.length)
    throw new ParkscoreError(
      twice.map(([id, fs]) => ({ code: "store.source-twice", file: folder, value: id, message: `the folder holds ${fs.length} files of source ${id}: ${fs.map((f) => basename(f)).join(", ")}`, fix: "keep one file per source in the folder" })),
    );
  return new Map([...found].map(([id, fs]) => [id, fs[0]]));
}
