/**
 * Rank-sum ratio (秩和比, RSR; 田凤调 Tian Fengdiao, 1988; 田凤调《秩和比法的应用》, 人民卫生出版社
 * 2002; 孙振球《医学统计学》, chapter on comprehensive evaluation). Each indicator ranks the n graded enterprises from
 * worst = 1 to best = n (normalised columns are higher-is-better, so this is "高优" ranking for every
 * indicator); equal values get the average of the ranks they span (mid-ranks: 3 enterprises tied for
 * ranks 4–6 all get 5) — the whole-rank method (整秩法). With m indicators:
 *
 *   RSR_i = Σ_j R_ij / (m·n),   WRSR_i = Σ_j w_j R_ij / n,
 *
 * raw = WRSR (= RSR for equal weights), score = scale · WRSR, contrib_ij = scale · w_j R_ij / n, and
 * `extra` holds RSR and WRSR. A single enterprise has rank 1 = n everywhere: WRSR = 1. Grading by
 * Probit regression of the (W)RSR is in ../grade-rsr.ts.
 */
import { column } from "../../kernels/arena.js";
import { ascendingOrder, midRanks, populationRows } from "../rank.js";
import { BLOCK, type Aggregated, type AggregationInput } from "./types.js";

export function rankSumRatio({ n, pop, norm, weights, scale }: AggregationInput): Aggregated {
  const m = norm.length;
  const rows = populationRows(pop);
  const size = rows.length;
  // Ranks go into the contribution columns (NaN outside the population), turned into parts below.
  const contrib = norm.map(() => column(n).fill(NaN));
  for (let j = 0; j < m; j++) midRanks(norm[j], ascendingOrder(norm[j], rows), contrib[j]);
  const rsr = column(n);
  const wrsr = column(n);
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    for (let j = 0; j < m; j++) rankTerms(contrib[j], weights[j], scale, size, rsr, wrsr, b, e);
  }
  const score = column(n);
  ratios(rsr, wrsr, m * size, size, scale, score);
  return { raw: Float64Array.from(wrsr), score, contrib, extra: new Map([["RSR", rsr], ["WRSR", wrsr]]) };
}

/** Adds R and w·R to the row totals; R becomes its part scale·w·R/n. */
function rankTerms(R: Float64Array, w: number, scale: number, size: number, rsr: Float64Array, wrsr: Float64Array, b: number, e: number): void {
  for (let i = b; i < e; i++) {
    const x = R[i];
    rsr[i] += x;
    wrsr[i] += w * x;
    R[i] = (scale * (w * x)) / size;
  }
}

function ratios(rsr: Float64Array, wrsr: Float64Array, mn: number, size: number, scale: number, score: Float64Array): void {
  for (let i = 0; i < rsr.length; i++) {
    rsr[i] /= mn;
    wrsr[i] /= size;
    score[i] = scale * wrsr[i];
  }
}
