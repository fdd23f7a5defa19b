/**
 * The screening report as self-contained HTML (inline CSS, no script, no external URL): one page
 * for the batch and one per applicant. Every string from the data or the standard goes through
 * escapeHtml.
 */
import { escapeHtml as e } from "../charts/escape.js";
import type { CheckResult } from "./checks.js";
import { DECISION_LABELS, type Decision } from "./decision.js";
import type { Screening } from "./screen.js";
import { statusZh } from "./screen.js";
import type { Standard } from "./standards.js";

const CSS = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:2rem;color:#222;max-width:1200px}
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

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${CSS}</style></head><body>\n${body}\n</body></html>\n`;
}

const badge = (d: Decision) => `<span class="badge ${d}">${e(DECISION_LABELS[d].zh)} · ${e(DECISION_LABELS[d].en)}</span>`;

function standardLine(std: Standard): string {
  return `<p class="small">标准 Standard: ${e(std.title.zh)} / ${e(std.title.en)} — ${e(std.document)} (${e(std.id)}, version ${e(std.version)}); 地区分类 region class: ${std.regionClass.value === null ? "未设定 not set (unsourced)" : e(std.regionClass.value)}. Files: ${std.files.map((f) => `${e(f.file)} <code>${e(f.sha256.slice(0, 12))}</code>`).join(", ")}</p>`;
}

const RULE = `<p class="small">决定规则 Decision rule: 任一强制性指标不通过 → 不予准入 (any mandatory check failed → reject); 否则任一强制性指标无法判定 → 资料不全,暂缓决定 (any mandatory check unknown → incomplete); 否则任一条件性指标不通过或无法判定 → 有条件准入 (conditional check failed/unknown → admit with conditions); 否则 → 准予准入 (admit).</p>`;

export function batchHtml(std: Standard, rows: Screening[], input: string): string {
  const counts = new Map<Decision, number>();
  for (const s of rows) counts.set(s.decision.decision, (counts.get(s.decision.decision) ?? 0) + 1);
  const summary = (["admit", "admit-with-conditions", "incomplete", "reject"] as Decision[]).map((d) => `<li>${badge(d)}: ${counts.get(d) ?? 0}</li>`).join("");
  const body = rows
    .map((s) => {
      const a = s.applicant;
      const reasons = s.decision.reasons.map((r) => `<li>${e(r.zh)}<br><span class="small">${e(r.en)}</span></li>`).join("");
      return `<tr><td>${e(a.row)}</td><td><a href="applicants/${e(applicantPageName(s))}">${e(a.id)}</a></td><td>${e(a.name)}</td><td>${e(a.park)}</td><td>${e(a.industry)} <span class="small">(${e(a.edition)})</span></td><td class="${s.decision.decision}">${badge(s.decision.decision)}</td><td>${reasons ? `<ul>${reasons}</ul>` : ""}</td></tr>`;
    })
    .join("\n");
  return page(
    "准入审查 Admission screening",
    `<h1>项目准入审查 Admission screening</h1>${standardLine(std)}<p class="small">申请文件 Applicants: ${e(input)} — ${rows.length} 个项目 projects</p><ul>${summary}</ul>${RULE}
<table><thead><tr><th>行 Row</th><th>编号 Id</th><th>项目 Project</th><th>园区 Park</th><th>行业 Industry</th><th>决定 Decision</th><th>理由 Reasons</th></tr></thead><tbody>
${body}
</tbody></table>`,
  );
}

function checkRow(c: CheckResult): string {
  const cls = c.status === "n/a" ? "na" : c.status;
  const k = c.check;
  const rule = k.kind === "threshold" ? `${e(k.op)} ${fmt(c.threshold)}` : "not in list";
  const row = [c.row.industry && `行业 ${e(c.row.industry)} ${e(c.row.edition)}`, c.row.regionClass && `地区分类 ${e(c.row.regionClass)}`, c.row.park && `园区 ${e(c.row.park)}`, `${e(c.row.standard)} ${e(c.row.version)}`, c.row.localFill ? "本地值 local value" : ""].filter(Boolean).join(" · ");
  return `<tr><td>${e(k.label.zh)}<br><span class="small">${e(k.label.en)}</span></td><td>${e(k.level === "mandatory" ? "强制 mandatory" : "条件 conditional")}</td><td class="n">${rule}</td><td class="n">${e(fmt(c.value))}</td><td>${e(c.unit)}</td><td class="${cls}">${e(statusZh(c.status))} ${e(c.status)}</td><td class="n">${e(fmt(c.margin))}</td><td class="n">${Number.isFinite(c.marginPct) ? e(fmt(c.marginPct, 2)) + "%" : ""}</td><td class="small">${row}<br>${e(c.row.source)}</td><td class="small">${e(c.note.zh)}${c.note.en ? `<br>${e(c.note.en)}` : ""}${c.fix ? `<br>Fix: ${e(c.fix)}` : ""}${c.how ? `<br>= ${e(c.how)}` : ""}</td></tr>`;
}

export function applicantHtml(std: Standard, s: Screening): string {
  const a = s.applicant;
  const reasons = s.decision.reasons.map((r) => `<li>${e(r.zh)}<br><span class="small">${e(r.en)}</span></li>`).join("");
  return page(
    `${a.id} ${a.name} — 准入审查`,
    `<p><a href="../report.html">← 批次 batch</a></p><h1>${e(a.name || a.id)} <span class="small">${e(a.id)}</span></h1>
<p>园区 Park: ${e(a.park)} · 行业代码 Industry: ${e(a.industry)} (GB/T 4754-${e(a.edition)}) · 申请文件第 ${e(a.row)} 行 row</p>
<h2>决定 Decision: ${badge(s.decision.decision)}</h2>${reasons ? `<ul>${reasons}</ul>` : "<p>全部指标通过 All checks passed.</p>"}${RULE}${standardLine(std)}
<h2>指标 Checks</h2><table><thead><tr><th>指标 Check</th><th>类别 Level</th><th>阈值 Threshold</th><th>申请值 Value</th><th>单位 Unit</th><th>结果 Result</th><th>余量 Margin</th><th>余量 %</th><th>所用标准行 Table row used</th><th>说明 Notes</th></tr></thead><tbody>
${s.checks.map(checkRow).join("\n")}
</tbody></table>`,
  );
}
