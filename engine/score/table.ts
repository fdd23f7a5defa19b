/**
 * The published table of a period's result: the columns of `scores.csv` / `scores.arrow`, in order.
 * `id, name, status, score, raw, rank, grade, vetoed, reasons`, the aggregation's extra columns
 * (VIKOR's S and R, RSR and WRSR), then `norm.<indicator>` and
 * `contrib.<indicator>` for every indicator, then `value.<indicator>` (the value before
 * normalisation) and the carried text columns.
 */
import type { OutputColumn } from "../data/table.js";
import type { Lang } from "../scheme/types.js";
import type { PeriodResult, Reason } from "./types.js";

export function resultTable(result: PeriodResult, lang: Lang = "zh"): OutputColumn[] {
  const cols: OutputColumn[] = [
    { name: "id", type: "text", values: result.ids },
    { name: "name", type: "text", values: result.names },
    { name: "status", type: "text", values: result.status },
    { name: "score", type: "number", values: result.score },
    { name: "raw", type: "number", values: result.raw },
    { name: "rank", type: "rank", values: result.rank },
    { name: "grade", type: "text", values: result.grade },
    { name: "vetoed", type: "boolean", values: result.vetoed },
    { name: "reasons", type: "text", values: result.reasons.map((r) => formatReasons(r, lang)) },
  ];
  for (const [name, v] of result.extra) cols.push({ name, type: "number", values: v });
  for (const [id, v] of result.norm) cols.push({ name: `norm.${id}`, type: "number", values: v });
  for (const [id, v] of result.contrib) cols.push({ name: `contrib.${id}`, type: "number", values: v });
  for (const [id, v] of result.values) cols.push({ name: `value.${id}`, type: "number", values: v });
  for (const [name, v] of result.carry) cols.push({ name, type: "text", values: v });
  return cols;
}

/** `veto reason; +3 high-tech; no X value: scored as the worst` */
export function formatReasons(reasons: readonly Reason[], lang: Lang): string {
  return reasons
    .map((r) => (r.points !== undefined ? `${r.points > 0 ? "+" : ""}${r.points} ${r.label[lang]}` : r.label[lang]))
    .join("; ");
}
