/**
 * index.html — the league table for leadership: KPI tiles, the ranked table (filterable and
 * sortable in the browser, complete without JavaScript), the grade distribution, the watch list,
 * the enterprises not graded and the methodology.
 */
import { TARGET_LABELS } from "../../admission/commitments.js";
import { escapeHtml as e } from "../../charts/escape.js";
import { gradeBars } from "../../charts/grade-bars.js";
import { sparkline } from "../../charts/sparkline.js";
import { fmt, fmtScore, STRINGS } from "../i18n.js";
import { methodologyHtml } from "../methodology.js";
import { cardFile, type ReportModel } from "../model.js";
import { page } from "./layout.js";
import { TABLE_SCRIPT } from "./script.js";

export function indexHtml(m: ReportModel): string {
  const { lang, scheme, result } = m;
  const t = STRINGS[lang];
  const title = `${scheme.title[lang]} — ${m.period}`;
  let s = `<header><h1>${e(scheme.title[lang])}</h1><div class="meta">${e(t.report)} · ${e(t.period)} ${e(m.period)} · ${e(t.dataRevision(m.revision.revision, m.revision.importedAt))} · <span class="run">${e(m.run ? t.publishedRun(m.run) : t.notPublished)}</span></div></header>`;
  s += tiles(m);
  s += `<h2>${e(t.rank)}</h2>`;
  s += filters(m);
  s += leagueTable(m);
  s += `<section class="keep"><h2>${e(t.gradeDistribution)}</h2>${gradeBars(
    m.grades.map((g, k) => ({ grade: g, label: scheme.grading.labels[g]?.[lang], count: m.gradeCounts[k], previous: m.previousGradeCounts?.[k] })),
    { currentLabel: `${t.current} ${m.period}`, previousLabel: m.periods.length > 1 ? `${t.previous} ${m.periods[m.periods.length - 2]}` : "", title: t.gradeDistribution },
  )}</section>`;
  s += robustness(m);
  s += watchList(m);
  s += notGraded(m);
  s += methodologyHtml(scheme, result, m.revision, m.run, lang);
  return page(lang, title, m.grades.length, s, TABLE_SCRIPT);
}

function tiles(m: ReportModel): string {
  const { lang } = m;
  const t = STRINGS[lang];
  let s = `<div class="tiles"><div class="tile"><div class="k">${e(t.graded)}</div><div class="v">${fmt(m.graded, 0, lang)}</div><div class="d">${e(t.listed(fmt(m.result.n, 0, lang)))}</div></div>`;
  m.grades.forEach((g, k) => {
    const prev = m.previousGradeCounts?.[k];
    const d = prev === undefined ? "" : m.gradeCounts[k] - prev;
    const label = m.scheme.grading.labels[g]?.[lang];
    s += `<div class="tile c${k}"><div class="k"><span class="grade g${k}">${e(g)}</span> ${e(label ?? "")}</div><div class="v">${fmt(m.gradeCounts[k], 0, lang)}</div><div class="d">${d === "" ? "" : `${e(t.vsLast)} ${d > 0 ? "+" : ""}${d}`}</div></div>`;
  });
  const median = m.medianHistory[m.medianHistory.length - 1];
  s += `<div class="tile"><div class="k">${e(t.medianScore)}</div><div class="v">${fmtScore(median, lang)}</div><div class="d">${sparkline(m.medianHistory, { width: 110, height: 24, label: `${t.medianScore} ${m.periods[0]}–${m.period}` })} ${e(m.periods[0])}–${e(m.period)}</div></div></div>`;
  return s;
}

function filters(m: ReportModel): string {
  const t = STRINGS[m.lang];
  const select = (name: string, label: string, options: { v: string; text: string }[]) =>
    `<label>${e(label)}<select name="${name}"><option value="">${e(t.all)}</option>${options.map((o) => `<option value="${e(o.v)}">${e(o.text)}</option>`).join("")}</select></label>`;
  let s = `<div class="filters" id="filters" hidden><strong>${e(t.filter)}</strong>`;
  if (m.parks.length) s += select("park", t.park, m.parks.map((p) => ({ v: p, text: p })));
  if (m.industries.length) s += select("industry", t.industry, m.industries.map((p) => ({ v: p, text: p })));
  s += select("grade", t.grade, m.grades.map((g) => ({ v: g, text: g })));
  const graded = m.order.filter((i) => m.result.status[i] === "graded").length;
  return s + `<span class="note"><span id="shown">${graded}</span> ${e(t.shown)}</span></div>`;
}

/** Quartile class of a category score among the graded (q1 lowest … q4 highest), for the chip colour. */
function quartileClass(v: number, q: { q1: number; median: number; q3: number } | undefined): string {
  if (!q || !Number.isFinite(v)) return "";
  return v < q.q1 ? "q1" : v < q.median ? "q2" : v < q.q3 ? "q3" : "q4";
}

function leagueTable(m: ReportModel): string {
  const { lang, result } = m;
  const t = STRINGS[lang];
  const gradeIndex = new Map(m.grades.map((g, k) => [g, k]));
  const th = (text: string, num: boolean, cls = "") => `<th${num ? ' data-type="num"' : ""}${cls ? ` class="${cls}"` : ""}><button type="button">${e(text)}</button></th>`;
  let s = `<table id="league"><thead><tr>${th(t.rank, true, "num")}${th(t.move, true)}${th(t.enterprise, false)}`;
  if (m.parks.length) s += th(t.park, false);
  if (m.industries.length) s += th(t.industry, false);
  s += th(t.score, true, "num") + th(t.grade, true);
  for (const c of m.categories) s += th(c.label[lang], true, "num");
  s += th(`${t.trend} ${m.periods[0]}–${m.period}`, true) + th(t.toNext, true, "num") + "</tr></thead><tbody>";
  // Each row on its own scale, at least a tenth of the period's score range high.
  const minSpan = (Math.max(...m.history.map((h) => maxOf(h))) - Math.min(...m.history.map((h) => minOf(h)))) / 10 || 1;
  const series = new Float64Array(m.history.length);
  for (const i of m.order) {
    if (result.status[i] !== "graded") continue;
    const g = result.grade[i];
    const k = gradeIndex.get(g) ?? -1;
    s += `<tr data-park="${e(m.park[i])}" data-industry="${e(m.industry[i])}" data-grade="${e(g)}">`;
    s += `<td class="num">${result.rank[i]}</td>`;
    s += movementCell(m, i);
    s += `<td data-v="${e(result.names[i])}"><a href="enterprises/${e(cardFile(result.ids[i]))}">${e(result.names[i])}</a><div class="id">${e(result.ids[i])}</div></td>`;
    if (m.parks.length) s += `<td>${e(m.park[i])}</td>`;
    if (m.industries.length) s += `<td>${e(m.industry[i])}</td>`;
    s += `<td class="num">${fmtScore(result.score[i], lang)}</td>`;
    s += `<td data-v="${k}"><span class="grade g${k}">${e(g)}</span>${result.vetoed[i] ? ` <span class="neg" title="${e(t.vetoed)}">✖</span>` : ""}</td>`;
    m.categories.forEach((_, c) => {
      const v = m.categoryScores[c][i];
      s += `<td class="num" data-v="${v}"><span class="chip ${quartileClass(v, m.categoryQuartiles[c])}">${fmt(v, 1, lang)}</span></td>`;
    });
    for (let p = 0; p < m.history.length; p++) series[p] = m.history[p][i];
    const last = series[series.length - 1], first = firstFinite(series);
    s += `<td data-v="${Number.isFinite(first) ? last - first : ""}">${sparkline(series, { minSpan, label: `${t.trend}` })}</td>`;
    const nx = m.next[i];
    s += nx ? `<td class="num" data-v="${nx.distance}">${fmtScore(nx.distance, lang)} → ${e(nx.grade)}</td>` : `<td class="num" data-v="">${result.vetoed[i] ? e(t.vetoed) : "—"}</td>`;
    s += "</tr>";
  }
  return s + "</tbody></table>";
}

function movementCell(m: ReportModel, i: number): string {
  const t = STRINGS[m.lang];
  if (m.isNew[i]) return `<td data-v=""><span class="new">${e(t.newEntry)}</span></td>`;
  const d = m.rankChange[i];
  if (!Number.isFinite(d)) return `<td data-v="">–</td>`;
  if (d > 0) return `<td data-v="${d}" class="up">▲${d}</td>`;
  if (d < 0) return `<td data-v="${d}" class="down">▼${-d}</td>`;
  return `<td data-v="0" class="same">–</td>`;
}

/** The rank-interval chart of the scheme's uncertainty analysis (static SVG from vega; its text is escaped by vega's SVG renderer). */
function robustness(m: ReportModel): string {
  const r = m.robustness;
  if (!r) return "";
  const t = STRINGS[m.lang];
  const factors = r.factors.map((f) => t.factorNames[f] ?? f.replace(/^parameter:/, "")).join(m.lang === "zh" ? "、" : ", ");
  return `<section class="keep robustness"><h2>${e(t.robustness)}</h2><p>${e(t.robustnessText(r.samples, factors, r.unstable, r.ranked))}</p><div class="chart">${r.svg}</div></section>`;
}

function watchList(m: ReportModel): string {
  const { lang, result } = m;
  const t = STRINGS[lang];
  const row = new Map(result.ids.map((id, i) => [id, i]));
  const items: { i: number; what: string }[] = [];
  for (const i of m.order) {
    if (!result.vetoed[i]) continue;
    const why = result.reasons[i].filter((r) => r.kind === "veto").map((r) => r.label[lang]);
    items.push({ i, what: `${t.vetoed}: ${why.join(lang === "zh" ? ";" : "; ")}` });
  }
  const order = ["repeated-worst", "grade-fell", "score-falling"];
  for (const a of [...m.alerts].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))) {
    const i = row.get(a.id);
    if (i === undefined) continue;
    const what = a.kind === "grade-fell" ? t.gradeFell(a.previousGrade!, a.grade!) : a.kind === "repeated-worst" ? t.repeatedWorst(a.grade!, a.run!) : `${t.scoreFalling(a.scores!.length - 1)}: ${a.scores!.map((v) => fmtScore(v, lang)).join(" → ")}`;
    items.push({ i, what });
  }
  for (const b of m.breaches) {
    const i = row.get(b.contract.id);
    if (i === undefined) continue;
    const short = b.targets.filter((x) => x.status === "not-met").map((x) => `${TARGET_LABELS[x.kind][lang]} ${fmt(x.actual, 2, lang)} < ${fmt(x.target, 2, lang)} ${lang === "zh" ? "万元/亩" : "10k CNY/mu"}`);
    items.push({ i, what: `${t.contractBreach}: ${short.join(lang === "zh" ? ";" : "; ")}` });
  }
  let s = `<section><h2>${e(t.watch)}</h2>`;
  if (!items.length) return s + `<p class="note">${e(t.watchNone)}</p></section>`;
  s += `<table class="watch"><thead><tr><th>${e(t.enterprise)}</th><th>${e(t.grade)}</th><th></th></tr></thead><tbody>`;
  const gradeIndex = new Map(m.grades.map((g, k) => [g, k]));
  for (const { i, what } of items)
    s += `<tr><td><a href="enterprises/${e(cardFile(result.ids[i]))}">${e(result.names[i])}</a> <span class="id">${e(result.ids[i])}</span></td><td><span class="grade g${gradeIndex.get(result.grade[i]) ?? -1}">${e(result.grade[i])}</span></td><td>${e(what)}</td></tr>`;
  return s + "</tbody></table></section>";
}

function notGraded(m: ReportModel): string {
  const { lang, result } = m;
  const t = STRINGS[lang];
  const rows = m.order.filter((i) => result.status[i] !== "graded");
  if (!rows.length) return "";
  let s = `<section><h2>${e(t.notGraded)} (${rows.length})</h2><table><thead><tr><th>${e(t.enterprise)}</th><th></th><th></th></tr></thead><tbody>`;
  for (const i of rows)
    s += `<tr><td><a href="enterprises/${e(cardFile(result.ids[i]))}">${e(result.names[i])}</a> <span class="id">${e(result.ids[i])}</span></td><td>${e(t.status[result.status[i]] ?? result.status[i])}</td><td>${e(result.reasons[i].map((r) => r.label[lang]).join(lang === "zh" ? ";" : "; "))}</td></tr>`;
  return s + "</tbody></table></section>";
}

function minOf(x: Float64Array): number {
  let v = Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] < v) v = x[i];
  return v;
}
function maxOf(x: Float64Array): number {
  let v = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > v) v = x[i];
  return v;
}
function firstFinite(x: Float64Array): number {
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) return x[i];
  return NaN;
}
