/**
 * The panel: enterprises × periods, aligned by enterprise id. Enterprises enter and leave, so a
 * panel is unbalanced: an enterprise absent from a period (or not graded in it) has NaN as its
 * score, 0 as its rank and '' as its grade there.
 */

/** One period's published result, as the dynamic layer needs it. */
export interface PeriodScores {
  period: string;
  ids: readonly string[];
  names: readonly string[];
  status: readonly string[];
  score: Float64Array;
  rank: Int32Array;
  grade: readonly string[];
  vetoed?: Uint8Array;
}

export interface Panel {
  /** Oldest first. */
  periods: string[];
  /** Every enterprise present in at least one period, in order of first appearance. */
  ids: string[];
  /** The latest name seen for each enterprise. */
  names: string[];
  /** Per period, one value per enterprise (NaN where absent or not graded). */
  score: Float64Array[];
  /** Per period (0 where absent or not graded). */
  rank: Int32Array[];
  /** Per period ('' where absent or not graded). */
  grade: string[][];
  /** Per period: 1 where the enterprise is listed at all (graded or not). */
  present: Uint8Array[];
}

/** Aligns period results (oldest first) by enterprise id. */
export function buildPanel(results: PeriodScores[]): Panel {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const names: string[] = [];
  for (const r of results)
    r.ids.forEach((id, i) => {
      let k = index.get(id);
      if (k === undefined) {
        index.set(id, (k = ids.length));
        ids.push(id);
        names.push(r.names[i]);
      } else names[k] = r.names[i];
    });
  const m = ids.length;
  const panel: Panel = { periods: results.map((r) => r.period), ids, names, score: [], rank: [], grade: [], present: [] };
  for (const r of results) {
    const score = new Float64Array(m).fill(NaN);
    const rank = new Int32Array(m);
    const grade: string[] = new Array(m).fill("");
    const present = new Uint8Array(m);
    r.ids.forEach((id, i) => {
      const k = index.get(id)!;
      present[k] = 1;
      if (r.status[i] !== "graded") return;
      score[k] = r.score[i];
      rank[k] = r.rank[i];
      grade[k] = r.grade[i];
    });
    panel.score.push(score);
    panel.rank.push(rank);
    panel.grade.push(grade);
    panel.present.push(present);
  }
  return panel;
}
