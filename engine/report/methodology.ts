/**
 * The methodology section, generated from the scheme and the period's weights: the indicators
 * (label, unit, direction, final weight, normalisation, source), the aggregation, grading,
 * eligibility, vetoes and adjustments, the sources, and the data's dates and hashes — so a reader can
 * check how every number on the page was made (OECD/JRC Handbook 2008, step 10: "presentation and
 * dissemination" asks for a transparent methodology next to the results).
 */
import { escapeHtml as e } from "../charts/escape.js";
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

export function methodologyHtml(scheme: Scheme, result: PeriodResult, revision: Revision, run: string | undefined, lang: Lang): string {
  const t = STRINGS[lang];
  const zh = lang === "zh";
  const catLabel = new Map(scheme.categories.map((c) => [c.id, c.label[lang]]));
  const missing: Record<string, string> = zh
    ? { worst: "按最低标准化值计", "mean-score": "按平均标准化值计", zero: "按0计", exclude: "不参评" }
    : { worst: "the lowest normalised value", "mean-score": "the mean normalised value", zero: "zero", exclude: "excluded" };
  let s = `<section id="methodology" class="methodology"><h2>${e(t.methodology)}</h2>`;
  s += `<table class="method"><thead><tr><th>${e(t.indicator)}</th>${scheme.categories.length ? `<th>${e(zh ? "类别" : "Category")}</th>` : ""}<th>${e(t.unit)}</th><th>${e(t.direction)}</th><th class="num">${e(t.weight)}</th><th>${e(t.normalization)}</th><th>${e(t.missingPolicy)}</th><th>${e(t.source)}</th></tr></thead><tbody>`;
  scheme.indicators.forEach((ind, j) => {
    s += `<tr><td>${e(ind.label[lang])}</td>${scheme.categories.length ? `<td>${e(catLabel.get(ind.category ?? "") ?? "")}</td>` : ""}<td>${e(ind.unit)}</td><td>${e(ind.direction === "benefit" ? t.benefit : t.cost)}</td><td class="num">${fmt(result.weights[j].weight * 100, 1, lang)}%</td><td>${e(describeNormalize(ind.normalize, ind.direction, lang))}</td><td>${e(missing[ind.missing])}</td><td class="src">${e(ind.source ?? "")}</td></tr>`;
  });
  s += `</tbody></table><p class="note">${e(t.weightsNote)}</p><dl class="method">`;
  const agg = scheme.aggregation;
  s += `<dt>${e(t.aggregation)}</dt><dd>${e(agg.method)}${agg.method === "weighted-sum" ? e(zh ? `:得分 = ${agg.scale} × Σ 权重 × 标准化值 + 加减分` : `: score = ${agg.scale} × Σ weight × normalised value + adjustments`) : e(` × ${agg.scale}`)}</dd>`;
  const g = scheme.grading;
  const gl = (k: number) => `${g.grades[k]}${g.labels[g.grades[k]] ? ` ${g.labels[g.grades[k]][lang]}` : ""}`;
  let grading: string;
  if (g.method === "quotas") {
    let cum = 0;
    grading = g.grades.map((_, k) => `${gl(k)} ${fmt(cum * 100, 0, lang)}–${fmt((cum += g.quotas[k]) * 100, 0, lang)}%`).join(zh ? ";" : "; ");
    grading = (zh ? "按排名百分位:" : "by rank percentile: ") + grading;
  } else if (g.method === "bands") grading = (zh ? "按分数段:" : "by score bands: ") + g.grades.map((_, k) => `${gl(k)} ≥ ${g.bands[k]}`).join("; ");
  else grading = `${g.method}: ${g.grades.map((_, k) => gl(k)).join(", ")}`;
  s += `<dt>${e(t.grading)}</dt><dd>${e(grading)}${scheme.rules.veto.length ? e(zh ? `;否决项直接评为 ${g.veto}` : `; a veto item gives ${g.veto}`) : ""}</dd>`;
  if (scheme.eligible) s += `<dt>${e(t.eligibility)}</dt><dd>${e(scheme.eligible.reason[lang])} <code>${e(scheme.eligible.when)}</code></dd>`;
  if (scheme.rules.veto.length) s += `<dt>${e(t.vetoRules)}</dt><dd><ul>${scheme.rules.veto.map((v) => `<li>${e(v.reason[lang])} → ${e(v.grade)} <code>${e(v.when)}</code></li>`).join("")}</ul></dd>`;
  if (scheme.rules.adjust.length)
    s += `<dt>${e(t.adjustments)}</dt><dd><ul>${scheme.rules.adjust.map((a) => `<li>${e(a.reason[lang])}: ${e(typeof a.points === "number" ? (a.points > 0 ? `+${a.points}` : String(a.points)) : a.points)}${a.when ? ` <code>${e(a.when)}</code>` : ""}</li>`).join("")}</ul>${scheme.rules.cap !== undefined ? e(zh ? `合计不超过 ±${scheme.rules.cap} 分` : `the total stays within ±${scheme.rules.cap} points`) : ""}</dd>`;
  s += `<dt>${e(t.dataDates)}</dt><dd>${e(t.dataRevision(revision.revision, revision.importedAt))}: ${e(revision.source.name)}, sha256 ${e(revision.sha256.slice(0, 12))}; ${e(zh ? "方案" : "scheme")} sha256 ${e(scheme.hash.slice(0, 12))}; <span class="run">${e(run ? t.publishedRun(run) : t.notPublished)}</span></dd>`;
  if (scheme.sources.length) s += `<dt>${e(t.sources)}</dt><dd><ul>${scheme.sources.map((x) => `<li>${e(x)}</li>`).join("")}</ul></dd>`;
  return s + "</dl></section>";
}
