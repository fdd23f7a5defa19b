/**
 * Monte Carlo over the uncertain assumptions (OECD/JRC Handbook 2008, step 7; COINr's
 * `get_sensitivity`): each sample re-scores the period — exclusions, outliers, normalisation,
 * missing values, weights, aggregation, rules, ranks and grades — with the sample's choices, and
 * every enterprise's rank and grade is kept.
 *
 * Runs are numbered. Runs 0 … R_A − 1 are the rows of the Saltelli matrix A (R_A = max(samples,
 * sobolSamples)); the first `samples` of them are the Monte Carlo sample whose ranks make the rank
 * intervals. Then come the rows of B and of AB_1 … AB_k (sobol.ts), `sobolSamples` each. Run r's
 * randomness depends only on (seed, r): factor f of a row of matrix m draws from the stream
 * (seed, m, row, f), so results do not depend on how runs are shared among threads.
 *
 * What a sample skips (ScoreOptions.lean): reasons, warnings' use and weighted-sum contributions,
 * which ranks and grades do not depend on; and it reuses a normalised column already computed for
 * the same raw values, population, treatment, normalisation and missing policy (NormalizedColumns:
 * the same bits as recomputing it). Weights, aggregation, rules, ranks and grades are recomputed
 * for every sample.
 */
import { MethodError, ParkscoreError } from "../errors.js";
import type { Frame } from "../data/frame.js";
import type { Scheme } from "../scheme/types.js";
import type { Uncertainty } from "../scheme/uncertainty-schema.js";
import { fromPreparedData, NormalizedColumns, preparePeriod, scorePrepared, type PreparedData, type PreparedPeriod } from "../score/period.js";
import type { PeriodResult } from "../score/types.js";
import { Random } from "./sample.js";
import { designRun } from "./sobol.js";
import { drawScheme, factorsOf, type Factor } from "./uncertainty.js";

export interface AnalysisPlan {
  seed: number;
  /** Monte Carlo samples behind the rank intervals. */
  samples: number;
  /** Base sample size N of the Saltelli design; 0 for no Sobol indices. */
  sobolSamples: number;
}

/** Everything a thread needs to run samples: plain data, so it can be sent to a worker. */
export interface SamplerJob {
  frame: Frame;
  scheme: Scheme;
  /** The period already prepared (in the main thread), so that a worker needs no formula. */
  prepared?: PreparedData;
  uncertainty: Uncertainty;
  plan: AnalysisPlan;
}

export function matrixARows(plan: AnalysisPlan): number {
  return Math.max(plan.samples, plan.sobolSamples);
}

/** How many scorings the plan needs: the rows of A, then B and AB_1 … AB_k when Sobol indices are wanted. */
export function runCount(plan: AnalysisPlan, factors: number): number {
  return matrixARows(plan) + (plan.sobolSamples > 0 && factors > 0 ? plan.sobolSamples * (factors + 1) : 0);
}

/** Row and per-factor matrix (0 = A, 1 = B) of run r. */
export function runDesign(plan: AnalysisPlan, factors: number, r: number): { row: number; source: Uint8Array } {
  const a = matrixARows(plan);
  if (r < a) return { row: r, source: new Uint8Array(factors) };
  return designRun(plan.sobolSamples + (r - a), plan.sobolSamples, factors);
}

/** The outputs of runs from … to − 1. Ranks and grades only for Monte Carlo runs (r < samples), run-major. */
export interface Chunk {
  from: number;
  to: number;
  /** rank[(r − from)·n + i]; 0 when not graded in that run. */
  ranks: Int32Array;
  /** 1 + the grade's position in the scheme's grades; 0 when not graded. */
  grades: Uint8Array;
  /** The Sobol output of every run: the mean absolute rank shift from the nominal ranking. */
  shift: Float64Array;
}

export class Sampler {
  readonly prep: PreparedPeriod;
  readonly nominal: PeriodResult;
  readonly factors: Factor[];
  /** Rows ranked in the nominal scoring. */
  private readonly ranked: Int32Array;
  private readonly cache = new NormalizedColumns();

  constructor(readonly job: SamplerJob) {
    this.prep = job.prepared ? fromPreparedData(job.frame, job.prepared) : preparePeriod(job.frame, job.scheme);
    this.nominal = scorePrepared(this.prep, job.scheme, { lean: true });
    this.factors = factorsOf(job.uncertainty);
    const ranked: number[] = [];
    for (let i = 0; i < this.nominal.n; i++) if (this.nominal.rank[i] > 0) ranked.push(i);
    this.ranked = Int32Array.from(ranked);
  }

  /** Scores run r. */
  score(r: number): PeriodResult {
    const { plan, scheme, uncertainty } = this.job;
    const { row, source } = runDesign(plan, this.factors.length, r);
    const draw = drawScheme(scheme, uncertainty, (f) => new Random(plan.seed, source[f], row, f));
    try {
      return scorePrepared(this.prep, draw.scheme, { lean: true, adjustWeights: draw.adjustWeights, cache: this.cache });
    } catch (e) {
      if (!(e instanceof ParkscoreError || e instanceof MethodError)) throw e;
      const what = Object.entries(draw.drawn).map(([k, v]) => `${k} ${typeof v === "number" ? +v.toPrecision(6) : v}`).join(", ");
      throw new ParkscoreError({
        code: "sensitivity.sample",
        file: scheme.file,
        path: "uncertainty",
        message: `run ${r} (${what}) cannot be scored: ${e.message.replace(/\n/g, "; ")}`,
        fix: "remove that choice from the uncertain assumptions, or narrow its range",
      });
    }
  }

  runChunk(from: number, to: number): Chunk {
    const n = this.nominal.n;
    const mcTo = Math.min(to, this.job.plan.samples);
    const mc = Math.max(0, mcTo - from);
    const ranks = new Int32Array(mc * n);
    const grades = new Uint8Array(mc * n);
    const shift = new Float64Array(to - from);
    for (let r = from; r < to; r++) {
      const res = this.score(r);
      shift[r - from] = meanAbsShift(this.nominal.rank, res.rank, this.ranked);
      if (r < mcTo) {
        const off = (r - from) * n;
        ranks.set(res.rank, off);
        gradeCodes(res.grade, this.job.scheme.grading.grades, grades, off);
      }
    }
    return { from, to, ranks, grades, shift };
  }
}

/** out[off + i] = 1 + the position of grade[i] among `grades`, 0 for none (a few string comparisons beat a Map lookup). */
function gradeCodes(grade: string[], grades: string[], out: Uint8Array, off: number): void {
  const m = grades.length;
  for (let i = 0; i < grade.length; i++) {
    const g = grade[i];
    let code = 0;
    if (g !== "") for (let k = 0; k < m; k++) if (g === grades[k]) { code = k + 1; break; }
    out[off + i] = code;
  }
}

/**
 * Mean |rank − nominal rank| over the enterprises ranked nominally (COINr's "mean absolute rank
 * change"). One not ranked in the sample (excluded by a missing-data choice) counts as ranked after
 * every ranked one.
 */
export function meanAbsShift(nominal: Int32Array, sample: Int32Array, rows: Int32Array): number {
  if (rows.length === 0) return 0;
  let ranked = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] > 0) ranked++;
  let s = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const r = sample[i] > 0 ? sample[i] : ranked + 1;
    s += Math.abs(r - nominal[i]);
  }
  return s / rows.length;
}
