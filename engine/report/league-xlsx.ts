/**
 * league.xlsx — the ranked table as a spreadsheet: a sheet for all enterprises, one per park, and
 * the methodology; frozen header, number formats, grade colours (engine/data/write-xlsx.ts, which
 * also writes text that begins with = + - @ as text).
 */
import { gradeColour } from "../charts/svg.js";
import type { OutputColumn } from "../data/table.js";
import { xlsxBytes, type XlsxSheet } from "../data/write-xlsx.js";
import { formatReasons } from "../score/table.js";
import { STRINGS } from "./i18n.js";
import { describeNormalize } from "./methodology.js";
import type { ReportModel } from "./model.js";

export function leagueSheets(m: ReportModel): XlsxSheet[] {
  const { lang, result, scheme } = m;
  const t = STRINGS[lang];
  const graded = m.order.filter((i) => result.status[i] === "graded");
  const fills = [{ column: t.grade, byValue: Object.fromEntries(m.grades.map((g, k) => [g, gradeColour(k, m.grades.length, true).slice(1)])) }];
  const styles: XlsxSheet["styles"] = { [t.score]: { numFmt: "0.00", width: 9 }, [t.toNext]: { numFmt: "0.00", width: 12 }, [t.enterprise]: { width: 30 }, [t.park]: { width: 18 }, [t.industry]: { width: 24 }, [t.id]: { width: 20 } };
  for (const c of m.categories) styles[c.label[lang]] = { numFmt: "0.0", width: 12 };
  const sheetOf = (name: string, rows: number[]): XlsxSheet => ({ name, columns: leagueColumns(m, rows), styles, fills });
  const sheets = [sheetOf(t.all, graded), ...m.parks.map((p) => sheetOf(p, graded.filter((i) => m.park[i] === p)))];
  const methodology: OutputColumn[] = [
    { name: t.indicator, type: "text", values: scheme.indicators.map((i) => i.label[lang]) },
    { name: t.unit, type: "text", values: scheme.indicators.map((i) => i.unit) },
    { name: t.direction, type: "text", values: scheme.indicators.map((i) => (i.direction === "benefit" ? t.benefit : t.cost)) },
    { name: t.weight, type: "number", values: Float64Array.from(result.weights, (w) => w.weight) },
    { name: t.normalization, type: "text", values: scheme.indicators.map((i) => describeNormalize(i.normalize, i.direction, lang)) },
    { name: t.source, type: "text", values: scheme.indicators.map((i) => i.source ?? "") },
  ];
  sheets.push({ name: t.methodology, columns: methodology, styles: { [t.indicator]: { width: 30 }, [t.weight]: { numFmt: "0.0%" }, [t.normalization]: { width: 40 }, [t.source]: { width: 60 } } });
  return sheets;
}

/** The league columns for the given rows (in table order). */
export function leagueColumns(m: ReportModel, rows: number[]): OutputColumn[] {
  const { lang, result } = m;
  const t = STRINGS[lang];
  const pick = <T>(f: (i: number) => T) => rows.map(f);
  const num = (f: (i: number) => number) => Float64Array.from(rows, f);
  const cols: OutputColumn[] = [
    { name: t.rank, type: "rank", values: Int32Array.from(rows, (i) => result.rank[i]) },
    { name: t.move, type: "number", values: num((i) => m.rankChange[i]) },
    { name: t.id, type: "text", values: pick((i) => result.ids[i]) },
    { name: t.enterprise, type: "text", values: pick((i) => result.names[i]) },
  ];
  if (m.parks.length) cols.push({ name: t.park, type: "text", values: pick((i) => m.park[i]) });
  if (m.industries.length) cols.push({ name: t.industry, type: "text", values: pick((i) => m.industry[i]) });
  cols.push({ name: t.score, type: "number", values: num((i) => result.score[i]) });
  cols.push({ name: t.grade, type: "text", values: pick((i) => result.grade[i]) });
  cols.push({ name: t.vetoed, type: "boolean", values: Uint8Array.from(rows, (i) => result.vetoed[i]) });
  m.categories.forEach((c, k) => cols.push({ name: c.label[lang], type: "number", values: num((i) => m.categoryScores[k][i]) }));
  cols.push({ name: t.toNext, type: "number", values: num((i) => m.next[i]?.distance ?? NaN) });
  cols.push({ name: t.reasons, type: "text", values: pick((i) => formatReasons(result.reasons[i], lang)) });
  return cols;
}

export function leagueXlsx(m: ReportModel): Promise<Buffer> {
  return xlsxBytes(leagueSheets(m));
}
