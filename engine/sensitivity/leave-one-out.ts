/**
 * Leave one indicator out (OECD/JRC Handbook 2008, step 7; COINr's `remove_elements`): the period
 * re-scored without each indicator in turn — the others keep their weights, rescaled by the
 * weighting as usual (an AHP matrix loses that indicator's row and column) — and how far the
 * ranking moves: mean and largest absolute rank shift of the enterprises ranked nominally (one no
 * longer ranked counts as ranked after all others, as in monte-carlo.ts), and how many change grade.
 */
import type { OutputColumn } from "../data/table.js";
import type { JudgementMatrix, Scheme, SimpleWeighting, Weighting } from "../scheme/types.js";
import { scorePrepared, type PreparedPeriod } from "../score/period.js";
import type { PeriodResult } from "../score/types.js";
import { meanAbsShift } from "./monte-carlo.js";

export interface LeaveOneOut {
  indicator: string;
  meanAbsShift: number;
  maxAbsShift: number;
  gradeChanges: number;
  /** Why it was not computed (the only indicator, or its category would be empty under AHP). */
  skipped?: string;
}

export function leaveOneOut(prep: PreparedPeriod, scheme: Scheme, nominal: PeriodResult): LeaveOneOut[] {
  const rows = Int32Array.from(Array.from(nominal.rank).flatMap((r, i) => (r > 0 ? [i] : [])));
  return scheme.indicators.map((ind) => {
    const base = { indicator: ind.id, meanAbsShift: NaN, maxAbsShift: NaN, gradeChanges: NaN };
    const without = withoutIndicator(scheme, ind.id);
    if (typeof without === "string") return { ...base, skipped: without };
    const r = scorePrepared(prep, without, { lean: true });
    let ranked = 0, max = 0, changes = 0;
    for (let i = 0; i < r.n; i++) if (r.rank[i] > 0) ranked++;
    for (const i of rows) {
      const d = Math.abs((r.rank[i] > 0 ? r.rank[i] : ranked + 1) - nominal.rank[i]);
      if (d > max) max = d;
      if (r.grade[i] !== nominal.grade[i]) changes++;
    }
    return { indicator: ind.id, meanAbsShift: meanAbsShift(nominal.rank, r.rank, rows), maxAbsShift: max, gradeChanges: changes };
  });
}

/** The scheme without one indicator, or why that cannot be scored. */
export function withoutIndicator(scheme: Scheme, id: string): Scheme | string {
  if (scheme.indicators.length < 2) return "the only indicator";
  const ind = scheme.indicators.find((i) => i.id === id)!;
  const indicators = scheme.indicators.filter((i) => i.id !== id);
  const emptied = ind.category !== undefined && !indicators.some((i) => i.category === ind.category);
  const drop = (s: SimpleWeighting): SimpleWeighting | string => {
    if (emptied && s.categories === "ahp") return `removing it empties category ${ind.category}, whose AHP judgements then do not fit`;
    if (s.method !== "ahp" || !s.judgements.indicators) return s;
    const j = s.judgements.indicators;
    if ("values" in j && Array.isArray((j as JudgementMatrix).values)) return { ...s, judgements: { ...s.judgements, indicators: minor(j as JudgementMatrix, scheme.indicators.indexOf(ind)) } };
    const members = scheme.indicators.filter((i) => i.category === ind.category);
    const per = { ...(j as Record<string, JudgementMatrix>) };
    if (per[ind.category!]) {
      if (members.length <= 2) delete per[ind.category!];
      else per[ind.category!] = minor(per[ind.category!], members.indexOf(ind));
    }
    return { ...s, judgements: { ...s.judgements, indicators: per } };
  };
  let weighting: Weighting;
  if (scheme.weighting.method === "combined") {
    const of = scheme.weighting.of.map(drop);
    const bad = of.find((o) => typeof o === "string");
    if (bad) return bad as string;
    weighting = { ...scheme.weighting, of: of as SimpleWeighting[] };
  } else {
    const w = drop(scheme.weighting);
    if (typeof w === "string") return w;
    weighting = w;
  }
  return { ...scheme, indicators, weighting };
}

/** A judgement matrix without row and column k. */
function minor(m: JudgementMatrix, k: number): JudgementMatrix {
  return { ...m, values: m.values.filter((_, r) => r !== k).map((row) => row.filter((_, c) => c !== k)) };
}

export function leaveOneOutTable(rows: LeaveOneOut[]): OutputColumn[] {
  return [
    { name: "indicator", type: "text", values: rows.map((r) => r.indicator) },
    { name: "mean_abs_rank_shift", type: "number", values: Float64Array.from(rows, (r) => r.meanAbsShift) },
    { name: "max_abs_rank_shift", type: "number", values: Float64Array.from(rows, (r) => r.maxAbsShift) },
    { name: "grade_changes", type: "number", values: Float64Array.from(rows, (r) => r.gradeChanges) },
    { name: "note", type: "text", values: rows.map((r) => r.skipped ?? "") },
  ];
}
