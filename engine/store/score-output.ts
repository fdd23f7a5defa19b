/**
 * `score --scheme S --input F --out DIR`: a file read by a scheme, or a folder of the departments'
 * files merged by the scheme's sources, scored, and written as a run folder (run-output.ts).
 */
import type { Lang, Scheme } from "../scheme/types.js";
import { scorePeriod } from "../score/period.js";
import type { PeriodResult } from "../score/types.js";
import { loadScoringInput } from "./input.js";
import { writeRun, type RunManifest } from "./run-output.js";

export interface ScoreRequest {
  scheme: string;
  input: string;
  out: string;
  period?: string;
  encoding?: string;
  sheet?: string;
  /** Language of the reasons in scores.csv. */
  lang: Lang;
}

export interface ScoreRun {
  scheme: Scheme;
  result: PeriodResult;
  manifest: RunManifest;
}

export async function scoreToFolder(o: ScoreRequest): Promise<ScoreRun> {
  const { scheme, frame, inputs, warnings } = await loadScoringInput(o.scheme, o.input, { period: o.period, encoding: o.encoding, sheet: o.sheet });
  const result = scorePeriod(frame, scheme);
  const manifest = await writeRun(o.out, {
    result,
    scheme,
    inputs,
    period: o.period,
    command: "score",
    options: { encoding: o.encoding ?? null, sheet: o.sheet ?? null, lang: o.lang },
    lang: o.lang,
    warnings,
  });
  return { scheme, result, manifest };
}
