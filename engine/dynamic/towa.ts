/**
 * Time-ordered weighted aggregation of period scores (the TOWA operator of Guo, Yao & Yi, Systems
 * Engineering — Theory & Practice 27(10), 2007, with time weights from time-weights.ts): per
 * enterprise, Σ_k ω_k S_ik over the periods it has a score in, with ω renormalised over exactly
 * those periods (an entrant's two years are weighed against each other as the full vector weighs
 * them, not against periods in which it did not exist; docs/methods.md §4, "unbalanced panels").
 *
 * `dynamicScore` adds a growth term built from period-to-period differences (docs/methods.md §4: ratios
 * misbehave near zero and for negative scores):
 *
 *   level_i  = Σ_{k ∈ K_i} ω_k S_ik / Σ_{k ∈ K_i} ω_k,            K_i = periods with a score
 *   growth_i = Σ_{k ∈ G_i} ω_k G_ik / Σ_{k ∈ G_i} ω_k,  G_ik = S_ik − S_i,k−1,
 *              G_i = periods k with a score in k AND in the immediately preceding period k − 1
 *   score_i  = (1 − α) level_i + α growth_i
 *
 * which is Σ_k ω_k [(1 − α) S_ik + α G_ik] with each part's weights renormalised over the periods
 * where it is defined. The first period an enterprise has carries no growth (there is nothing to
 * difference against): rather than invent G = 0 there, which would pull every entrant's growth
 * towards zero by the weight of its entry year, that period simply does not take part in the growth
 * average. A gap (absent or not graded in k − 1) likewise gives no G_ik: a difference over two
 * periods is not a one-period change and has no single period's weight. With α > 0 an enterprise
 * with no growth period at all (one period, or no two consecutive ones) has no combined score
 * (NaN); with α = 0 the combined score is the level.
 *
 * docs/methods.md §4 writes the combination as Σ ω_k [α S + (1 − α) G] with α the level's share; here the
 * option is named `growth` and is the growth term's share, so `growth: 0` is the plain TOWA level.
 * Differences are taken on the scores as published, so they assume the score scale is comparable
 * from period to period.
 */
import { DynamicError } from "./errors.js";

export interface TowaResult {
  /** Per enterprise; NaN when it has fewer than minPeriods scored periods (or they carry no weight). */
  score: Float64Array;
  /** Per enterprise, the number of periods with a score (reported also where the score is NaN). */
  periodsUsed: Int32Array;
}

export interface DynamicScoreOptions {
  /** α ∈ [0, 1], the growth term's share. Default 0. */
  growth?: number;
  /** Fewest scored periods for a result (≥ 1). Default 1. */
  minPeriods?: number;
}

export interface DynamicScore {
  /** Σ ω S over the scored periods, ω renormalised over them. */
  level: Float64Array;
  /** Σ ω (S_k − S_k−1) over the periods with a scored predecessor, ω renormalised over them. */
  growth: Float64Array;
  /** (1 − α)·level + α·growth (= level when α = 0). */
  score: Float64Array;
  /** Scored periods per enterprise. */
  periodsUsed: Int32Array;
  /** Periods per enterprise with a difference (a score there and in the period before). */
  growthPeriods: Int32Array;
  alpha: number;
}

/**
 * TOWA of the period scores. `scores[k][i]` is enterprise i's score in period k (oldest first, as in
 * `Panel.score`), NaN where it has none; `weights[k]` the time weight of period k.
 */
export function towa(scores: readonly Float64Array[], weights: ArrayLike<number>, minPeriods = 1): TowaResult {
  const n = validate(scores, weights, minPeriods, "towa");
  const num = new Float64Array(n), den = new Float64Array(n);
  const used = new Int32Array(n);
  for (let k = 0; k < scores.length; k++) accumulateLevel(scores[k], weights[k], num, den, used);
  const score = new Float64Array(n);
  finish(num, den, used, minPeriods, score);
  return { score, periodsUsed: used };
}

/** TOWA level, TOWA growth of the differences, and their combination (see the file comment). */
export function dynamicScore(scores: readonly Float64Array[], weights: ArrayLike<number>, options: DynamicScoreOptions = {}): DynamicScore {
  const alpha = options.growth ?? 0;
  const minPeriods = options.minPeriods ?? 1;
  if (typeof alpha !== "number" || !(alpha >= 0 && alpha <= 1)) throw new DynamicError(`dynamic score: the growth share α must lie in [0, 1], not ${alpha}`);
  const n = validate(scores, weights, minPeriods, "dynamic score");
  const num = new Float64Array(n), den = new Float64Array(n), used = new Int32Array(n);
  const gnum = new Float64Array(n), gden = new Float64Array(n), gused = new Int32Array(n);
  for (let k = 0; k < scores.length; k++) {
    accumulateLevel(scores[k], weights[k], num, den, used);
    if (k > 0) accumulateGrowth(scores[k], scores[k - 1], weights[k], gnum, gden, gused);
  }
  const level = new Float64Array(n), growth = new Float64Array(n), score = new Float64Array(n);
  finish(num, den, used, minPeriods, level);
  finish(gnum, gden, gused, 1, growth);
  combine(level, growth, alpha, score);
  // Below minPeriods every part is undefined, growth included.
  blank(used, minPeriods, growth);
  return { level, growth, score, periodsUsed: used, growthPeriods: gused, alpha };
}

function validate(scores: readonly Float64Array[], weights: ArrayLike<number>, minPeriods: number, what: string): number {
  const p = scores.length;
  if (p === 0) throw new DynamicError(`${what}: no periods given`);
  if (weights.length !== p) throw new DynamicError(`${what}: ${p} periods but ${weights.length} time weights; give one weight per period, oldest first`);
  if (!Number.isInteger(minPeriods) || minPeriods < 1) throw new DynamicError(`${what}: minPeriods must be a whole number ≥ 1, not ${minPeriods}`);
  const n = scores[0].length;
  let total = 0;
  for (let k = 0; k < p; k++) {
    if (scores[k].length !== n) throw new DynamicError(`${what}: period ${k} has ${scores[k].length} enterprises, period 0 has ${n}; align the periods by enterprise first (buildPanel)`);
    const w = weights[k];
    if (!(w >= 0) || w === Infinity) throw new DynamicError(`${what}: time weight ${k} is ${w}; weights must be finite and ≥ 0`);
    total += w;
  }
  if (!(total > 0)) throw new DynamicError(`${what}: every time weight is 0`);
  return n;
}

function accumulateLevel(s: Float64Array, w: number, num: Float64Array, den: Float64Array, used: Int32Array): void {
  for (let i = 0; i < s.length; i++) {
    const v = s[i];
    if (v !== v) continue;
    num[i] += w * v;
    den[i] += w;
    used[i]++;
  }
}

function accumulateGrowth(s: Float64Array, prev: Float64Array, w: number, num: Float64Array, den: Float64Array, used: Int32Array): void {
  for (let i = 0; i < s.length; i++) {
    const d = s[i] - prev[i]; // NaN unless both are scored
    if (d !== d) continue;
    num[i] += w * d;
    den[i] += w;
    used[i]++;
  }
}

function finish(num: Float64Array, den: Float64Array, used: Int32Array, minPeriods: number, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = used[i] >= minPeriods && den[i] > 0 ? num[i] / den[i] : 0 / 0; // 0 / 0: see engine/kernels/README.md
}

function combine(level: Float64Array, growth: Float64Array, alpha: number, out: Float64Array): void {
  if (alpha === 0) out.set(level);
  else if (alpha === 1) for (let i = 0; i < out.length; i++) out[i] = level[i] === level[i] ? growth[i] : 0 / 0;
  else for (let i = 0; i < out.length; i++) out[i] = (1 - alpha) * level[i] + alpha * growth[i];
}

function blank(used: Int32Array, minPeriods: number, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) if (used[i] < minPeriods) out[i] = NaN;
}
