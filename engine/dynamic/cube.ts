/**
 * The indicator cube the scatter-degree weights are computed over (engine/score/weights/scatter-degree.ts):
 * per period and indicator, the value of each panel enterprise, benefit-oriented (cost indicators
 * negated), NaN where the enterprise is absent from the period or not graded in it.
 */
import type { Scheme } from "../scheme/types.js";
import type { Cube } from "../score/weights/scatter-degree.js";
import { gradedRows, panelRows, type PeriodScores } from "./panel.js";

/** A period's published scores and its indicator values before normalisation, by indicator id, in the period's row order. */
export interface PeriodValues {
  scores: PeriodScores;
  values: ReadonlyMap<string, Float64Array>;
}

/** The cube of `periods` (oldest first) over the panel enterprises `ids`, for the scheme's indicators. */
export function windowCube(periods: readonly PeriodValues[], ids: readonly string[], scheme: Pick<Scheme, "indicators">): Cube {
  const { indicators } = scheme;
  const n = ids.length;
  const m = indicators.length;
  const from = new Int32Array(n);
  return periods.map((w) => {
    // The period row of each panel enterprise (−1: absent or not graded), from the panel's alignment.
    sources(panelRows(w.scores, ids), gradedRows(w.scores.status), from);
    const block = new Float64Array(m * n); // one allocation per period, one column per indicator
    return indicators.map((ind, j) => gather(w.values.get(ind.id)!, from, ind.direction === "cost" ? -1 : 1, block.subarray(j * n, (j + 1) * n)));
  });
}

/** from[q] = the graded row at panel position q (the last such row), −1 where none. */
function sources(at: Int32Array, graded: Uint8Array, from: Int32Array): void {
  from.fill(-1);
  for (let i = 0; i < at.length; i++) if (graded[i] === 1 && at[i] >= 0) from[at[i]] = i;
}

function gather(v: Float64Array, from: Int32Array, sign: number, out: Float64Array): Float64Array {
  for (let q = 0; q < out.length; q++) {
    const i = from[q];
    out[q] = i >= 0 ? sign * v[i] : 0 / 0; // not NaN: see docs/performance.md, "Leaf loops"
  }
  return out;
}
