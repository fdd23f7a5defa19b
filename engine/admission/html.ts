/**
 * The screening report as self-contained HTML (inline CSS, no script, no external URL): one page
 * for the batch and one per applicant, built with the escaping html template in the shared shell.
 */
import { html, joinHtml, type Html } from "../charts/html.js";
import { htmlPage } from "../charts/page.js";
import type { CheckResult } from "./checks.js";
import { DECISION_LABELS, type Decision } from "./decision.js";
import type { Screening } from "./screen.js";
import { statusZh } from "./screen.js";
import type { Standard } from "./standards.js";

/** The screening pages' own CSS, on top of the shared page shell's base. */
const CSS = `body{margin:2rem;max-width:1200px}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border:1px solid #ccc;padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#f3f3f3}
td.n{text-align:right;font-variant-numeric:tabular-nums}.admit{background:#d9f2d9}.admit-with-conditions{background:#fff2cc}
.incomplete{background:#e6e6f7}.reject{background:#f8d0d0}.pass{color:#1a6b1a}.fail{color:#a01010;font-weight:bold}
.unknown{color:#4b4bb0;font-weight:bold}.na{color:#888}.small{font-size:.8rem;color:#555}.badge{padding:.1rem .5rem;border-radius:.3rem}`;

const fmt = (x: number, d = 4) => (Number.isFinite(x) ? String(Math.round(x * 10 ** d) / 10 ** d) : "");

/** A file name for the applicant's page: its row number and id, restricted to safe characters. */
export function applicantPageName(s: Screening): string {
  return `${String(s.applicant.row).padStart(4, "0")}-${s.applicant.id.replace(/[^0-9A-Za-z_\-\u4e00-\u9fff]/g, "_").slice(0, 60)}.html`;
}

function page(title: string, body: Html): string {
  return htmlPage({ lang: "zh-CN", title, css: CSS, body });
}

const badge = (d: Decision) => html`<span class="badge ${d}">${DECISION_LABELS[d].zh} · ${DECISION_LABELS[d].en}</span>`;

function standardLine(std: Standard): Html {
  const files = joinHtml(std.files.map((f) => html`${f.file} <code>${f.sha256.slice(0, 12)}</code>`), ", ");
  return html`<p class="small">标准 Standard: ${std.title.zh} / ${std.title.en} — ${std.document} (${std.id}, version ${std.version}); 地区分类 region class: ${std.regionClass.value === null ? "未设定 not set (unsourced)" : std.regionClass.value}. Files: ${files}</p>`;
}

const RULE = html`<p class="small">决定规则 Decision rule: 任一强制性指标不通过 → 不予准入 (any mandatory check failed → reject); 否则任一强制性指标无法判定 → 资料不全,暂缓决定 (any mandatory check unknown → incomplete); 否则任一条件性指标不通过或无法判定 → 有条件准入 (conditional check failed/unknown → admit with conditions); 否则 → 准予准入 (admit).</p>`;

function reasonList(s: Screening): Html[] {
  return s.decision.reasons.map((r) => html`<li>${r.zh}<br><span class="small">${r.en}</span></li>`);
}

export function batchHtml(std: Standard, rows: Screening[], input: string): string {
  const counts = new Map<Decision, number>();
  for (const s of rows) counts.set(s.decision.decision, (counts.get(s.decision.decision) ?? 0) + 1);
  const summary = (["admit", "admit-with-conditions", "incomplete", "reject"] as Decision[]).map((d) => html`<li>${badge(d)}: ${counts.get(d) ?? 0}</li>`);
  const body = rows.map((s) => {
    const a = s.applicant;
    const reasons = reasonList(s);
    return html`<tr><td>${a.row}</td><td><a href="applicants/${applicantPageName(s)}">${a.id}</a></td><td>${a.name}</td><td>${a.park}</td><td>${a.industry} <span class="small">(${a.edition})</span></td><td class="${s.decision.decision}">${badge(s.decision.decision)}</td><td>${reasons.length ? html`<ul>${reasons}</ul>` : ""}</td></tr>`;
  });
  return page(
    "准入审查 Admission screening",
    html`<h1>项目准入审查 Admission screening</h1>${standardLine(std)}<p class="small">申请文件 Applicants: ${input} — ${rows.length} 个项目 projects</p><ul>${summary}</ul>${RULE}
<table><thead><tr><th>行 Row</th><th>编号 Id</th><th>项目 Project</th><th>园区 Park</th><th>行业 Industry</th><th>决定 Decision</th><th>理由 Reasons</th></tr></thead><tbody>
${joinHtml(body, "\n")}
</tbody></table>`,
  );
}

function checkRow(c: CheckResult): Html {
  const cls = c.status === "n/a" ? "na" : c.status;
  const k = c.check;
  const rule = k.kind === "threshold" ? `${k.op} ${fmt(c.threshold)}` : "not in list";
  const row = [c.row.industry && `行业 ${c.row.industry} ${c.row.edition}`, c.row.regionClass && `地区分类 ${c.row.regionClass}`, c.row.park && `园区 ${c.row.park}`, `${c.row.standard} ${c.row.version}`, c.row.localFill ? "本地值 local value" : ""].filter(Boolean).join(" · ");
  return html`<tr><td>${k.label.zh}<br><span class="small">${k.label.en}</span></td><td>${k.level === "mandatory" ? "强制 mandatory" : "条件 conditional"}</td><td class="n">${rule}</td><td class="n">${fmt(c.value)}</td><td>${c.unit}</td><td class="${cls}">${statusZh(c.status)} ${c.status}</td><td class="n">${fmt(c.margin)}</td><td class="n">${Number.isFinite(c.marginPct) ? `${fmt(c.marginPct, 2)}%` : ""}</td><td class="small">${row}<br>${c.row.source}</td><td class="small">${c.note.zh}${c.note.en ? html`<br>${c.note.en}` : ""}${c.fix ? html`<br>Fix: ${c.fix}` : ""}${c.how ? html`<br>= ${c.how}` : ""}</td></tr>`;
}

export function applicantHtml(std: Standard, s: Screening): string {
  const a = s.applicant;
  const reasons = reasonList(s);
  return page(
    `${a.id} ${a.name} — 准入审查`,
    html`<p><a href="../report.html">← 批次 batch</a></p><h1>${a.name || a.id} <span class="small">${a.id}</span></h1>
<p>园区 Park: ${a.park} · 行业代码 Industry: ${a.industry} (GB/T 4754-${a.edition}) · 申请文件第 ${a.row} 行 row</p>
<h2>决定 Decision: ${badge(s.decision.decision)}</h2>${reasons.length ? html`<ul>${reasons}</ul>` : html`<p>全部指标通过 All checks passed.</p>`}${RULE}${standardLine(std)}
<h2>指标 Checks</h2><table><thead><tr><th>指标 Check</th><th>类别 Level</th><th>阈值 Threshold</th><th>申请值 Value</th><th>单位 Unit</th><th>结果 Result</th><th>余量 Margin</th><th>余量 %</th><th>所用标准行 Table row used</th><th>说明 Notes</th></tr></thead><tbody>
${joinHtml(s.checks.map(checkRow), "\n")}
</tbody></table>`,
  );
}
