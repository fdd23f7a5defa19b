/**
 * What one enterprise's card says: its own figures and the masked aggregates of the others, and
 * nothing else. The card's renderer (html/card-page.ts) sees only this object, never the model, so
 * no other enterprise's figure can reach a card by a slip in the page code; what may be here is
 * decided by disclosure.ts.
 */
import { indicatorDepartments } from "../scheme/sources.js";
import type { Label, Lang, Scheme } from "../scheme/types.js";
import type { Reason } from "../score/types.js";
import { ownScope, type CardScope, type Masked, type MaskedSummary } from "./disclosure.js";
import { groupOf, type ReportModel } from "./model.js";
import { improvements, nextGrade, type Improvement } from "./next-grade.js";

export interface CardCategory {
  label: string;
  /** The category's points, and its full points (scale × its weight) for the radar. */
  value: number;
  full: number;
  group?: MaskedSummary;
}

export interface CardIndicator {
  label: string;
  unit: string;
  value: number;
  /** Undefined when the scope withholds them. */
  norm?: number;
  contrib?: number;
  median?: Masked;
  /** The departments the figure comes from, when the period was merged from their files. */
  sources?: string;
}

export type CardNext =
  | { kind: "not-graded" | "vetoed" | "top" }
  /** The score is withheld: only the grade to reach. */
  | { kind: "grade"; grade: string }
  | {
      kind: "target";
      grade: string;
      /** Exact for bands (the scheme's own numbers); masked otherwise. */
      threshold: Masked;
      exact: boolean;
      distance: number;
      /** Single-indicator improvements; undefined when the aggregation is not additive or points are withheld. */
      improvements?: Improvement[];
    };

export interface CardFacts {
  lang: Lang;
  scheme: Scheme;
  period: string;
  id: string;
  name: string;
  park: string;
  industry: string;
  status: string;
  grades: string[];
  grade: string;
  gradeLabel: string;
  score?: number;
  rank: number;
  graded: number;
  rankChange: number;
  isNew: boolean;
  previousGrade: string;
  scope: CardScope;
  /** The comparison group's size when it may be shown. */
  groupN?: number;
  categories?: CardCategory[];
  indicators: CardIndicator[];
  trend: { periods: string[]; own: number[]; median: (Masked | undefined)[] };
  /** Points gained or lost against the group's median contribution (masked), when points are shown. */
  gaps?: { label: string; gap: number }[];
  reasons: readonly Reason[];
  next: CardNext;
  robustness?: { samples: number; p05: number; p95: number; stability: number; grade: string };
}

export function cardFacts(m: ReportModel, i: number): CardFacts {
  const { lang, result, scheme, cards } = m;
  const graded = result.status[i] === "graded";
  const scope = cards.treated.has(result.ids[i]) ? ownScope(cards.scope) : cards.scope;
  const g = groupOf(m, i);
  const shown = g.n >= scheme.disclosure.minGroup;
  const label = (l: Label) => l[lang];
  const scale = scheme.aggregation.scale;
  const points = graded && scope.points;
  const departments = indicatorDepartments(scheme);
  const indicators: CardIndicator[] = scheme.indicators.map((ind) => ({
    label: label(ind.label),
    unit: ind.unit,
    value: result.values.get(ind.id)![i],
    norm: graded && scope.norm ? result.norm.get(ind.id)![i] : undefined,
    contrib: points ? result.contrib.get(ind.id)![i] : undefined,
    median: g.values.get(ind.id)?.median,
    ...(departments.size ? { sources: departments.get(ind.id)!.map((d) => label(d.label)).join(lang === "zh" ? "、" : ", ") } : {}),
  }));
  const categories = points
    ? m.categories.map((c, k) => ({ label: label(c.label), value: m.categoryScores[k][i], full: c.weight > 0 ? scale * c.weight : 1, group: g.categories[k] }))
    : undefined;
  const gaps = points
    ? scheme.indicators.flatMap((ind) => {
        const med = g.contrib.get(ind.id)?.median;
        return med ? [{ label: label(ind.label), gap: result.contrib.get(ind.id)![i] - med.value }] : [];
      })
    : undefined;
  const r = m.robustness?.intervals;
  return {
    lang,
    scheme,
    period: m.period,
    id: result.ids[i],
    name: result.names[i],
    park: m.park[i],
    industry: m.industry[i],
    status: result.status[i],
    grades: m.grades,
    grade: result.grade[i],
    gradeLabel: scheme.grading.labels[result.grade[i]]?.[lang] ?? "",
    score: graded && scope.score ? result.score[i] : undefined,
    rank: result.rank[i],
    graded: m.graded,
    rankChange: m.rankChange[i],
    isNew: m.isNew[i] === 1,
    previousGrade: m.previousGrade[i],
    scope,
    groupN: shown ? g.n : undefined,
    categories,
    indicators,
    trend: { periods: m.periods, own: m.history.map((h, k) => (cards.scoreShown[k] ? h[i] : NaN)), median: cards.medians },
    gaps,
    reasons: result.reasons[i],
    next: next(m, i, scope),
    robustness: r && r.rankNominal[i] !== 0 ? { samples: m.robustness!.samples, p05: r.rankP05[i], p95: r.rankP95[i], stability: r.gradeStability[i], grade: r.gradeNominal[i] } : undefined,
  };
}

function next(m: ReportModel, i: number, scope: CardScope): CardNext {
  const { result, scheme } = m;
  if (result.status[i] !== "graded") return { kind: "not-graded" };
  if (result.vetoed[i]) return { kind: "vetoed" };
  const nx = nextGrade(i, result, scheme, m.boundaries);
  if (!nx) return { kind: "top" };
  if (!scope.score) return { kind: "grade", grade: nx.grade };
  const threshold = m.cards.thresholds.get(nx.grade)!;
  const distance = threshold.value - result.score[i];
  const additive = scope.points && scheme.aggregation.method === "weighted-sum";
  return { kind: "target", grade: nx.grade, threshold, exact: scheme.grading.method === "bands", distance, improvements: additive ? improvements(i, distance, result, scheme, m.params) : undefined };
}
