/**
 * Grades. `quotas` assign by rank percentile within the graded population (Huai'an: A top 20%,
 * B 20–60%, C 60–95%, D bottom 5%; docs/methods.md §1): an enterprise of rank r among m gets the first
 * grade whose cumulative share exceeds (r − 1)/m, the share of enterprises strictly ahead of it —
 * so equal scores, which share a rank, always share a grade. `bands` give the first grade whose
 * lowest score is reached.
 */
import { forBlocks } from "../kernels/blocks.js";
import type { Grading } from "../scheme/types.js";
import { naturalBreakGrades } from "./grade-breaks.js";
import { rsrProbitGrades } from "./grade-rsr.js";

/** Tolerance for cumulative shares that do not add up exactly in binary (0.2 + 0.4 ≠ 0.6). */
const EPS = 1e-9;

export function quotaGrades(rank: Int32Array, rows: Int32Array, m: number, g: Extract<Grading, { method: "quotas" }>, out: string[]): void {
  const cut: number[] = [];
  let cum = 0;
  for (const q of g.quotas) cut.push((cum += q) * m - EPS * m);
  cut[cut.length - 1] = Infinity;
  forBlocks(rows.length, (b, e) => quotaRows(rank, rows, cut, g.grades, out, b, e));
}

export function bandGrades(score: Float64Array, rows: Int32Array, g: Extract<Grading, { method: "bands" }>, out: string[]): void {
  forBlocks(rows.length, (b, e) => bandRows(score, rows, g.bands, g.grades, out, b, e));
}

// The loops, each alone in a leaf function called per block of rows (engine/kernels/README.md).

function quotaRows(rank: Int32Array, rows: Int32Array, cut: number[], grades: string[], out: string[], b: number, e: number): void {
  for (let k = b; k < e; k++) {
    const i = rows[k];
    const ahead = rank[i] - 1;
    let j = 0;
    while (ahead >= cut[j]) j++;
    out[i] = grades[j];
  }
}

function bandRows(score: Float64Array, rows: Int32Array, bands: number[], grades: string[], out: string[], b: number, e: number): void {
  const last = grades.length - 1;
  for (let k = b; k < e; k++) {
    const i = rows[k];
    let j = 0;
    while (j < last && !(score[i] >= bands[j])) j++;
    out[i] = grades[j];
  }
}

export interface GradingInput {
  score: Float64Array;
  rank: Int32Array;
  /** The enterprises graded by the rule (not vetoed). */
  rows: Int32Array;
  /** RSR values, for Probit grading. */
  rsr: Float64Array;
}

/** Grades the rows by the scheme's rule; returns what the rule found (breaks, the Probit fit) for the manifest. */
export function assignGrades(g: Grading, input: GradingInput, out: string[]): Record<string, unknown> | undefined {
  switch (g.method) {
    case "quotas":
      quotaGrades(input.rank, input.rows, input.rows.length, g, out);
      return undefined;
    case "bands":
      bandGrades(input.score, input.rows, g, out);
      return undefined;
    case "natural-breaks":
      return { breaks: naturalBreakGrades(input.score, input.rows, g.grades, out) };
    case "rsr-probit": {
      const fit = rsrProbitGrades(input.rsr, input.rows, g.grades, out);
      return { ...fit };
    }
  }
}
