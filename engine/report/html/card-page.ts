/**
 * enterprises/<file>.html — one enterprise's card: score, grade, rank of N and share, category points
 * against its park's median (dot plot, with a fixed-order radar beside it), the indicator table, the
 * trend, strengths and weaknesses, reasons, and what it would take to reach the next grade.
 *
 * Confidentiality: the page is rendered from the card's facts (../card.ts) alone — the enterprise's
 * own figures and the aggregates disclosure.ts lets through — never from the report model.
 */
import { html, type Html } from "../../charts/html.js";
import { dotPlot } from "../../charts/dot-plot.js";
import { radar } from "../../charts/radar.js";
import { sparkline } from "../../charts/sparkline.js";
import type { Lang } from "../../scheme/types.js";
import { cardFacts, type CardFacts } from "../card.js";
import type { Masked } from "../disclosure.js";
import { fmt, fmtScore, fmtValue, STRINGS, valueDecimals } from "../i18n.js";
import type { ReportModel } from "../model.js";
import type { Improvement } from "../next-grade.js";
import { page } from "./layout.js";

export function cardHtml(m: ReportModel, i: number): string {
  return page(m.lang, `${m.result.names[i]} — ${m.period}`, m.grades.length, cardBody(m, i));
}

/** The card without the page shell (the PDF of all cards puts many in one document). */
export function cardBody(m: ReportModel, i: number): Html {
  return renderCard(cardFacts(m, i));
}

function renderCard(c: CardFacts): Html {
  const t = STRINGS[c.lang];
  const graded = c.status === "graded";
  const withheld = graded ? c.scope.why.map((w) => html`<p class="note withheld">${w === "small" ? t.withheldWhy.small(c.scheme.disclosure.minGroup) : t.withheldWhy[w]}</p>`) : [];
  return html`<article class="card"><p class="noprint"><a href="../index.html">← ${t.back}</a></p><header><h1>${c.name}</h1><div class="meta">${t.id} ${c.id}${c.park ? html` · ${c.park}` : ""}${c.industry ? html` · ${c.industry}` : ""} · ${t.period} ${c.period}</div></header>${tiles(c)}${withheld}${
    c.categories ? categories(c, c.categories) : ""
  }${indicatorTable(c)}${trend(c)}${c.gaps ? strengths(c, c.gaps) : ""}${reasons(c)}${nextGradeSection(c)}${robustnessLine(c)}<p class="confidential">${t.confidential(c.scheme.disclosure.minGroup, c.scheme.disclosure.digits)}</p></article>`;
}

/** An aggregate as printed: "≈" and its rounded digits, or "—" when withheld. */
function agg(v: Masked | undefined, lang: Lang): string {
  return v ? `≈${fmt(v.value, v.decimals, lang)}` : "—";
}

function tiles(c: CardFacts): Html {
  const { lang } = c;
  const t = STRINGS[lang];
  if (c.status !== "graded") return html`<div class="tiles"><div class="tile"><div class="k">${t.grade}</div><div class="v">—</div><div class="d">${t.status[c.status] ?? c.status}</div></div></div>`;
  const k = c.grades.indexOf(c.grade);
  const d = c.rankChange;
  const move = c.isNew ? t.newEntry : Number.isFinite(d) ? (d > 0 ? `▲${d}` : d < 0 ? `▼${-d}` : "–") : "–";
  return html`<div class="tiles"><div class="tile"><div class="k">${t.score}</div><div class="v">${c.score === undefined ? "—" : fmtScore(c.score, lang)}</div></div>
<div class="tile c${k}"><div class="k">${t.grade}</div><div class="v"><span class="grade g${k}">${c.grade}</span></div><div class="d">${c.gradeLabel}</div></div>
<div class="tile"><div class="k">${t.rank}</div><div class="v">${c.rank}</div><div class="d">${t.rankOf(String(c.rank), fmt(c.graded, 0, lang))} · ${t.topShare(fmt((100 * c.rank) / c.graded, 0, lang))}</div></div>
<div class="tile"><div class="k">${t.move}</div><div class="v">${move}</div><div class="d">${c.previousGrade ? html`${t.previous}: ${c.previousGrade}` : ""}</div></div></div>`;
}

function categories(c: CardFacts, cats: NonNullable<CardFacts["categories"]>): Html {
  const { lang } = c;
  const t = STRINGS[lang];
  const rows = cats.map((k) => ({ label: k.label, value: k.value, median: k.group?.median?.value, q1: k.group?.q1?.value, q3: k.group?.q3?.value }));
  const axes = cats.map((k) => ({ label: k.label, value: k.value / k.full, median: k.group?.median ? k.group.median.value / k.full : undefined }));
  const dots = dotPlot(rows, {
    format: (v) => fmtScore(v, lang),
    ownLabel: t.own,
    medianLabel: t.parkMedian,
    rangeLabel: t.quartiles,
    title: t.categoryVsMedian,
  });
  return html`<section class="keep"><h2>${t.categoryVsMedian}${c.groupN !== undefined ? html` <span class="note">(n = ${c.groupN})</span>` : ""}</h2><div class="grid">${dots}${radar(axes, { title: t.categoryVsMedian })}</div></section>`;
}

function indicatorTable(c: CardFacts): Html {
  const { lang } = c;
  const t = STRINGS[lang];
  const norm = c.indicators.some((x) => x.norm !== undefined);
  const points = c.indicators.some((x) => x.contrib !== undefined);
  const sources = c.indicators.some((x) => x.sources !== undefined);
  const rows = c.indicators.map(
    (x) =>
      html`<tr><td>${x.label}</td><td class="num">${fmtValue(x.value, lang)}</td><td>${x.unit}</td>${norm ? html`<td class="num">${x.norm === undefined ? "—" : fmt(x.norm, 3, lang)}</td>` : ""}${
        points ? html`<td class="num">${x.contrib === undefined ? "—" : fmtScore(x.contrib, lang)}</td>` : ""
      }<td class="num">${agg(x.median, lang)}</td>${sources ? html`<td>${x.sources ?? ""}</td>` : ""}</tr>`,
  );
  return html`<section class="keep"><h2>${t.indicators}</h2><table><thead><tr><th>${t.indicator}</th><th class="num">${t.value}</th><th>${t.unit}</th>${norm ? html`<th class="num">${t.normalized}</th>` : ""}${
    points ? html`<th class="num">${t.contribution}</th>` : ""
  }<th class="num">${t.parkMedian}</th>${sources ? html`<th>${t.dataSource}</th>` : ""}</tr></thead><tbody>${rows}</tbody></table>${c.indicators.some((x) => !x.median) ? html`<p class="note">${t.suppressed(c.scheme.disclosure.minGroup)}</p>` : ""}</section>`;
}

function trend(c: CardFacts): Html {
  const { lang } = c;
  const t = STRINGS[lang];
  const { periods, own, median } = c.trend;
  return html`<section class="keep"><h2>${t.trend}</h2><div class="grid">${sparkline(own, { width: 240, height: 60, label: t.trend })}<table style="width:auto"><thead><tr>${periods.map((p) => html`<th class="num">${p}</th>`)}</tr></thead><tbody><tr>${Array.from(own, (v) => html`<td class="num">${fmtScore(v, lang)}</td>`)}</tr><tr>${median.map((v) => html`<td class="num note">${agg(v, lang)}</td>`)}</tr></tbody></table></div><p class="note">${lang === "zh" ? "第二行:各期全部参评企业得分中位数" : "second row: median score of all graded enterprises in each period"}</p></section>`;
}

function strengths(c: CardFacts, gaps: NonNullable<CardFacts["gaps"]>): Html | "" {
  const { lang } = c;
  const t = STRINGS[lang];
  const found = gaps.filter((x) => Number.isFinite(x.gap));
  if (!found.length) return "";
  const pos = found.filter((x) => x.gap > 0).sort((a, b) => b.gap - a.gap).slice(0, 3);
  const neg = found.filter((x) => x.gap < 0).sort((a, b) => a.gap - b.gap).slice(0, 3);
  const list = (xs: typeof found, cls: string) =>
    xs.length ? html`<ul class="plain">${xs.map((x) => html`<li>${x.label} <span class="${cls}">${x.gap > 0 ? "+" : "−"}${fmtScore(Math.abs(x.gap), lang)}</span> ${t.pointsUnit}</li>`)}</ul>` : html`<p class="note">${t.noReasons}</p>`;
  return html`<section class="keep"><h2>${t.strengths} / ${t.weaknesses}</h2><p class="note">${t.gapNote}</p><div class="grid"><div><h3>${t.strengths}</h3>${list(pos, "pos")}</div><div><h3>${t.weaknesses}</h3>${list(neg, "neg")}</div></div></section>`;
}

function reasons(c: CardFacts): Html {
  const { lang } = c;
  const t = STRINGS[lang];
  const items = c.reasons.map(
    (r) => html`<li>${r.kind === "veto" ? html`<strong class="neg">${t.vetoed}</strong> ` : ""}${r.points !== undefined ? `${r.points > 0 ? "+" : ""}${fmt(r.points, Number.isInteger(r.points) ? 0 : 2, lang)} ` : ""}${r.label[lang]}</li>`,
  );
  return html`<section class="keep"><h2>${t.reasons}</h2>${items.length ? html`<ul class="plain">${items}</ul>` : html`<p class="note">${t.noReasons}</p>`}</section>`;
}

/** This enterprise's own rank interval and grade stability under the scheme's uncertain choices. */
function robustnessLine(c: CardFacts): Html | "" {
  const r = c.robustness;
  if (!r) return "";
  const { lang } = c;
  const t = STRINGS[lang];
  return html`<section class="keep"><h2>${t.robustness}</h2><p>${t.robustnessCard(r.samples, fmt(r.p05, 0, lang), fmt(r.p95, 0, lang), `${fmt(100 * r.stability, 0, lang)}%`, r.grade)}</p></section>`;
}

function nextGradeSection(c: CardFacts): Html {
  const { lang } = c;
  const t = STRINGS[lang];
  const nx = c.next;
  const section = (body: Html) => html`<section class="keep"><h2>${t.nextGrade}</h2>${body}</section>`;
  switch (nx.kind) {
    case "not-graded":
      return section(html`<p>${t.notGradedNext}</p>`);
    case "vetoed":
      return section(html`<p>${t.vetoNext}</p>`);
    case "top":
      return section(html`<p>${t.topGrade}</p>`);
    case "grade":
      return section(html`<p>${t.gradeOnly(nx.grade)}</p>`);
  }
  const threshold = fmt(nx.threshold.value, nx.exact ? 2 : nx.threshold.decimals, lang);
  const distance = html`<p>${(nx.exact ? t.distance : t.distanceRounded)(fmtScore(nx.distance, lang), nx.grade, threshold)}</p>`;
  // withheld points are explained at the top of the card
  if (!nx.improvements) return section(html`${distance}${c.scheme.aggregation.method === "weighted-sum" ? "" : html`<p class="note">${t.notAdditive}</p>`}`);
  return section(html`${distance}<p>${t.single}</p><ol>${nx.improvements.map((x) => html`<li>${x.indicator.label[lang]}: ${describe(x, lang)}</li>`)}</ol>`);
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
