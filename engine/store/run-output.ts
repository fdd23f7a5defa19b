/**
 * The files of one scoring run — scores.csv, scores.arrow, weights.csv, manifest.json — written
 * into a folder that appears whole. The tables are written as they are made, never whole in memory,
 * and hashed as they are written; the manifest, last, records everything the run used (scheme hash,
 * input hashes, versions) and the hash of every output, so a ranking can be reproduced.
 */
import type { Warning } from "../errors.js";
import type { OutputColumn } from "../data/table.js";
import { arrowStream } from "../data/write-arrow.js";
import { csvStream } from "../data/write-csv.js";
import type { Lang, Scheme } from "../scheme/types.js";
import { resultTable } from "../score/table.js";
import type { PeriodResult } from "../score/types.js";
import { replaceFolder, type Staging } from "./atomic.js";
import { versions, type Versions } from "./provenance.js";

export interface InputRecord {
  file: string;
  sha256: string;
  bytes: number;
  rows: number;
}

export interface RunManifest extends Versions {
  command: string;
  created: string;
  period: string | null;
  scheme: { file: string; sha256: string; id: string; name: string; weighting: string; aggregation: string; grading: string };
  inputs: InputRecord[];
  options: Record<string, unknown>;
  counts: { enterprises: number; graded: number; "not-graded": number; excluded: number; vetoed: number; grades: Record<string, number> };
  weights: PeriodResult["weights"];
  /** What the weighting and grading methods found: entropies, AHP consistency, the Probit fit… */
  weighting: PeriodResult["weightingNotes"];
  /** Every value changed by outlier treatment. */
  treated: PeriodResult["treated"];
  outputs: Record<string, string>;
  warnings: Warning[];
}

export interface RunOutputRequest {
  result: PeriodResult;
  scheme: Scheme;
  inputs: InputRecord[];
  period?: string;
  command: string;
  options?: Record<string, unknown>;
  lang?: Lang;
  /** Warnings from loading the scheme and reading the data, before scoring. */
  warnings?: Warning[];
}

/**
 * Writes the run's files into `s`: the tables first, then the manifest with their hashes (and
 * `extra`, such as a stored run's id and revision). Returns the manifest.
 */
export function writeRunFiles<X extends object = object>(s: Staging, req: RunOutputRequest, extra?: X): RunManifest & X {
  const { result, scheme } = req;
  const table = resultTable(result, req.lang ?? "zh");
  const outputs = s.write([
    { name: "scores.csv", data: csvStream(table, result.n) },
    { name: "scores.arrow", data: arrowStream(table) },
    { name: "weights.csv", data: csvStream(weightsTable(result), result.weights.length) },
  ]);
  const manifest = {
    ...versions(),
    command: req.command,
    created: new Date().toISOString(),
    period: req.period ?? null,
    scheme: {
      file: scheme.file,
      sha256: scheme.hash,
      id: scheme.id,
      name: scheme.name,
      weighting: scheme.weighting.method,
      aggregation: scheme.aggregation.method,
      grading: scheme.grading.method,
    },
    inputs: req.inputs,
    options: req.options ?? {},
    counts: counts(result, scheme.grading.grades),
    weights: result.weights,
    weighting: result.weightingNotes,
    treated: result.treated,
    outputs,
    warnings: [...(req.warnings ?? []), ...result.warnings],
    ...extra,
  } as RunManifest & X;
  s.write([{ name: "manifest.json", data: JSON.stringify(manifest, typedArraysAsLists, 2) + "\n" }]);
  return manifest;
}

/** Replaces the folder `dir` with the run's files. */
export async function writeRun(dir: string, req: RunOutputRequest): Promise<RunManifest> {
  return replaceFolder(dir, (s) => writeRunFiles(s, req));
}

/** JSON has no typed arrays: method diagnostics (correlations, Probit tables) are written as lists. */
export function typedArraysAsLists(_key: string, value: unknown): unknown {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as Float64Array) : value;
}

function weightsTable(result: PeriodResult): OutputColumn[] {
  const w = result.weights;
  return [
    { name: "indicator", type: "text", values: w.map((x) => x.indicator) },
    { name: "weight", type: "number", values: Float64Array.from(w, (x) => x.weight) },
    { name: "category", type: "text", values: w.map((x) => x.category ?? "") },
    { name: "category_weight", type: "number", values: Float64Array.from(w, (x) => x.categoryWeight) },
    { name: "local_weight", type: "number", values: Float64Array.from(w, (x) => x.localWeight) },
    // A combination also shows each combined weighting's own final weight.
    ...Object.keys(w[0]?.components ?? {}).map((k): OutputColumn => ({ name: `weight.${k}`, type: "number", values: Float64Array.from(w, (x) => x.components![k]) })),
  ];
}

function counts(r: PeriodResult, grades: string[]): RunManifest["counts"] {
  const c: RunManifest["counts"] = { enterprises: r.n, graded: 0, "not-graded": 0, excluded: 0, vetoed: 0, grades: Object.fromEntries(grades.map((g) => [g, 0])) };
  for (let i = 0; i < r.n; i++) {
    c[r.status[i]]++;
    if (r.vetoed[i]) c.vetoed++;
    if (r.grade[i]) c.grades[r.grade[i]]++;
  }
  return c;
}
