/**
 * One notebook run as one self-contained HTML page: title, the run's facts (notebook, params,
 * dataset manifest hash, status, times), a table of contents, then prose and cells in file order,
 * each cell with its code folded away, its outputs, its error or "not run". Styles and scripts are
 * inlined; vega, vega-lite and vega-embed only when the page has a Vega-Lite chart, once.
 * Nothing in the page refers to another file or address.
 */
import { basename } from "node:path";
import { charts, escapeHtml, renumberChartIds, versions } from "../../engine/index.js";
import { liveReloadJs, PAGE_CSS, SORT_JS, VEGA_START_JS } from "./assets.js";
import { formatMs } from "./duration.js";
import type { DatasetManifest } from "./manifest.js";
import { renderMarkdown, Slugger, type Heading } from "./markdown.js";
import type { CellResult, LiveReload, Notebook, NotebookRun, Params, RunInput } from "./types.js";
import { TIMEOUT } from "./worker-run.js";

const { inlineScript, vegaBrowserScript } = await charts();

export interface PageInput {
  notebook: Notebook;
  results: CellResult[];
  params: Params;
  /** The dataset folder and its manifest, when the run had --data. */
  data?: { dir: string; manifest: DatasetManifest };
  /** Show run times (off for byte-identical pages in tests and archives). */
  timings: boolean;
  totalMs: number;
  version: string;
  /** A served page's live reload; absent in files written by `notebook run`. */
  liveReload?: LiveReload;
}

export interface RunPageOptions {
  /** The dataset folder the run was given. */
  data?: string;
  /** Show run times in the page (default true; false makes the page byte-identical across runs). */
  timings?: boolean;
  liveReload?: LiveReload;
}

/** How a failed cell ended, in a word or two: "failed", or "timed out" when the run's time limit stopped it. */
function failure(r: CellResult): string {
  return r.error?.name === TIMEOUT ? "timed out" : "failed";
}

function codeLines(code: string, badLine?: number): string {
  return code
    .split("\n")
    .map((l, i) => `<span class="ps-ln${i + 1 === badLine ? " ps-ln-bad" : ""}" data-n="${i + 1}">${escapeHtml(l)}</span>`)
    .join("");
}

function cellSection(r: CellResult, file: string, timings: boolean): string {
  const { cell } = r;
  const n = cell.index + 1;
  const errLine = r.error && r.error.cell === cell.index ? r.error.cellLine : undefined;
  const summary = [`<span>cell ${n}</span>`, `<span>${cell.lang}</span>`, `<span>line ${cell.line}</span>`];
  if (timings && r.status !== "not-run") summary.push(`<span class="ps-time">${formatMs(r.ms)}</span>`);
  if (r.status === "error") summary.push(`<span class="ps-status-bad">${failure(r)}</span>`);
  const parts = [`<details class="ps-code"${r.status === "error" ? " open" : ""}><summary>${summary.join("")}</summary><pre><code>${codeLines(cell.code, errLine)}</code></pre></details>`];
  if (r.outputs.length) parts.push(`<div class="ps-outputs">${r.outputs.map((o) => o.html).join("\n")}</div>`);
  if (r.error) {
    const e = r.error;
    const where =
      e.cellLine !== undefined
        ? `line ${e.cellLine} of ${e.cell === cell.index ? "this cell" : `cell ${(e.cell ?? cell.index) + 1}`} (${escapeHtml(basename(file))}:${e.fileLine})`
        : "line unknown";
    parts.push(`<div class="ps-error" role="alert"><strong>${escapeHtml(e.name)}</strong>: ${escapeHtml(e.message)}<div class="ps-where">${where}</div></div>`);
  }
  if (r.status === "not-run") parts.push(`<div class="ps-notrun">not run: an earlier cell failed</div>`);
  return `<section class="ps-cell ps-${r.status}" id="cell-${n}">${parts.join("\n")}</section>`;
}

function metaTable(p: PageInput): string {
  const rows: [string, string][] = [["notebook", `<code>${escapeHtml(basename(p.notebook.file))}</code>`]];
  const names = Object.keys(p.params);
  if (names.length) {
    rows.push([
      "parameters",
      names
        .map((k) => {
          const v = JSON.stringify(p.params[k]);
          const changed = v !== JSON.stringify(p.notebook.params[k]);
          return `<code>${escapeHtml(k)} = ${escapeHtml(v)}</code>${changed ? " (set for this run)" : ""}`;
        })
        .join("<br>"),
    ]);
  }
  if (p.data) {
    const m = p.data.manifest;
    rows.push([
      "dataset",
      `<code>${escapeHtml(basename(p.data.dir.replace(/[\\/]+$/, "")))}</code>, ${m.periods.length} period${m.periods.length === 1 ? "" : "s"}${m.periods.length ? ` (${escapeHtml(m.periods[0].period)}–${escapeHtml(m.periods[m.periods.length - 1].period)})` : ""}`,
    ]);
    rows.push([
      "manifest hash",
      `<code class="ps-manifest-hash">${m.hash}</code><br>sha256 over the scheme's hash and the sha256 of each period's latest revision: the same hash means the same data and scheme`,
    ]);
  } else rows.push(["dataset", "none (run with --data DIR)"]);
  const failed = p.results.find((r) => r.status === "error");
  const notRun = p.results.filter((r) => r.status === "not-run").length;
  rows.push([
    "status",
    failed
      ? `<span class="ps-status-bad"><a href="#cell-${failed.cell.index + 1}">cell ${failed.cell.index + 1}</a> ${failure(failed)}; ${notRun} cell${notRun === 1 ? "" : "s"} not run</span>`
      : `all ${p.results.length} cells ran`,
  ]);
  if (p.timings) rows.push(["run time", formatMs(p.totalMs)]);
  rows.push(["made by", `parkscore ${escapeHtml(p.version)}`]);
  return `<div class="ps-meta"><table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join("")}</table></div>`;
}

function toc(headings: Heading[], results: CellResult[]): string {
  const items = headings.filter((h) => h.level <= 3).map((h) => `<li class="ps-toc-${h.level}"><a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a></li>`);
  const failed = results.find((r) => r.status === "error");
  if (failed) items.push(`<li class="ps-toc-bad"><a href="#cell-${failed.cell.index + 1}">⚠ cell ${failed.cell.index + 1} ${failure(failed)}</a></li>`);
  return `<nav class="ps-toc" aria-label="contents"><strong>Contents</strong><ol>${items.join("")}</ol></nav>`;
}

export function renderPage(p: PageInput): string {
  const slugger = new Slugger();
  slugger.slug(p.notebook.title);
  const headings: Heading[] = [];
  const byCell = new Map(p.results.map((r) => [r.cell.index, r]));
  const body: string[] = [];
  for (const b of p.notebook.blocks) {
    if (b.kind === "prose") {
      const r = renderMarkdown(b.prose.markdown, slugger);
      headings.push(...r.headings);
      body.push(`<div class="ps-prose">${r.html}</div>`);
    } else {
      const r = byCell.get(b.cell.index);
      if (r) body.push(cellSection(r, p.notebook.file, p.timings));
    }
  }
  const main = renumberChartIds(body.join("\n"));
  const hasVega = main.includes('class="ps-vl"');
  const hasTable = main.includes("ps-sortable");
  const scripts: string[] = [];
  if (hasTable) scripts.push(SORT_JS);
  if (hasVega) scripts.push(vegaBrowserScript(), VEGA_START_JS);
  if (p.liveReload) scripts.push(liveReloadJs(p.liveReload.events, p.liveReload.token));
  const title = escapeHtml(p.notebook.title);
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="parkscore ${escapeHtml(p.version)}">`,
    `<title>${title}</title>`,
    `<style>${PAGE_CSS}</style>`,
    "</head>",
    "<body>",
    '<div class="ps-layout">',
    toc(headings, p.results),
    "<main>",
    `<h1>${title}</h1>`,
    p.notebook.description ? `<p class="ps-description">${escapeHtml(p.notebook.description)}</p>` : "",
    metaTable(p),
    main,
    "</main>",
    "</div>",
    ...scripts.map((s) => `<script>${inlineScript(s)}</script>`),
    "</body>",
    "</html>",
    "",
  ]
    .filter((l) => l !== "")
    .join("\n") + "\n";
}

/** The run as it ended, with its page: from what it started with and what its cells gave. */
export function completeRun(input: RunInput, results: CellResult[], ms: number, opts: RunPageOptions): NotebookRun {
  const failed = results.find((r) => r.status === "error");
  const html = renderPage({
    notebook: input.notebook,
    results,
    params: input.params,
    data: opts.data !== undefined && input.manifest ? { dir: opts.data, manifest: input.manifest } : undefined,
    timings: opts.timings ?? true,
    totalMs: ms,
    version: versions().parkscore,
    liveReload: opts.liveReload,
  });
  return { ...input, results, ok: !failed, failed, html, ms };
}
