/**
 * Reading what a report needs from a dataset: the period's full result (engine/store/results.ts)
 * and the scores of every earlier period (engine/store/window.ts: the run that counts for each, or
 * the stored data scored in memory, said in a note), and the land contracts in breach
 * (engine/store/contracts.ts) for the watch list, and how robust the grades are when the scheme
 * declares what is uncertain (robustness.ts).
 */
import { ParkscoreError } from "../errors.js";
import { contractBreaches, type CommitmentReport } from "../store/contracts.js";
import { openDataset } from "../store/dataset.js";
import { periodResult } from "../store/results.js";
import { loadWindow, periodsBetween } from "../store/window.js";
import { STRINGS } from "./i18n.js";
import { buildReportModel, type ReportModel, type ReportOptions } from "./model.js";
import { gradeRobustness } from "./robustness.js";

export async function loadReport(dir: string, period: string, options: ReportOptions = {}): Promise<ReportModel> {
  const { scheme } = openDataset(dir);
  const stored = await periodResult(dir, period, scheme);
  const earlier = periodsBetween(dir, undefined, period).filter((p) => p !== period);
  const notes: string[] = [];
  const window = earlier.length ? await loadWindow(dir, scheme, earlier, notes) : [];
  const commitments = await landContracts(dir, period);
  const t = STRINGS[options.lang ?? "zh"];
  const robustness = await gradeRobustness(stored.frame, scheme, { title: t.robustnessChart, axis: t.robustnessAxis, legend: t.robustnessLegend });
  if (commitments) notes.push(...commitments.notes);
  return buildReportModel(
    { period, scheme, revision: stored.revision, result: stored.result, run: stored.run?.id, history: window.map((w) => w.scores), notes, breaches: commitments?.breaches, robustness },
    options,
  );
}

/** The period's land-contract assessment, when the dataset has contracts (none is not an error here). */
async function landContracts(dir: string, period: string): Promise<CommitmentReport | undefined> {
  try {
    return await contractBreaches(dir, period);
  } catch (e) {
    if (e instanceof ParkscoreError && e.problems.every((p) => p.code === "contracts.none" || p.code === "commitments.period")) return undefined;
    throw e;
  }
}
