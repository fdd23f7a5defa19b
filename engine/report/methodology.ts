/**
 * The methodology section, generated from the scheme and the period's weights: the indicators
 * (label, unit, direction, final weight, normalisation, source), the aggregation, grading,
 * eligibility, vetoes and adjustments, the sources, and the data's dates and hashes — so a reader can
 * check how every number on the page was made (OECD/JRC Handbook 2008, step 10: "presentation and
 * dissemination" asks for a transparent methodology next to the results).
 */
import { html, type Html } from "../charts/html.js";
import type { Lang, NormalizeSpec, Scheme } from "../scheme/types.js";
import type { PeriodResult } from "../score/types.js";
import type { Revision } from "../store/dataset.js";
import { fmt, STRINGS } from "./i18n.js";

/** A normalisation written out with its formula and parameters. */
export function describeNormalize(spec: NormalizeSpec, direction: "benefit" | "cost", lang: Lang): string {
  const zh = lang === "zh";
  const log = spec.transform === "log" ? (zh ? "先取对数;" : "log-transformed; ") : "";
  const b = (x: number | string) => (typeof x === "number" ? String(x) : x === "mean" ? (zh ? "本期参评企业均值" : "the period's mean") : zh ? "本期参评企业中位数" : "the period's median");
  switch (spec.method) {
    case "benchmark-ratio": {
      const base = `${b(spec.benchmark)}${spec.factor !== 1 ? ` × ${spec.factor}` : ""}`;
      const f = direction === "benefit" ? `x ÷ (${base})` : `2 − x ÷ (${base})`;
      return `${log}${zh ? "基准比值" : "benchmark ratio"} ${f}${spec.cap !== undefined ? (zh ? `,上限 ${spec.cap}` : `, capped at ${spec.cap}`) : ""}`;
    }
    case "minmax":
      return `${log}min-max ${direction === "benefit" ? "(x − min)/(max − min)" : "(max − x)/(max − min)"}`;
    case "zscore":
      return `${log}z-score ${direction === "benefit" ? "(x − mean)/sd" : "(mean − x)/sd"}`;
    case "vector":
      return `${log}${zh ? "向量归一" : "vector"} ${direction === "benefit" ? "x/√Σx²" : "1 − x/√Σx²"}`;
    case "efficacy":
      return `${log}${zh ? "功效系数" : "efficacy coefficient"} ${spec.c} + ${spec.d}·r`;
    case "interval":
      return `${log}${zh ? "区间型" : "interval-optimal"} [${spec.q1}, ${spec.q2}]${spec.lower !== undefined ? `, ${zh ? "下限" : "lower"} ${spec.lower}` : ""}${spec.upper !== undefined ? `, ${zh ? "上限" : "upper"} ${spec.upper}` : ""}`;
    case "rank":
      return `${log}${zh ? "秩" : "rank"} (r − 1)/(n − 1)`;
    case "percentile":
      return `${log}${zh ? "百分位" : "percentile"}`;
    case "max":
      return `${log}${direction === "benefit" ? "x / max" : "min / x"}`;
    case "sum":
      return `${log}${direction === "benefit" ? "x / Σx" : "(1/x) / Σ(1/x)"}`;
    case "target":
      return `${log}${zh ? "目标值" : "distance to target"} (x − ${spec.floor})/(${spec.target} − ${spec.floor})${spec.cap !== undefined ? (zh ? `,上限 ${spec.cap}` : `, capped at ${spec.cap}`) : ""}`;
  }
}

export function methodologyHtml(scheme: Scheme, result: PeriodResult, revision: Revision, run: string | undefined, lang: Lang): Html {
  const t = STRINGS[lang];
  const zh = lang === "zh";
  const catLabel = new Map(scheme.categories.map((c) => [c.id, c.label[lang]]));
  const missing: Record<string, string> = zh
    ? { worst: "按最低标准化值计", "mean-score": "按平均标准化值计", zero: "按0计", exclude: "不参评" }
    : { worst: "the lowest normalised value", "mean-score": "the mean normalised value", zero: "zero", exclude: "excluded" };
  const hasCategories = scheme.categories.length > 0;
  const rows = scheme.indicators.map(
    (ind, j) =>
      html`<tr><td>${ind.label[lang]}</td>${hasCategories ? html`<td>${catLabel.get(ind.category ?? "") ?? ""}</td>` : ""}<td>${ind.unit}</td><td>${ind.direction === "benefit" ? t.benefit : t.cost}</td><td class="num">${fmt(result.weights[j].weight * 100, 1, lang)}%</td><td>${describeNormalize(ind.normalize, ind.direction, lang)}</td><td>${missing[ind.missing]}</td><td class="src">${ind.source ?? ""}</td></tr>`,
  );
  const agg = scheme.aggregation;
  const g = scheme.grading;
  const gl = (k: number) => `${g.grades[k]}${g.labels[g.grades[k]] ? ` ${g.labels[g.grades[k]][lang]}` : ""}`;
  let grading: string;
  if (g.method === "quotas") {
    let cum = 0;
    grading = g.grades.map((_, k) => `${gl(k)} ${fmt(cum * 100, 0, lang)}–${fmt((cum += g.quotas[k]) * 100, 0, lang)}%`).join(zh ? ";" : "; ");
    grading = (zh ? "按排名百分位:" : "by rank percentile: ") + grading;
  } else if (g.method === "bands") grading = (zh ? "按分数段:" : "by score bands: ") + g.grades.map((_, k) => `${gl(k)} ≥ ${g.bands[k]}`).join("; ");
  else grading = `${g.method}: ${g.grades.map((_, k) => gl(k)).join(", ")}`;
  const items: Html[] = [
    html`<dt>${t.aggregation}</dt><dd>${agg.method}${agg.method === "weighted-sum" ? (zh ? `:得分 = ${agg.scale} × Σ 权重 × 标准化值 + 加减分` : `: score = ${agg.scale} × Σ weight × normalised value + adjustments`) : ` × ${agg.scale}`}</dd>`,
    html`<dt>${t.grading}</dt><dd>${grading}${scheme.rules.veto.length ? (zh ? `;否决项直接评为 ${g.veto}` : `; a veto item gives ${g.veto}`) : ""}</dd>`,
  ];
  if (scheme.eligible) items.push(html`<dt>${t.eligibility}</dt><dd>${scheme.eligible.reason[lang]} <code>${scheme.eligible.when}</code></dd>`);
  if (scheme.rules.veto.length) items.push(html`<dt>${t.vetoRules}</dt><dd><ul>${scheme.rules.veto.map((v) => html`<li>${v.reason[lang]} → ${v.grade} <code>${v.when}</code></li>`)}</ul></dd>`);
  if (scheme.rules.adjust.length) {
    const adjust = scheme.rules.adjust.map((a) => html`<li>${a.reason[lang]}: ${typeof a.points === "number" ? (a.points > 0 ? `+${a.points}` : String(a.points)) : a.points}${a.when ? html` <code>${a.when}</code>` : ""}</li>`);
    const cap = scheme.rules.cap !== undefined ? (zh ? `合计不超过 ±${scheme.rules.cap} 分` : `the total stays within ±${scheme.rules.cap} points`) : "";
    items.push(html`<dt>${t.adjustments}</dt><dd><ul>${adjust}</ul>${cap}</dd>`);
  }
  items.push(
    html`<dt>${t.dataDates}</dt><dd>${t.dataRevision(revision.revision, revision.importedAt)}: ${revision.source.name}, sha256 ${revision.sha256.slice(0, 12)}; ${zh ? "方案" : "scheme"} sha256 ${scheme.hash.slice(0, 12)}; <span class="run">${run ? t.publishedRun(run) : t.notPublished}</span></dd>`,
  );
  if (scheme.sources.length) items.push(html`<dt>${t.sources}</dt><dd><ul>${scheme.sources.map((x) => html`<li>${x}</li>`)}</ul></dd>`);
  return html`<section id="methodology" class="methodology"><h2>${t.methodology}</h2><table class="method"><thead><tr><th>${t.indicator}</th>${hasCategories ? html`<th>${zh ? "类别" : "Category"}</th>` : ""}<th>${t.unit}</th><th>${t.direction}</th><th class="num">${t.weight}</th><th>${t.normalization}</th><th>${t.missingPolicy}</th><th>${t.source}</th></tr></thead><tbody>${rows}</tbody></table><p class="note">${t.weightsNote}</p><dl class="method">${items}</dl></section>`;
}
