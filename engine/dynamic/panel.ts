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
  /**
   * names[i], from a reader that can give one name without decoding the whole column (the store's
   * window keeps names as UTF-8 until asked); buildPanel asks only for each enterprise's latest row.
   */
  nameOf?: (i: number) => string;
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
  // Where each row of each period sits in the panel, worked out once.
  const aligner = new Aligner();
  const rows = results.map((r) => aligner.align(r.ids));
  const ids = aligner.ids;
  const m = ids.length;
  const names = latestNames(results, rows, m);
  const panel: Panel = { periods: results.map((r) => r.period), ids, names, score: [], rank: [], grade: [], present: [] };
  results.forEach((r, k) => {
    const at = rows[k];
    const graded = gradedRows(r.status);
    const score = new Float64Array(m).fill(NaN);
    const rank = new Int32Array(m);
    const grade: string[] = new Array<string>(m).fill("");
    const present = new Uint8Array(m);
    mark(at, present);
    placeScores(r.score, at, graded, score);
    placeRanks(r.rank, at, graded, rank);
    for (let i = 0; i < at.length; i++) if (graded[i] === 1) grade[at[i]] = r.grade[i];
    panel.score.push(score);
    panel.rank.push(rank);
    panel.grade.push(grade);
    panel.present.push(present);
    alignments.set(r.ids, { panel: ids, size: m, at });
  });
  return panel;
}

/** The alignment buildPanel did for a period's ids array, and the panel ids it was made for. */
const alignments = new WeakMap<readonly string[], { panel: readonly string[]; size: number; at: Int32Array }>();

/**
 * Where each row of `result` sits among the panel enterprises `ids` (−1 where its id is not among
 * them). When `ids` is the panel that {@link buildPanel} made from `result`, this is the alignment
 * it already did (shared: do not modify it); otherwise the ids are looked up.
 */
export function panelRows(result: PeriodScores, ids: readonly string[]): Int32Array {
  const kept = alignments.get(result.ids);
  if (kept !== undefined && kept.panel === ids && kept.size === ids.length && kept.at.length === result.ids.length) return kept.at;
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const at = new Int32Array(result.ids.length);
  for (let i = 0; i < at.length; i++) at[i] = index.get(result.ids[i]) ?? -1;
  return at;
}

/** Each enterprise's name in its latest row (latest period, and last row there). */
function latestNames(results: PeriodScores[], rows: Int32Array[], m: number): string[] {
  const period = new Int32Array(m), row = new Int32Array(m);
  rows.forEach((at, k) => latest(at, k, period, row));
  const names = new Array<string>(m).fill("");
  for (let q = 0; q < m; q++) {
    const r = results[period[q]];
    names[q] = r.nameOf !== undefined ? r.nameOf(row[q]) : r.names[row[q]];
  }
  return names;
}

/** period[q], row[q] = k and the row of period k at panel position q (later rows overwrite). */
function latest(at: Int32Array, k: number, period: Int32Array, row: Int32Array): void {
  for (let i = 0; i < at.length; i++) {
    period[at[i]] = k;
    row[at[i]] = i;
  }
}

/**
 * Panel positions of the ids of each period, in order, adding ids not seen before (order of first
 * appearance). Periods usually list their enterprises in much the same order, so each row is first
 * compared with the row after the last match in the period before — a string comparison instead of a
 * hash lookup; the Map decides only when that fails (an entrant, an exit, a reordering).
 */
class Aligner {
  readonly index = new Map<string, number>();
  readonly ids: string[] = [];
  /** Row of each panel position in the previous period (−1: not there); grown with the panel. */
  private rowBefore = new Int32Array(1024).fill(-1);
  private prevIds: readonly string[] = [];
  private prevAt = new Int32Array(0);

  align(rowIds: readonly string[]): Int32Array {
    const at = new Int32Array(rowIds.length);
    const prevIds = this.prevIds, prevAt = this.prevAt;
    let j = 0; // the previous period's row expected next
    for (let i = 0; i < rowIds.length; i++) {
      const id = rowIds[i];
      if (j < prevIds.length && prevIds[j] === id) {
        at[i] = prevAt[j++];
        continue;
      }
      let q = this.index.get(id);
      if (q === undefined) {
        q = this.ids.length;
        this.index.set(id, q);
        this.ids.push(id);
      } else if (q < this.rowBefore.length && this.rowBefore[q] >= 0) j = this.rowBefore[q] + 1; // carry on after it
      at[i] = q;
    }
    if (this.rowBefore.length < this.ids.length) {
      const grown = new Int32Array(Math.max(this.ids.length, 2 * this.rowBefore.length)).fill(-1);
      grown.set(this.rowBefore);
      this.rowBefore = grown;
    }
    forget(prevAt, this.rowBefore);
    remember(at, this.rowBefore);
    this.prevIds = rowIds;
    this.prevAt = at;
    return at;
  }
}

function forget(at: Int32Array, rowOf: Int32Array): void {
  for (let i = 0; i < at.length; i++) rowOf[at[i]] = -1;
}

function remember(at: Int32Array, rowOf: Int32Array): void {
  for (let i = 0; i < at.length; i++) rowOf[at[i]] = i;
}

/** 1 where the row's status is "graded". */
export function gradedRows(status: readonly string[]): Uint8Array {
  const out = new Uint8Array(status.length);
  for (let i = 0; i < out.length; i++) if (status[i] === "graded") out[i] = 1;
  return out;
}

function mark(at: Int32Array, present: Uint8Array): void {
  for (let i = 0; i < at.length; i++) present[at[i]] = 1;
}

function placeScores(src: Float64Array, at: Int32Array, graded: Uint8Array, out: Float64Array): void {
  for (let i = 0; i < at.length; i++) if (graded[i] === 1) out[at[i]] = src[i];
}

function placeRanks(src: Int32Array, at: Int32Array, graded: Uint8Array, out: Int32Array): void {
  for (let i = 0; i < at.length; i++) if (graded[i] === 1) out[at[i]] = src[i];
}
