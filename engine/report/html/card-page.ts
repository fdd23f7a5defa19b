/**
 * enterprises/<file>.html — one enterprise's card: score, grade, rank of N and share, category points
 * against its park's median (dot plot, with a fixed-order radar beside it), the indicator table, the
 * trend, strengths and weaknesses, reasons, and what it would take to reach the next grade.
 *
 * Confidentiality: the page is rendered from the card's facts (../card.ts) alone — the enterprise's
 * own figures and the aggregates disclosure.ts lets through — never from the report model.
 */
import { escapeHtml as e } from "../../charts/escape.js";
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
export function cardBody(m: ReportModel, i: number): string {
  return renderCard(cardFacts(m, i));
}

function renderCard(c: CardFacts): string {
  const t = STRINGS[c.lang];
  const graded = c.status === "graded";
  let s = `<article class="card"><p class="noprint"><a href="../index.html">← ${e(t.back)}</a></p>`;
  s += `<header><h1>${e(c.name)}</h1><div class="meta">${e(t.id)} ${e(c.id)}${c.park ? ` · ${e(c.park)}` : ""}${c.industry ? ` · ${e(c.industry)}` : ""} · ${e(t.period)} ${e(c.period)}</div></header>`;
  s += tiles(c);
  if (graded && c.scope.why.length) s += c.scope.why.map((w) => `<p class="note withheld">${e(w === "small" ? t.withheldWhy.small(c.scheme.disclosure.minGroup) : t.withheldWhy[w])}</p>`).join("");
  if (c.categories) s += categories(c, c.categories);
  s += indicatorTable(c);
  s += trend(c);
  if (c.gaps) s += strengths(c, c.gaps);
  s += reasons(c);
  s += nextGradeSection(c);
  s += robustnessLine(c);
  s += `<p class="confidential">${e(t.confidential(c.scheme.disclosure.minGroup, c.scheme.disclosure.digits))}</p></article>`;
  return s;
}

/** An aggregate as printed: "≈" and its rounded digits, or "—" when withheld. */
function agg(v: Masked | undefined, lang: Lang): string {
  return v ? `≈${fmt(v.value, v.decimals, lang)}` : "—";
}

function tiles(c: CardFacts): string {
  const { lang } = c;
  const t = STRINGS[lang];
  if (c.status !== "graded") return `<div class="tiles"><div class="tile"><div class="k">${e(t.grade)}</div><div class="v">—</div><div class="d">${e(t.status[c.status] ?? c.status)}</div></div></div>`;
  const k = c.grades.indexOf(c.grade);
  const d = c.rankChange;
  const move = c.isNew ? t.newEntry : Number.isFinite(d) ? (d > 0 ? `▲${d}` : d < 0 ? `▼${-d}` : "–") : "–";
  return `<div class="tiles"><div class="tile"><div class="k">${e(t.score)}</div><div class="v">${c.score === undefined ? "—" : fmtScore(c.score, lang)}</div></div>
<div class="tile c${k}"><div class="k">${e(t.grade)}</div><div class="v"><span class="grade g${k}">${e(c.grade)}</span></div><div class="d">${e(c.gradeLabel)}</div></div>
<div class="tile"><div class="k">${e(t.rank)}</div><div class="v">${c.rank}</div><div class="d">${e(t.rankOf(String(c.rank), fmt(c.graded, 0, lang)))} · ${e(t.topShare(fmt((100 * c.rank) / c.graded, 0, lang)))}</div></div>
<div class="tile"><div class="k">${e(t.move)}</div><div class="v">${e(move)}</div><div class="d">${c.previousGrade ? `${e(t.previous)}: ${e(c.previousGrade)}` : ""}</div></div></div>`;
}

function categories(c: CardFacts, cats: NonNullable<CardFacts["categories"]>): string {
  const { lang } = c;
  const t = STRINGS[lang];
  const rows = cats.map((k) => ({ label: k.label, value: k.value, median: k.group?.median?.value, q1: k.group?.q1?.value, q3: k.group?.q3?.value }));
  const axes = cats.map((k) => ({ label: k.label, value: k.value / k.full, median: k.group?.median ? k.group.median.value / k.full : undefined }));
  return `<section class="keep"><h2>${e(t.categoryVsMedian)}${c.groupN !== undefined ? ` <span class="note">(n = ${c.groupN})</span>` : ""}</h2><div class="grid">${dotPlot(rows, {
    format: (v) => fmtScore(v, lang),
    ownLabel: t.own,
    medianLabel: t.parkMedian,
    rangeLabel: t.quartiles,
    title: t.categoryVsMedian,
  })}${radar(axes, { title: t.categoryVsMedian })}</div></section>`;
}

function indicatorTable(c: CardFacts): string {
  const { lang } = c;
  const t = STRINGS[lang];
  const norm = c.indicators.some((x) => x.norm !== undefined);
  const points = c.indicators.some((x) => x.contrib !== undefined);
  let s = `<section class="keep"><h2>${e(t.indicators)}</h2><table><thead><tr><th>${e(t.indicator)}</th><th class="num">${e(t.value)}</th><th>${e(t.unit)}</th>${norm ? `<th class="num">${e(t.normalized)}</th>` : ""}${points ? `<th class="num">${e(t.contribution)}</th>` : ""}<th class="num">${e(t.parkMedian)}</th></tr></thead><tbody>`;
  for (const x of c.indicators) {
    s += `<tr><td>${e(x.label)}</td><td class="num">${fmtValue(x.value, lang)}</td><td>${e(x.unit)}</td>`;
    if (norm) s += `<td class="num">${x.norm === undefined ? "—" : fmt(x.norm, 3, lang)}</td>`;
    if (points) s += `<td class="num">${x.contrib === undefined ? "—" : fmtScore(x.contrib, lang)}</td>`;
    s += `<td class="num">${agg(x.median, lang)}</td></tr>`;
  }
  s += "</tbody></table>";
  if (c.indicators.some((x) => !x.median)) s += `<p class="note">${e(t.suppressed(c.scheme.disclosure.minGroup))}</p>`;
  return s + "</section>";
}

function trend(c: CardFacts): string {
  const { lang } = c;
  const t = STRINGS[lang];
  const { periods, own, median } = c.trend;
  let s = `<section class="keep"><h2>${e(t.trend)}</h2><div class="grid">${sparkline(own, { width: 240, height: 60, label: t.trend })}<table style="width:auto"><thead><tr>`;
  s += periods.map((p) => `<th class="num">${e(p)}</th>`).join("") + `</tr></thead><tbody><tr>`;
  s += own.map((v) => `<td class="num">${fmtScore(v, lang)}</td>`).join("") + "</tr>";
  s += `<tr>${median.map((v) => `<td class="num note">${agg(v, lang)}</td>`).join("")}</tr></tbody></table></div>`;
  return s + `<p class="note">${e(lang === "zh" ? "第二行:各期全部参评企业得分中位数" : "second row: median score of all graded enterprises in each period")}</p></section>`;
}

function strengths(c: CardFacts, gaps: NonNullable<CardFacts["gaps"]>): string {
  const { lang } = c;
  const t = STRINGS[lang];
  const found = gaps.filter((x) => Number.isFinite(x.gap));
  if (!found.length) return "";
  const pos = found.filter((x) => x.gap > 0).sort((a, b) => b.gap - a.gap).slice(0, 3);
  const neg = found.filter((x) => x.gap < 0).sort((a, b) => a.gap - b.gap).slice(0, 3);
  const list = (xs: typeof found, cls: string) => (xs.length ? `<ul class="plain">${xs.map((x) => `<li>${e(x.label)} <span class="${cls}">${x.gap > 0 ? "+" : "−"}${fmtScore(Math.abs(x.gap), lang)}</span> ${e(t.pointsUnit)}</li>`).join("")}</ul>` : `<p class="note">${e(t.noReasons)}</p>`);
  return `<section class="keep"><h2>${e(t.strengths)} / ${e(t.weaknesses)}</h2><p class="note">${e(t.gapNote)}</p><div class="grid"><div><h3>${e(t.strengths)}</h3>${list(pos, "pos")}</div><div><h3>${e(t.weaknesses)}</h3>${list(neg, "neg")}</div></div></section>`;
}

function reasons(c: CardFacts): string {
  const { lang } = c;
  const t = STRINGS[lang];
  const items = c.reasons.map((r) => `<li>${r.kind === "veto" ? `<strong class="neg">${e(t.vetoed)}</strong> ` : ""}${r.points !== undefined ? `${r.points > 0 ? "+" : ""}${fmt(r.points, Number.isInteger(r.points) ? 0 : 2, lang)} ` : ""}${e(r.label[lang])}</li>`);
  return `<section class="keep"><h2>${e(t.reasons)}</h2>${items.length ? `<ul class="plain">${items.join("")}</ul>` : `<p class="note">${e(t.noReasons)}</p>`}</section>`;
}

/** This enterprise's own rank interval and grade stability under the scheme's uncertain choices. */
function robustnessLine(c: CardFacts): string {
  const r = c.robustness;
  if (!r) return "";
  const { lang } = c;
  const t = STRINGS[lang];
  return `<section class="keep"><h2>${e(t.robustness)}</h2><p>${e(t.robustnessCard(r.samples, fmt(r.p05, 0, lang), fmt(r.p95, 0, lang), `${fmt(100 * r.stability, 0, lang)}%`, r.grade))}</p></section>`;
}

function nextGradeSection(c: CardFacts): string {
  const { lang } = c;
  const t = STRINGS[lang];
  const nx = c.next;
  let s = `<section class="keep"><h2>${e(t.nextGrade)}</h2>`;
  switch (nx.kind) {
    case "not-graded":
      return s + `<p>${e(t.notGradedNext)}</p></section>`;
    case "vetoed":
      return s + `<p>${e(t.vetoNext)}</p></section>`;
    case "top":
      return s + `<p>${e(t.topGrade)}</p></section>`;
    case "grade":
      return s + `<p>${e(t.gradeOnly(nx.grade))}</p></section>`;
  }
  const threshold = fmt(nx.threshold.value, nx.exact ? 2 : nx.threshold.decimals, lang);
  s += `<p>${e((nx.exact ? t.distance : t.distanceRounded)(fmtScore(nx.distance, lang), nx.grade, threshold))}</p>`;
  // withheld points are explained at the top of the card
  if (!nx.improvements) return s + (c.scheme.aggregation.method === "weighted-sum" ? "" : `<p class="note">${e(t.notAdditive)}</p>`) + "</section>";
  s += `<p>${e(t.single)}</p><ol>${nx.improvements.map((x) => `<li>${e(x.indicator.label[lang])}: ${e(describe(x, lang))}</li>`).join("")}</ol>`;
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
