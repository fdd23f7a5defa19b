/**
 * How each enterprise moved from period to period: rank change, grade change, score trend and how
 * long it has stayed in its grade (docs/methods.md §1, §4). One set of typed columns per period, aligned
 * with the panel's enterprises.
 *
 * Conventions:
 *  - rankChange = previous rank − current rank: positive = moved up (rank 5 → 2 is +3). NaN when the
 *    enterprise is not ranked (absent or not graded, rank 0) in either period, and in the first period.
 *    Ranks are competition ranks (rank.ts), so a tie moves everyone in it alike.
 *  - gradeChange = index(previous grade) − index(current grade), indices in `grades` (best first):
 *    +1 = one grade better (B → A), −1 = one grade worse (A → B), 0 = unchanged; the same sign as
 *    rankChange. NaN when not graded in either period. `previousGrade` is the grade in the period
 *    before ('' when none).
 *  - trend = least-squares slope of the score against the period index (0 = the panel's first
 *    period), over the scored periods among the last `window` periods ending at this one (default:
 *    all periods up to it): Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², the means taken first — the arithmetic of
 *    simple-statistics `linearRegression`, step for step, run over all enterprises at once. Periods
 *    the enterprise lacks are skipped, not filled, so the x values keep their real spacing. NaN with
 *    fewer than 2 points (linearRegression would return 0 for one point), and NaN where the
 *    enterprise has no score in this period itself (an exited firm has no trend "now").
 *  - runLength = how many consecutive periods, ending at this one, the enterprise has had its
 *    current grade: 1 in its first period in that grade, 0 where it is not graded. Absence or a
 *    not-graded period breaks the run. Periods are taken to be consecutive (one panel period = one
 *    evaluation year, as the Shandong surcharge counts years); a panel with a missing year would
 *    bridge it.
 */
import { DynamicError } from "./errors.js";
import type { Panel } from "./panel.js";

export interface PeriodMovement {
  period: string;
  /** Previous rank − current rank (positive = up); NaN when unranked in either. */
  rankChange: Float64Array;
  /** Index(previous grade) − index(current grade) (positive = better); NaN when ungraded in either. */
  gradeChange: Float64Array;
  /** The grade in the previous period ('' when none). */
  previousGrade: string[];
  /** Score slope per period over the window; NaN with fewer than 2 scored periods. */
  trend: Float64Array;
  /** Consecutive periods ending here in the current grade; 0 when not graded here. */
  runLength: Int32Array;
}

export interface Movement {
  ids: string[];
  periods: PeriodMovement[];
}

export interface MovementOptions {
  /** Periods in the trend window, ending at each period (≥ 2). Default: all periods so far. */
  window?: number;
}

/** Per-period movement columns of a panel; `grades` best first (e.g. ["A", "B", "C", "D"]). */
export function movement(panel: Panel, grades: readonly string[], options: MovementOptions = {}): Movement {
  const window = options.window ?? Infinity;
  if (!(window >= 2) || (window !== Infinity && !Number.isInteger(window)))
    throw new DynamicError(`movement: the trend window must be a whole number of periods ≥ 2, not ${window}`);
  const gradeIndex = gradeIndices(panel, grades);
  const n = panel.ids.length;
  const p = panel.periods.length;
  const out: PeriodMovement[] = [];
  let prevRun = new Int32Array(n);
  const scratch = new TrendSums(n);
  for (let k = 0; k < p; k++) {
    const rankChange = new Float64Array(n).fill(NaN);
    const gradeChange = new Float64Array(n).fill(NaN);
    const previousGrade: string[] = k > 0 ? panel.grade[k - 1].slice() : new Array<string>(n).fill("");
    const runLength = new Int32Array(n);
    const gk = gradeIndex[k];
    if (k > 0) {
      rankDelta(panel.rank[k - 1], panel.rank[k], rankChange);
      gradeDelta(gradeIndex[k - 1], gk, gradeChange);
      runs(gradeIndex[k - 1], gk, prevRun, runLength);
    } else for (let i = 0; i < n; i++) runLength[i] = gk[i] >= 0 ? 1 : 0;
    prevRun = runLength;
    out.push({ period: panel.periods[k], rankChange, gradeChange, previousGrade, trend: trends(panel.score, k, window, scratch), runLength });
  }
  return { ids: panel.ids, periods: out };
}

/** Grade indices per period (best = 0; −1 where not graded); unknown grades are an error. */
export function gradeIndices(panel: Panel, grades: readonly string[]): Int32Array[] {
  const index = new Map<string, number>();
  grades.forEach((g, i) => {
    if (g === "") throw new DynamicError("grades: '' is how the panel marks 'not graded'; it cannot be a grade");
    if (index.has(g)) throw new DynamicError(`grades: "${g}" is listed twice`);
    index.set(g, i);
  });
  if (index.size === 0) throw new DynamicError("grades: the list of grades (best first) is empty");
  return panel.grade.map((col, k) => {
    const out = new Int32Array(col.length);
    // Grades repeat: the last one looked up is remembered ('' is −1, not graded).
    let last = "", at = -1;
    for (let i = 0; i < col.length; i++) {
      const g = col[i];
      if (g !== last) {
        const v = index.get(g);
        if (v === undefined) {
          if (g !== "") throw new DynamicError(`period ${panel.periods[k]}: enterprise ${panel.ids[i]} has grade "${g}", which is not among the grades given (${grades.join(", ")})`);
          at = -1;
        } else at = v;
        last = g;
      }
      out[i] = at;
    }
    return out;
  });
}

function rankDelta(prev: Int32Array, cur: Int32Array, out: Float64Array): void {
  for (let i = 0; i < cur.length; i++) if (prev[i] > 0 && cur[i] > 0) out[i] = prev[i] - cur[i];
}

function gradeDelta(prev: Int32Array, cur: Int32Array, out: Float64Array): void {
  for (let i = 0; i < cur.length; i++) if (prev[i] >= 0 && cur[i] >= 0) out[i] = prev[i] - cur[i];
}

function runs(prev: Int32Array, cur: Int32Array, prevRun: Int32Array, out: Int32Array): void {
  for (let i = 0; i < cur.length; i++) out[i] = cur[i] < 0 ? 0 : cur[i] === prev[i] ? prevRun[i] + 1 : 1;
}

/**
 * The `trend` column of {@link movement} for period k alone: least-squares slopes of the scores
 * (`score[t][i]`, NaN where none) against t over the window ending at k.
 */
export function scoreTrend(score: readonly Float64Array[], k: number, window = Infinity): Float64Array {
  return trends(score, k, window, new TrendSums(score[k].length));
}

/** Per-enterprise sums of the least-squares fit, reused from period to period. */
class TrendSums {
  readonly count: Float64Array;
  readonly sumX: Float64Array;
  readonly sumY: Float64Array;
  readonly sumXY: Float64Array;
  readonly sumXX: Float64Array;
  constructor(n: number) {
    this.count = new Float64Array(n);
    this.sumX = new Float64Array(n);
    this.sumY = new Float64Array(n);
    this.sumXY = new Float64Array(n);
    this.sumXX = new Float64Array(n);
  }
}

/** Least-squares slopes over the window ending at period k (two passes over the periods, as linearRegression). */
function trends(score: readonly Float64Array[], k: number, window: number, acc: TrendSums): Float64Array {
  const n = score[k].length;
  const out = new Float64Array(n);
  const from = window === Infinity ? 0 : Math.max(0, k - window + 1);
  acc.count.fill(0);
  acc.sumX.fill(0);
  acc.sumY.fill(0);
  acc.sumXY.fill(0);
  acc.sumXX.fill(0);
  for (let t = from; t <= k; t++) addPoints(score[t], t, acc.count, acc.sumX, acc.sumY);
  // sumX, sumY become the means x̄, ȳ.
  means(acc.count, acc.sumX, acc.sumY);
  for (let t = from; t <= k; t++) addDeviations(score[t], t, acc.sumX, acc.sumY, acc.sumXY, acc.sumXX);
  slopes(score[k], acc.count, acc.sumXY, acc.sumXX, out);
  return out;
}

function addPoints(y: Float64Array, x: number, count: Float64Array, sumX: Float64Array, sumY: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v !== v) continue;
    count[i]++;
    sumX[i] += x;
    sumY[i] += v;
  }
}

function means(count: Float64Array, sumX: Float64Array, sumY: Float64Array): void {
  for (let i = 0; i < count.length; i++) {
    const c = count[i];
    sumX[i] = sumX[i] / c;
    sumY[i] = sumY[i] / c;
  }
}

function addDeviations(y: Float64Array, x: number, meanX: Float64Array, meanY: Float64Array, sumXY: Float64Array, sumXX: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v !== v) continue;
    const dx = x - meanX[i];
    sumXY[i] += dx * (v - meanY[i]);
    sumXX[i] += dx * dx;
  }
}

/** sumXY/sumXX where the enterprise is scored in the last period and has at least 2 points, else NaN. */
function slopes(last: Float64Array, count: Float64Array, sumXY: Float64Array, sumXX: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = last[i] === last[i] && count[i] >= 2 ? sumXY[i] / sumXX[i] : NaN;
}

/** A period given by its index in the panel (0 = oldest) or by its label. */
export function periodIndex(panel: Panel, period: number | string): number {
  if (typeof period === "number") {
    if (!Number.isInteger(period) || period < 0 || period >= panel.periods.length)
      throw new DynamicError(`period index ${period} is outside the panel's ${panel.periods.length} periods (0 = ${panel.periods[0] ?? "none"})`);
    return period;
  }
  const k = panel.periods.indexOf(period);
  if (k < 0) throw new DynamicError(`period "${period}" is not in the panel (${panel.periods.join(", ")})`);
  return k;
}
