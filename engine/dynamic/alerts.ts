/**
 * Warnings for leadership at one period (docs/methods.md §1, §4):
 *
 *  - "grade-fell": graded in this period and the one before, and the grade is worse now (a grade
 *    further down the list `grades`, best first). Not raised for an enterprise absent or ungraded in
 *    the previous period (there is nothing to fall from).
 *  - "score-falling": the score fell strictly in each of the last N periods, N = `fallingPeriods`
 *    (default 3): S_{k−N} > S_{k−N+1} > … > S_k, which needs a score in all N + 1 periods (a gap or a
 *    tie breaks the series). Fewer than N + 1 periods in the panel so far: no alert.
 *  - "repeated-worst": in the worst grade (the last of `grades`) for `worstRun` (default 2) or more
 *    consecutive periods ending at this one; the detail gives the run length and the electricity
 *    surcharge step that run reaches under the schedule given (default SHANDONG_D_SURCHARGE): the
 *    step for min(run, number of steps) years — the highest applicable step, steps do not add up.
 *    Panel periods are taken to be consecutive evaluation years.
 *
 * Alerts come in panel order of the enterprises, and per enterprise in the order above.
 */
import { DynamicError } from "./errors.js";
import { gradeIndices, periodIndex } from "./movement.js";
import type { Panel } from "./panel.js";

/** Surcharge after 1, 2, 3… consecutive years in the worst grade; the last step applies to every longer run. */
export interface SurchargeSchedule {
  steps: readonly number[];
  unit: string;
  /** Where the numbers come from. */
  source: string;
}

/**
 * Shandong's differentiated electricity price for D-class (落后整治) enterprises of the per-mu benefit
 * evaluation: +0.05 / 0.10 / 0.15 yuan/kWh after 1 / 2 / 3 or more consecutive years in D; the
 * highest applicable step is charged, steps are not stacked. Provenance: docs/methods.md §1
 * ("Consequences"), the project's summary of Shandong's 亩产效益 evaluation policy; the policy text
 * itself is not quoted here, so check the current provincial document before relying on the amounts.
 */
export const SHANDONG_D_SURCHARGE: SurchargeSchedule = {
  steps: [0.05, 0.1, 0.15],
  unit: "yuan/kWh",
  source: "Shandong differentiated electricity price for D-class enterprises (docs/methods.md §1)",
};

export type AlertKind = "grade-fell" | "score-falling" | "repeated-worst";

export interface Alert {
  id: string;
  name: string;
  kind: AlertKind;
  /** One readable sentence. */
  detail: string;
  /** grade-fell: the grade before and now; repeated-worst: the worst grade. */
  previousGrade?: string;
  grade?: string;
  /** score-falling: the N + 1 scores, oldest first. */
  scores?: number[];
  /** repeated-worst: consecutive periods in the worst grade, ending at this one. */
  run?: number;
  /** repeated-worst: the surcharge step reached (when a schedule is given). */
  surcharge?: number;
}

export interface AlertOptions {
  /** N for "score-falling" (≥ 1). Default 3. */
  fallingPeriods?: number;
  /** Fewest consecutive periods in the worst grade for "repeated-worst" (≥ 1). Default 2. */
  worstRun?: number;
  /** The surcharge steps to quote; null for none. Default SHANDONG_D_SURCHARGE. */
  surcharge?: SurchargeSchedule | null;
}

/** The alerts at `period` (index, 0 = oldest, or label). */
export function alerts(panel: Panel, period: number | string, grades: readonly string[], options: AlertOptions = {}): Alert[] {
  const fallingPeriods = options.fallingPeriods ?? 3;
  const worstRun = options.worstRun ?? 2;
  const schedule = options.surcharge === undefined ? SHANDONG_D_SURCHARGE : options.surcharge;
  if (!Number.isInteger(fallingPeriods) || fallingPeriods < 1) throw new DynamicError(`alerts: fallingPeriods must be a whole number ≥ 1, not ${fallingPeriods}`);
  if (!Number.isInteger(worstRun) || worstRun < 1) throw new DynamicError(`alerts: worstRun must be a whole number ≥ 1, not ${worstRun}`);
  if (schedule && (schedule.steps.length === 0 || schedule.steps.some((s) => !Number.isFinite(s))))
    throw new DynamicError("alerts: the surcharge schedule needs at least one finite step");
  const k = periodIndex(panel, period);
  const index = gradeIndices(panel, grades);
  const worst = grades.length - 1;
  const periods = panel.periods;
  const out: Alert[] = [];
  for (let i = 0; i < panel.ids.length; i++) {
    const base = { id: panel.ids[i], name: panel.names[i] };
    const g = index[k][i];
    if (k > 0 && g >= 0) {
      const prev = index[k - 1][i];
      if (prev >= 0 && g > prev) {
        const steps = g - prev;
        out.push({
          ...base,
          kind: "grade-fell",
          detail: `grade fell from ${grades[prev]} to ${grades[g]}${steps > 1 ? ` (${steps} grades)` : ""} between ${periods[k - 1]} and ${periods[k]}`,
          previousGrade: grades[prev],
          grade: grades[g],
        });
      }
    }
    const series = fallingSeries(panel.score, k, i, fallingPeriods);
    if (series)
      out.push({
        ...base,
        kind: "score-falling",
        detail: `score fell in each of the last ${fallingPeriods} period${fallingPeriods > 1 ? "s" : ""}: ${series.map(fmt).join(" → ")} (${periods[k - fallingPeriods]} to ${periods[k]})`,
        scores: series,
      });
    if (g === worst) {
      let run = 0;
      for (let t = k; t >= 0 && index[t][i] === worst; t--) run++;
      if (run >= worstRun) {
        const alert: Alert = {
          ...base,
          kind: "repeated-worst",
          detail: `in ${grades[worst]} for ${run} consecutive periods (${periods[k - run + 1]} to ${periods[k]})`,
          grade: grades[worst],
          run,
        };
        if (schedule) {
          const step = schedule.steps[Math.min(run, schedule.steps.length) - 1];
          alert.surcharge = step;
          alert.detail += `; surcharge step +${step} ${schedule.unit} (${schedule.source})`;
        }
        out.push(alert);
      }
    }
  }
  return out;
}

/** The N + 1 scores ending at period k when each is strictly below the one before, else null. */
function fallingSeries(score: readonly Float64Array[], k: number, i: number, n: number): number[] | null {
  if (k < n) return null;
  const s: number[] = [];
  for (let t = k - n; t <= k; t++) {
    const v = score[t][i];
    if (v !== v) return null;
    if (s.length && !(v < s[s.length - 1])) return null;
    s.push(v);
  }
  return s;
}

function fmt(x: number): string {
  return Number(x.toPrecision(6)).toString();
}
