/**
 * Grades. `quotas` assign by rank percentile within the graded population (Huai'an: A top 20%,
 * B 20–60%, C 60–95%, D bottom 5%; DOMAIN.md §2): an enterprise of rank r among m gets the first
 * grade whose cumulative share exceeds (r − 1)/m, the share of enterprises strictly ahead of it —
 * so equal scores, which share a rank, always share a grade. `bands` give the first grade whose
 * lowest score is reached.
 */
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
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const ahead = rank[i] - 1;
    let j = 0;
    while (ahead >= cut[j]) j++;
    out[i] = g.grades[j];
  }
}

export function bandGrades(score: Float64Array, rows: Int32Array, g: Extract<Grading, { method: "bands" }>, out: string[]): void {
  const last = g.grades.length - 1;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    let j = 0;
    while (j < last && !(score[i] >= g.bands[j])) j++;
    out[i] = g.grades[j];
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
