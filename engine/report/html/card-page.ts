/**
 * enterprises/<id>.html — one enterprise's card: score, grade, rank of N and share, category scores
 * against its park's median (dot plot, with a fixed-order radar beside it), the indicator table,
 * the trend, strengths and weaknesses, reasons, and what it would take to reach the next grade.
 *
 * Confidentiality: the card prints this enterprise's own figures and, of the others, only the
 * aggregates of model.groups (counts, medians, quartiles — undefined, and so not printed, under 3
 * enterprises) and the grade boundary (an order statistic; next-grade.ts). No other enterprise's
 * name, id or figure is ever passed to this renderer's output.
 */
import { escapeHtml as e } from "../../charts/escape.js";
import { dotPlot } from "../../charts/dot-plot.js";
import { radar } from "../../charts/radar.js";
import { sparkline } from "../../charts/sparkline.js";
import type { Lang } from "../../scheme/types.js";
import { MIN_GROUP } from "../aggregates.js";
import { fmt, fmtScore, fmtValue, STRINGS, valueDecimals } from "../i18n.js";
import { groupOf, type ReportModel } from "../model.js";
import { improvements, type Improvement } from "../next-grade.js";
import { page } from "./layout.js";

export function cardHtml(m: ReportModel, i: number): string {
  return page(m.lang, `${m.result.names[i]} — ${m.period}`, m.grades.length, cardBody(m, i));
}

/** The card without the page shell (the PDF of all cards puts many in one document). */
export function cardBody(m: ReportModel, i: number): string {
  const { lang, result } = m;
  const t = STRINGS[lang];
  const graded = result.status[i] === "graded";
  let s = `<article class="card"><p class="noprint"><a href="../index.html">← ${e(t.back)}</a></p>`;
  s += `<header><h1>${e(result.names[i])}</h1><div class="meta">${e(t.id)} ${e(result.ids[i])}${m.park[i] ? ` · ${e(m.park[i])}` : ""}${m.industry[i] ? ` · ${e(m.industry[i])}` : ""} · ${e(t.period)} ${e(m.period)}</div></header>`;
  s += tiles(m, i);
  if (graded) s += categories(m, i);
  s += indicatorTable(m, i);
  s += trend(m, i);
  if (graded) s += strengths(m, i);
  s += reasons(m, i);
  s += nextGradeSection(m, i);
  s += robustnessLine(m, i);
  s += `<p class="confidential">${e(t.confidential)}</p></article>`;
  return s;
}

function tiles(m: ReportModel, i: number): string {
  const { lang, result } = m;
  const t = STRINGS[lang];
  if (result.status[i] !== "graded") return `<div class="tiles"><div class="tile"><div class="k">${e(t.grade)}</div><div class="v">—</div><div class="d">${e(t.status[result.status[i]] ?? result.status[i])}</div></div></div>`;
  const k = m.grades.indexOf(result.grade[i]);
  const label = m.scheme.grading.labels[result.grade[i]]?.[lang] ?? "";
  const d = m.rankChange[i];
  const move = m.isNew[i] ? t.newEntry : Number.isFinite(d) ? (d > 0 ? `▲${d}` : d < 0 ? `▼${-d}` : "–") : "–";
  const prev = m.previousGrade[i];
  return `<div class="tiles"><div class="tile"><div class="k">${e(t.score)}</div><div class="v">${fmtScore(result.score[i], lang)}</div></div>
<div class="tile c${k}"><div class="k">${e(t.grade)}</div><div class="v"><span class="grade g${k}">${e(result.grade[i])}</span></div><div class="d">${e(label)}</div></div>
<div class="tile"><div class="k">${e(t.rank)}</div><div class="v">${result.rank[i]}</div><div class="d">${e(t.rankOf(String(result.rank[i]), fmt(m.graded, 0, lang)))} · ${e(t.topShare(fmt((100 * result.rank[i]) / m.graded, 0, lang)))}</div></div>
<div class="tile"><div class="k">${e(t.move)}</div><div class="v">${e(move)}</div><div class="d">${prev ? `${e(t.previous)}: ${e(prev)}` : ""}</div></div></div>`;
}

function categories(m: ReportModel, i: number): string {
  const { lang, scheme } = m;
  const t = STRINGS[lang];
  const g = groupOf(m, i);
  const rows = m.categories.map((c, k) => ({ label: c.label[lang], value: m.categoryScores[k][i], median: g.categories[k]?.median, q1: g.categories[k]?.q1, q3: g.categories[k]?.q3 }));
  const scale = scheme.aggregation.scale;
  const axes = m.categories.map((c, k) => {
    const per = c.weight > 0 ? scale * c.weight : 1;
    const med = g.categories[k]?.median;
    return { label: c.label[lang], value: m.categoryScores[k][i] / per, median: med === undefined ? undefined : med / per };
  });
  return `<section class="keep"><h2>${e(t.categoryVsMedian)}${g.n >= MIN_GROUP ? ` <span class="note">(n = ${g.n})</span>` : ""}</h2><div class="grid">${dotPlot(rows, {
    format: (v) => fmt(v, 1, lang),
    ownLabel: t.own,
    medianLabel: t.parkMedian,
    rangeLabel: t.quartiles,
    title: t.categoryVsMedian,
  })}${radar(axes, { title: t.categoryVsMedian })}</div></section>`;
}

function indicatorTable(m: ReportModel, i: number): string {
  const { lang, result, scheme } = m;
  const t = STRINGS[lang];
  const g = groupOf(m, i);
  const graded = result.status[i] === "graded";
  let s = `<section class="keep"><h2>${e(t.indicators)}</h2><table><thead><tr><th>${e(t.indicator)}</th><th class="num">${e(t.value)}</th><th>${e(t.unit)}</th>${graded ? `<th class="num">${e(t.normalized)}</th><th class="num">${e(t.contribution)}</th>` : ""}<th class="num">${e(t.parkMedian)}</th></tr></thead><tbody>`;
  for (const ind of scheme.indicators) {
    const med = g.values.get(ind.id);
    s += `<tr><td>${e(ind.label[lang])}</td><td class="num">${fmtValue(result.values.get(ind.id)![i], lang)}</td><td>${e(ind.unit)}</td>`;
    if (graded) s += `<td class="num">${fmt(result.norm.get(ind.id)![i], 3, lang)}</td><td class="num">${fmtScore(result.contrib.get(ind.id)![i], lang)}</td>`;
    s += `<td class="num">${med ? fmtValue(med.median, lang) : e(t.suppressedShort)}</td></tr>`;
  }
  s += "</tbody></table>";
  if (scheme.indicators.some((ind) => !g.values.get(ind.id))) s += `<p class="note">${e(t.suppressed)}</p>`;
  return s + "</section>";
}

function trend(m: ReportModel, i: number): string {
  const { lang } = m;
  const t = STRINGS[lang];
  const series = m.history.map((h) => h[i]);
  let s = `<section class="keep"><h2>${e(t.trend)}</h2><div class="grid">${sparkline(series, { width: 240, height: 60, label: t.trend })}<table style="width:auto"><thead><tr>`;
  s += m.periods.map((p) => `<th class="num">${e(p)}</th>`).join("") + `</tr></thead><tbody><tr>`;
  s += series.map((v) => `<td class="num">${fmtScore(v, lang)}</td>`).join("") + "</tr>";
  s += `<tr>${m.medianHistory.map((v) => `<td class="num note">${fmtScore(v, lang)}</td>`).join("")}</tr></tbody></table></div>`;
  return s + `<p class="note">${e(lang === "zh" ? "第二行:各期全部参评企业得分中位数" : "second row: median score of all graded enterprises in each period")}</p></section>`;
}

function strengths(m: ReportModel, i: number): string {
  const { lang, result, scheme } = m;
  const t = STRINGS[lang];
  const g = groupOf(m, i);
  const gaps = scheme.indicators
    .map((ind) => {
      const med = g.contrib.get(ind.id);
      return { label: ind.label[lang], gap: med ? result.contrib.get(ind.id)![i] - med.median : NaN };
    })
    .filter((x) => Number.isFinite(x.gap));
  if (!gaps.length) return "";
  const pos = gaps.filter((x) => x.gap > 0).sort((a, b) => b.gap - a.gap).slice(0, 3);
  const neg = gaps.filter((x) => x.gap < 0).sort((a, b) => a.gap - b.gap).slice(0, 3);
  const list = (xs: typeof gaps, cls: string) => (xs.length ? `<ul class="plain">${xs.map((x) => `<li>${e(x.label)} <span class="${cls}">${x.gap > 0 ? "+" : "−"}${fmtScore(Math.abs(x.gap), lang)}</span> ${e(t.pointsUnit)}</li>`).join("")}</ul>` : `<p class="note">${e(t.noReasons)}</p>`);
  return `<section class="keep"><h2>${e(t.strengths)} / ${e(t.weaknesses)}</h2><p class="note">${e(t.gapNote)}</p><div class="grid"><div><h3>${e(t.strengths)}</h3>${list(pos, "pos")}</div><div><h3>${e(t.weaknesses)}</h3>${list(neg, "neg")}</div></div></section>`;
}

function reasons(m: ReportModel, i: number): string {
  const { lang, result } = m;
  const t = STRINGS[lang];
  const rs = result.reasons[i];
  const items = rs.map((r) => `<li>${r.kind === "veto" ? `<strong class="neg">${e(t.vetoed)}</strong> ` : ""}${r.points !== undefined ? `${r.points > 0 ? "+" : ""}${fmt(r.points, Number.isInteger(r.points) ? 0 : 2, lang)} ` : ""}${e(r.label[lang])}</li>`);
  return `<section class="keep"><h2>${e(t.reasons)}</h2>${items.length ? `<ul class="plain">${items.join("")}</ul>` : `<p class="note">${e(t.noReasons)}</p>`}</section>`;
}

/** This enterprise's own rank interval and grade stability under the scheme's uncertain choices (its figures only). */
function robustnessLine(m: ReportModel, i: number): string {
  const r = m.robustness;
  if (!r || r.intervals.rankNominal[i] === 0) return "";
  const { lang } = m;
  const t = STRINGS[lang];
  const iv = r.intervals;
  const share = `${fmt(100 * iv.gradeStability[i], 0, lang)}%`;
  return `<section class="keep"><h2>${e(t.robustness)}</h2><p>${e(t.robustnessCard(r.samples, fmt(iv.rankP05[i], 0, lang), fmt(iv.rankP95[i], 0, lang), share, iv.gradeNominal[i]))}</p></section>`;
}

function nextGradeSection(m: ReportModel, i: number): string {
  const { lang, result, scheme } = m;
  const t = STRINGS[lang];
  let s = `<section class="keep"><h2>${e(t.nextGrade)}</h2>`;
  if (result.status[i] !== "graded") return s + `<p>${e(t.notGradedNext)}</p></section>`;
  if (result.vetoed[i]) return s + `<p>${e(t.vetoNext)}</p></section>`;
  const nx = m.next[i];
  if (!nx) return s + `<p>${e(t.topGrade)}</p></section>`;
  s += `<p>${e(t.distance(fmtScore(nx.distance, lang), nx.grade, fmtScore(nx.boundary, lang)))}</p>`;
  if (scheme.aggregation.method !== "weighted-sum") return s + `<p class="note">${e(t.notAdditive)}</p></section>`;
  const list = improvements(i, nx.distance, result, scheme, m.params);
  s += `<p>${e(t.single)}</p><ol>${list.map((x) => `<li>${e(x.indicator.label[lang])}: ${e(describe(x, lang))}</li>`).join("")}</ol>`;
  return s + "</section>";
}

/** One improvement in words; the target rounded away from the current value at the printed precision, so the printed figure does reach the grade. */
export function describe(x: Improvement, lang: Lang): string {
  const t = STRINGS[lang];
  const unit = x.indicator.unit;
  if (x.target.kind === "unreachable") return t.unreachable(fmt(x.target.limit, 2, lang));
  if (x.target.kind === "withheld") return t.withheld(fmt(x.gain, 3, lang));
  const to = x.target.x;
  if (!Number.isFinite(x.from)) return t.reportTo(roundedTarget(to, true, lang), unit);
  const up = to > x.from;
  return (up ? t.raiseTo : t.lowerTo)(fmtValue(x.from, lang), roundedTarget(to, up, lang), unit);
}

function roundedTarget(v: number, up: boolean, lang: Lang): string {
  const d = valueDecimals(v);
  const f = 10 ** d;
  const r = (up ? Math.ceil(v * f - 1e-9) : Math.floor(v * f + 1e-9)) / f;
  return fmt(r, d, lang);
}
