/**
 * Rules applied after aggregation (docs/methods.md §1): vetoes put an enterprise straight into a grade
 * (serious accidents, environmental violations, falsified data…); adjustments add bonus or penalty
 * points, their total kept within ±cap when the scheme sets one.
 */
import type { Adjustment, Veto } from "../scheme/types.js";
import { forBlocks } from "../kernels/blocks.js";
import { addReason, addSharedReason, sharedReason, type SharedReason } from "./reasons.js";
import type { Reason } from "./types.js";

export interface RuleColumns {
  /** The veto conditions evaluated over all rows (1 true, 0 false, NaN undecided). */
  veto: Float64Array[];
  /** Per adjustment: its condition (or undefined: always) and its points (a constant or a column). */
  adjust: { when?: Float64Array; points: number | Float64Array }[];
}

export interface RuleOutcome {
  /** Per adjustment and per veto, how many graded enterprises could not be decided (missing data). */
  undecidedVeto: number[];
  undecidedAdjust: number[];
}

/**
 * Applies vetoes and adjustments to the population rows: adds points to `score`, sets `vetoed`
 * and `vetoGrade` (by row, the worst of the matching vetoes' grades), and appends reasons.
 */
export function applyRules(
  pop: Uint8Array,
  vetoes: Veto[],
  adjustments: Adjustment[],
  cap: number | undefined,
  cols: RuleColumns,
  grades: string[],
  score: Float64Array,
  vetoed: Uint8Array,
  vetoGrade: Map<number, string>,
  reasons: (readonly Reason[])[],
): RuleOutcome {
  const undecidedVeto = vetoes.map(() => 0);
  const undecidedAdjust = adjustments.map(() => 0);
  if (vetoes.length === 0 && adjustments.length === 0) return { undecidedVeto, undecidedAdjust };
  const rules: Rules = {
    vetoes,
    adjustments,
    limit: cap ?? Infinity,
    cols,
    grades,
    // Reasons that are the same for every row they apply to are shared by all of them.
    vetoReasons: vetoes.map((v) => sharedReason({ kind: "veto", label: v.reason })),
    fixedReasons: adjustments.map((a, k) => {
      const points = cols.adjust[k].points;
      return typeof points === "number" ? sharedReason({ kind: "adjust", label: a.reason, points }) : undefined;
    }),
  };
  forBlocks(pop.length, (b, e) => applyRows(rules, pop, score, vetoed, vetoGrade, reasons, undecidedVeto, undecidedAdjust, b, e));
  return { undecidedVeto, undecidedAdjust };
}

/** The scheme's rules and what applying them needs, for `applyRows`. */
interface Rules {
  vetoes: Veto[];
  adjustments: Adjustment[];
  limit: number;
  cols: RuleColumns;
  grades: string[];
  /** Per veto, its reason. */
  vetoReasons: SharedReason[];
  /** Per adjustment, its reason when its points are a constant. */
  fixedReasons: (SharedReason | undefined)[];
}

/** Rows [b, e) of the population: vetoes and adjustments applied, undecided ones counted (called per block, see engine/kernels/blocks.ts). */
function applyRows(
  rules: Rules,
  pop: Uint8Array,
  score: Float64Array,
  vetoed: Uint8Array,
  vetoGrade: Map<number, string>,
  reasons: (readonly Reason[])[],
  undecidedVeto: number[],
  undecidedAdjust: number[],
  b: number,
  e: number,
): void {
  const { vetoes, adjustments, limit, cols, grades } = rules;
  for (let i = b; i < e; i++) {
    if (pop[i] === 0) continue;
    for (let v = 0; v < vetoes.length; v++) {
      const hit = cols.veto[v][i];
      if (hit !== hit) undecidedVeto[v]++;
      else if (hit !== 0) {
        const g = vetoes[v].grade;
        if (!vetoed[i] || grades.indexOf(g) > grades.indexOf(vetoGrade.get(i)!)) vetoGrade.set(i, g);
        vetoed[i] = 1;
        addSharedReason(reasons, i, rules.vetoReasons[v]);
      }
    }
    let total = 0;
    for (let a = 0; a < adjustments.length; a++) {
      const { when, points } = cols.adjust[a];
      const on = when ? when[i] : 1;
      if (on !== on) {
        undecidedAdjust[a]++;
        continue;
      }
      if (on === 0) continue;
      const p = typeof points === "number" ? points : points[i];
      if (p !== p) {
        undecidedAdjust[a]++;
        continue;
      }
      if (p === 0) continue;
      total += p;
      const fixed = rules.fixedReasons[a];
      if (fixed) addSharedReason(reasons, i, fixed);
      else addReason(reasons, i, { kind: "adjust", label: adjustments[a].reason, points: p });
    }
    if (total !== 0) score[i] += Math.max(-limit, Math.min(limit, total));
  }
}
