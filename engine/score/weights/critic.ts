/**
 * CRITIC weights (CRiteria Importance Through Intercriteria Correlation; Diakoulaki, Mavrotas &
 * Papayannakis, "Determining objective weights in multiple criteria problems: the CRITIC method",
 * Computers & Operations Research 22(7), 1995, 763–770; docs/methods.md §3). On the normalised matrix
 * (the paper uses min-max), over the graded rows:
 *   C_j = σ_j Σ_k (1 − r_jk),   w_j = C_j / Σ_k C_k
 * with σ_j the standard deviation of indicator j and r_jk Pearson's correlation.
 *
 * σ is the sample standard deviation (divisor m − 1), as in pymcdm's critic_weights
 * (np.std(nmatrix, ddof=1)), JMcDM (Julia's corrected std) and R's sd(); code calling np.std with
 * its default gets the population σ (divisor m). Every C_j carries the same factor √(m/(m − 1))
 * between the two, so the weights are identical either way; only the reported σ and C differ.
 *
 * A constant column has σ = 0 and its correlations are undefined (0/0): they are taken as 0 (with
 * r_jj = 1), so C_j = 0 and the other indicators see it as uncorrelated — numpy's corrcoef followed
 * by nan_to_num. r is clipped to [−1, 1] as numpy's corrcoef does. If every C_j is 0 (all columns
 * constant, one graded row, or perfectly correlated pairs only) the weights are equal, said in `note`.
 */
import { checkColumns, crossDeviations, moments, normalizeOrEqual } from "./moments.js";

export type CriticWeights = {
  weights: Float64Array;
  /** σ_j, sample (m − 1). */
  sd: Float64Array;
  /** r_jk, one row per indicator; 0 off the diagonal for a constant column. */
  correlation: Float64Array[];
  /** C_j = σ_j Σ_k (1 − r_jk), the information carried by indicator j. */
  information: Float64Array;
  note?: string;
};

export function criticWeights(cols: readonly Float64Array[], pop: Uint8Array): CriticWeights {
  const k = cols.length;
  checkColumns(cols, pop, "CRITIC weights");
  const mean = new Float64Array(k), ss = new Float64Array(k), sd = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const s = moments(cols[j], pop);
    mean[j] = s.mean;
    ss[j] = s.ss;
    sd[j] = s.sd;
  }
  const correlation = Array.from({ length: k }, () => new Float64Array(k));
  for (let j = 0; j < k; j++) {
    correlation[j][j] = 1;
    for (let l = j + 1; l < k; l++) {
      let r = 0;
      if (ss[j] > 0 && ss[l] > 0) {
        r = crossDeviations(cols[j], cols[l], pop, mean[j], mean[l]) / Math.sqrt(ss[j] * ss[l]);
        r = r > 1 ? 1 : r < -1 ? -1 : r;
      }
      correlation[j][l] = r;
      correlation[l][j] = r;
    }
  }
  const information = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let conflict = 0;
    for (let l = 0; l < k; l++) conflict += 1 - correlation[j][l];
    information[j] = sd[j] * conflict;
  }
  const { weights, equal } = normalizeOrEqual(information);
  return equal
    ? { weights, sd, correlation, information, note: "no indicator carries information (every C_j is 0): the weights are equal" }
    : { weights, sd, correlation, information };
}
