/**
 * Grey relational analysis (Deng Julong, "Control problems of grey systems", Systems & Control
 * Letters 1, 1982; the relational coefficient and grade as in Deng, "Introduction to grey system
 * theory", The Journal of Grey System 1, 1989), in its evaluation form (司守奎、孙玺菁《数学建模算法与应用》, ch. 14: the reference sequence is the ideal
 * object). With normalised, higher-is-better columns:
 *
 *   reference x0_j = max_i r_ij over the population,  Δ_ij = |x0_j − r_ij|,
 *   Δmin = min_ij Δ_ij, Δmax = max_ij Δ_ij (two-level minimum and maximum over all population cells),
 *   ξ_ij = (Δmin + ρ Δmax)/(Δ_ij + ρ Δmax),  ρ = 0.5 by default (the distinguishing coefficient),
 *   degree_i = Σ_j w_j ξ_ij = raw,  score = scale · raw,  contrib_ij = scale · w_j ξ_ij.
 *
 * As the reference is each column's maximum, Δmin is 0 (kept for the formula's sake). When Δmax = 0
 * everyone is at the reference and every ξ is 1, so the degree is Σ w = 1.
 */
import { column } from "../../kernels/arena.js";
import { AggregationError } from "./errors.js";
import { BLOCK, type Aggregated, type AggregationInput } from "./types.js";
import { extent } from "../../kernels/column-stats.js";

/** Grey relational degree to the ideal object, with distinguishing coefficient `rho` in (0, 1]. */
export function greyRelational({ n, pop, norm, weights, scale }: AggregationInput, rho = 0.5): Aggregated {
  checkRho(rho);
  const m = norm.length;
  const ext = new Float64Array(2);
  const ref = new Float64Array(m);
  // Over a column, Δ runs from 0 (at its maximum, the reference) to max − min.
  const dMin = 0;
  let dMax = 0;
  for (let j = 0; j < m; j++) {
    extent(norm[j], pop, ext);
    ref[j] = ext[1];
    if (ext[1] - ext[0] > dMax) dMax = ext[1] - ext[0]; // false for an empty population (−∞ − ∞)
  }
  // Δmax = 0: all Δ are 0 and ξ = 1; (0 + 1)/(Δ + 1) gives that and keeps NaN rows NaN.
  const num = dMax > 0 ? dMin + rho * dMax : 1;
  const den = dMax > 0 ? rho * dMax : 1;
  const raw = column(n);
  const contrib = norm.map(() => column(n));
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    for (let j = 0; j < m; j++) coefficients(norm[j], ref[j], num, den, weights[j], scale, raw, contrib[j], b, e);
  }
  const score = column(n);
  scaled(raw, pop, scale, score);
  return { raw, score, contrib };
}

/** The standard aggregation signature for a given `rho` (from the scheme). */
export function makeGreyRelational(rho: number): (input: AggregationInput) => Aggregated {
  checkRho(rho);
  return (input) => greyRelational(input, rho);
}

function checkRho(rho: number): void {
  if (!(rho > 0 && rho <= 1)) throw new AggregationError(`grey-relational: the distinguishing coefficient rho must be in (0, 1], not ${rho}`);
}

/** ξ = num/(|x0 − r| + den) for one column; w·ξ added to the degree, scale·w·ξ its part. */
function coefficients(
  r: Float64Array,
  x0: number,
  num: number,
  den: number,
  w: number,
  scale: number,
  raw: Float64Array,
  c: Float64Array,
  b: number,
  e: number,
): void {
  for (let i = b; i < e; i++) {
    const t = w * (num / (Math.abs(x0 - r[i]) + den)); // NaN outside the population
    raw[i] += t;
    c[i] = scale * t;
  }
}

function scaled(raw: Float64Array, pop: Uint8Array, scale: number, score: Float64Array): void {
  for (let i = 0; i < raw.length; i++) {
    if (pop[i] === 0) raw[i] = NaN;
    score[i] = scale * raw[i];
  }
}
