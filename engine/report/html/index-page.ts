/**
 * index.html — the league table for leadership: KPI tiles, the ranked table (filterable and
 * sortable in the browser, complete without JavaScript), the grade distribution, the watch list,
 * the enterprises not graded and the methodology.
 */
import { TARGET_LABELS } from "../../admission/commitments.js";
import { html, trusted, type Html } from "../../charts/html.js";
import { gradeBars } from "../../charts/grade-bars.js";
import { sparkline } from "../../charts/sparkline.js";
import { fmt, fmtScore, STRINGS } from "../i18n.js";
import { methodologyHtml } from "../methodology.js";
import { cardFile, type ReportModel } from "../model.js";
import { page } from "./layout.js";
import { TABLE_SCRIPT } from "./script.js";

export function indexHtml(m: ReportModel): string {
  const { lang, scheme } = m;
  const t = STRINGS[lang];
  const title = `${scheme.title[lang]} — ${m.period}`;
  const distribution = gradeBars(
    m.grades.map((g, k) => ({ grade: g, label: scheme.grading.labels[g]?.[lang], count: m.gradeCounts[k], previous: m.previousGradeCounts?.[k] })),
    { currentLabel: `${t.current} ${m.period}`, previousLabel: m.periods.length > 1 ? `${t.previous} ${m.periods[m.periods.length - 2]}` : "", title: t.gradeDistribution },
  );
  const body = html`<header><h1>${scheme.title[lang]}</h1><div class="meta">${t.report} · ${t.period} ${m.period} · ${t.dataRevision(m.revision.revision, m.revision.importedAt)} · <span class="run">${m.run ? t.publishedRun(m.run) : t.notPublished}</span></div></header>${tiles(m)}<h2>${t.rank}</h2>${filters(m)}${leagueTable(m)}<section class="keep"><h2>${t.gradeDistribution}</h2>${distribution}</section>${robustness(m)}${watchList(m)}${notGraded(m)}${methodologyHtml(scheme, m.result, m.revision, m.run, lang)}`;
  return page(lang, title, m.grades.length, body, TABLE_SCRIPT);
}

function tiles(m: ReportModel): Html {
  const { lang } = m;
  const t = STRINGS[lang];
  const grades = m.grades.map((g, k) => {
    const prev = m.previousGradeCounts?.[k];
    const d = prev === undefined ? "" : m.gradeCounts[k] - prev;
    const label = m.scheme.grading.labels[g]?.[lang];
    return html`<div class="tile c${k}"><div class="k"><span class="grade g${k}">${g}</span> ${label ?? ""}</div><div class="v">${fmt(m.gradeCounts[k], 0, lang)}</div><div class="d">${d === "" ? "" : `${t.vsLast} ${d > 0 ? "+" : ""}${d}`}</div></div>`;
  });
  const median = m.medianHistory[m.medianHistory.length - 1];
  const spark = sparkline(m.medianHistory, { width: 110, height: 24, label: `${t.medianScore} ${m.periods[0]}–${m.period}` });
  return html`<div class="tiles"><div class="tile"><div class="k">${t.graded}</div><div class="v">${fmt(m.graded, 0, lang)}</div><div class="d">${t.listed(fmt(m.result.n, 0, lang))}</div></div>${grades}<div class="tile"><div class="k">${t.medianScore}</div><div class="v">${fmtScore(median, lang)}</div><div class="d">${spark} ${m.periods[0]}–${m.period}</div></div></div>`;
}

function filters(m: ReportModel): Html {
  const t = STRINGS[m.lang];
  const select = (name: string, label: string, options: { v: string; text: string }[]) =>
    html`<label>${label}<select name="${name}"><option value="">${t.all}</option>${options.map((o) => html`<option value="${o.v}">${o.text}</option>`)}</select></label>`;
  const graded = m.order.filter((i) => m.result.status[i] === "graded").length;
  return html`<div class="filters" id="filters" hidden><strong>${t.filter}</strong>${m.parks.length ? select("park", t.park, m.parks.map((p) => ({ v: p, text: p }))) : ""}${
    m.industries.length ? select("industry", t.industry, m.industries.map((p) => ({ v: p, text: p }))) : ""
  }${select("grade", t.grade, m.grades.map((g) => ({ v: g, text: g })))}<span class="note"><span id="shown">${graded}</span> ${t.shown}</span></div>`;
}

/** Quartile class of a category score among the graded (q1 lowest … q4 highest), for the chip colour. */
function quartileClass(v: number, q: { q1: number; median: number; q3: number } | undefined): string {
  if (!q || !Number.isFinite(v)) return "";
  return v < q.q1 ? "q1" : v < q.median ? "q2" : v < q.q3 ? "q3" : "q4";
}

function leagueTable(m: ReportModel): Html {
  const { lang, result } = m;
  const t = STRINGS[lang];
  const gradeIndex = new Map(m.grades.map((g, k) => [g, k]));
  const th = (text: string, num: boolean, cls = "") => html`<th${num ? html` data-type="num"` : ""}${cls ? html` class="${cls}"` : ""}><button type="button">${text}</button></th>`;
  const head = [th(t.rank, true, "num"), th(t.move, true), th(t.enterprise, false)];
  if (m.parks.length) head.push(th(t.park, false));
  if (m.industries.length) head.push(th(t.industry, false));
  head.push(th(t.score, true, "num"), th(t.grade, true));
  for (const c of m.categories) head.push(th(c.label[lang], true, "num"));
  head.push(th(`${t.trend} ${m.periods[0]}–${m.period}`, true), th(t.toNext, true, "num"));
  // Each row on its own scale, at least a tenth of the period's score range high.
  const minSpan = (Math.max(...m.history.map((h) => maxOf(h))) - Math.min(...m.history.map((h) => minOf(h)))) / 10 || 1;
  const series = new Float64Array(m.history.length);
  const rows: Html[] = [];
  for (const i of m.order) {
    if (result.status[i] !== "graded") continue;
    const g = result.grade[i];
    const k = gradeIndex.get(g) ?? -1;
    const chips = m.categories.map((_, c) => {
      const v = m.categoryScores[c][i];
      return html`<td class="num" data-v="${v}"><span class="chip ${quartileClass(v, m.categoryQuartiles[c])}">${fmt(v, 1, lang)}</span></td>`;
    });
    for (let p = 0; p < m.history.length; p++) series[p] = m.history[p][i];
    const last = series[series.length - 1], first = firstFinite(series);
    const nx = m.next[i];
    rows.push(
      html`<tr data-park="${m.park[i]}" data-industry="${m.industry[i]}" data-grade="${g}"><td class="num">${result.rank[i]}</td>${movementCell(m, i)}<td data-v="${result.names[i]}"><a href="enterprises/${cardFile(result.ids[i])}">${result.names[i]}</a><div class="id">${result.ids[i]}</div></td>${
        m.parks.length ? html`<td>${m.park[i]}</td>` : ""
      }${m.industries.length ? html`<td>${m.industry[i]}</td>` : ""}<td class="num">${fmtScore(result.score[i], lang)}</td><td data-v="${k}"><span class="grade g${k}">${g}</span>${
        result.vetoed[i] ? html` <span class="neg" title="${t.vetoed}">✖</span>` : ""
      }</td>${chips}<td data-v="${Number.isFinite(first) ? last - first : ""}">${sparkline(series, { minSpan, label: `${t.trend}` })}</td>${
        nx ? html`<td class="num" data-v="${nx.distance}">${fmtScore(nx.distance, lang)} → ${nx.grade}</td>` : html`<td class="num" data-v="">${result.vetoed[i] ? t.vetoed : "—"}</td>`
      }</tr>`,
    );
  }
  return html`<table id="league"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function movementCell(m: ReportModel, i: number): Html {
  const t = STRINGS[m.lang];
  if (m.isNew[i]) return html`<td data-v=""><span class="new">${t.newEntry}</span></td>`;
  const d = m.rankChange[i];
  if (!Number.isFinite(d)) return html`<td data-v="">–</td>`;
  if (d > 0) return html`<td data-v="${d}" class="up">▲${d}</td>`;
  if (d < 0) return html`<td data-v="${d}" class="down">▼${-d}</td>`;
  return html`<td data-v="0" class="same">–</td>`;
}

/** The rank-interval chart of the scheme's uncertainty analysis (static SVG from vega; its text is escaped by vega's SVG renderer). */
function robustness(m: ReportModel): Html | "" {
  const r = m.robustness;
  if (!r) return "";
  const t = STRINGS[m.lang];
  const factors = r.factors.map((f) => t.factorNames[f] ?? f.replace(/^parameter:/, "")).join(m.lang === "zh" ? "、" : ", ");
  return html`<section class="keep robustness"><h2>${t.robustness}</h2><p>${t.robustnessText(r.samples, factors, r.unstable, r.ranked)}</p><div class="chart">${trusted(r.svg)}</div></section>`;
}

function watchList(m: ReportModel): Html {
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
  if (!items.length) return html`<section><h2>${t.watch}</h2><p class="note">${t.watchNone}</p></section>`;
  const gradeIndex = new Map(m.grades.map((g, k) => [g, k]));
  const rows = items.map(
    ({ i, what }) =>
      html`<tr><td><a href="enterprises/${cardFile(result.ids[i])}">${result.names[i]}</a> <span class="id">${result.ids[i]}</span></td><td><span class="grade g${gradeIndex.get(result.grade[i]) ?? -1}">${result.grade[i]}</span></td><td>${what}</td></tr>`,
  );
  return html`<section><h2>${t.watch}</h2><table class="watch"><thead><tr><th>${t.enterprise}</th><th>${t.grade}</th><th></th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function notGraded(m: ReportModel): Html | "" {
  const { lang, result } = m;
  const t = STRINGS[lang];
  const rows = m.order.filter((i) => result.status[i] !== "graded");
  if (!rows.length) return "";
  const cells = rows.map(
    (i) =>
      html`<tr><td><a href="enterprises/${cardFile(result.ids[i])}">${result.names[i]}</a> <span class="id">${result.ids[i]}</span></td><td>${t.status[result.status[i]] ?? result.status[i]}</td><td>${result.reasons[i].map((r) => r.label[lang]).join(lang === "zh" ? ";" : "; ")}</td></tr>`,
  );
  return html`<section><h2>${t.notGraded} (${rows.length})</h2><table><thead><tr><th>${t.enterprise}</th><th></th><th></th></tr></thead><tbody>${cells}</tbody></table></section>`;
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
