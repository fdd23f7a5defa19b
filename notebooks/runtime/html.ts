/**
 * One notebook run as one self-contained HTML page: title, the run's facts (notebook, params,
 * dataset manifest hash, status, times), a table of contents, then prose and cells in file order,
 * each cell with its code folded away, its outputs, its error or "not run". Styles and scripts are
 * inlined; vega, vega-lite and vega-embed only when the page has a Vega-Lite chart, once.
 * Nothing in the page refers to another file or address.
 */
import { basename } from "node:path";
import { charts, html, htmlOf, htmlPage, joinHtml, renumberChartIds, trusted, versions, type Html } from "../../engine/index.js";
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

function codeLines(code: string, badLine?: number): Html[] {
  return code.split("\n").map((l, i) => html`<span class="ps-ln${i + 1 === badLine ? " ps-ln-bad" : ""}" data-n="${i + 1}">${l}</span>`);
}

function cellSection(r: CellResult, file: string, timings: boolean): Html {
  const { cell } = r;
  const n = cell.index + 1;
  const errLine = r.error && r.error.cell === cell.index ? r.error.cellLine : undefined;
  const summary = [html`<span>cell ${n}</span>`, html`<span>${cell.lang}</span>`, html`<span>line ${cell.line}</span>`];
  if (timings && r.status !== "not-run") summary.push(html`<span class="ps-time">${formatMs(r.ms)}</span>`);
  if (r.status === "error") summary.push(html`<span class="ps-status-bad">${failure(r)}</span>`);
  const parts = [html`<details class="ps-code"${r.status === "error" ? html` open` : ""}><summary>${summary}</summary><pre><code>${codeLines(cell.code, errLine)}</code></pre></details>`];
  // outputs are markup made by the display renderers, which escape what they show
  if (r.outputs.length) parts.push(html`<div class="ps-outputs">${joinHtml(r.outputs.map((o) => trusted(o.html)), "\n")}</div>`);
  if (r.error) {
    const e = r.error;
    const where =
      e.cellLine !== undefined ? `line ${e.cellLine} of ${e.cell === cell.index ? "this cell" : `cell ${(e.cell ?? cell.index) + 1}`} (${basename(file)}:${e.fileLine})` : "line unknown";
    parts.push(html`<div class="ps-error" role="alert"><strong>${e.name}</strong>: ${e.message}<div class="ps-where">${where}</div></div>`);
  }
  if (r.status === "not-run") parts.push(html`<div class="ps-notrun">not run: an earlier cell failed</div>`);
  return html`<section class="ps-cell ps-${r.status}" id="cell-${n}">${joinHtml(parts, "\n")}</section>`;
}

function metaTable(p: PageInput): Html {
  const rows: [string, Html | string][] = [["notebook", html`<code>${basename(p.notebook.file)}</code>`]];
  const names = Object.keys(p.params);
  if (names.length) {
    const params = names.map((k) => {
      const v = JSON.stringify(p.params[k]);
      const changed = v !== JSON.stringify(p.notebook.params[k]);
      return html`<code>${k} = ${v}</code>${changed ? " (set for this run)" : ""}`;
    });
    rows.push(["parameters", joinHtml(params, "<br>")]);
  }
  if (p.data) {
    const m = p.data.manifest;
    const span = m.periods.length ? ` (${m.periods[0].period}–${m.periods[m.periods.length - 1].period})` : "";
    rows.push(["dataset", html`<code>${basename(p.data.dir.replace(/[\\/]+$/, ""))}</code>, ${m.periods.length} period${m.periods.length === 1 ? "" : "s"}${span}`]);
    rows.push([
      "manifest hash",
      html`<code class="ps-manifest-hash">${m.hash}</code><br>sha256 over the scheme's hash and the sha256 of each period's latest revision: the same hash means the same data and scheme`,
    ]);
  } else rows.push(["dataset", "none (run with --data DIR)"]);
  const failed = p.results.find((r) => r.status === "error");
  const notRun = p.results.filter((r) => r.status === "not-run").length;
  rows.push([
    "status",
    failed
      ? html`<span class="ps-status-bad"><a href="#cell-${failed.cell.index + 1}">cell ${failed.cell.index + 1}</a> ${failure(failed)}; ${notRun} cell${notRun === 1 ? "" : "s"} not run</span>`
      : `all ${p.results.length} cells ran`,
  ]);
  if (p.timings) rows.push(["run time", formatMs(p.totalMs)]);
  rows.push(["made by", `parkscore ${p.version}`]);
  return html`<div class="ps-meta"><table>${rows.map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`)}</table></div>`;
}

function toc(headings: Heading[], results: CellResult[]): Html {
  const items = headings.filter((h) => h.level <= 3).map((h) => html`<li class="ps-toc-${h.level}"><a href="#${h.id}">${h.text}</a></li>`);
  const failed = results.find((r) => r.status === "error");
  if (failed) items.push(html`<li class="ps-toc-bad"><a href="#cell-${failed.cell.index + 1}">⚠ cell ${failed.cell.index + 1} ${failure(failed)}</a></li>`);
  return html`<nav class="ps-toc" aria-label="contents"><strong>Contents</strong><ol>${items}</ol></nav>`;
}

export function renderPage(p: PageInput): string {
  const slugger = new Slugger();
  slugger.slug(p.notebook.title);
  const headings: Heading[] = [];
  const byCell = new Map(p.results.map((r) => [r.cell.index, r]));
  const body: Html[] = [];
  for (const b of p.notebook.blocks) {
    if (b.kind === "prose") {
      const r = renderMarkdown(b.prose.markdown, slugger);
      headings.push(...r.headings);
      body.push(html`<div class="ps-prose">${r.html}</div>`);
    } else {
      const r = byCell.get(b.cell.index);
      if (r) body.push(cellSection(r, p.notebook.file, p.timings));
    }
  }
  const main = renumberChartIds(htmlOf(joinHtml(body, "\n")));
  const hasVega = main.includes('class="ps-vl"');
  const hasTable = main.includes("ps-sortable");
  const scripts: string[] = [];
  if (hasTable) scripts.push(SORT_JS);
  if (hasVega) scripts.push(vegaBrowserScript(), VEGA_START_JS);
  if (p.liveReload) scripts.push(liveReloadJs(p.liveReload.events, p.liveReload.token));
  const lines = [
    html`<div class="ps-layout">`,
    toc(headings, p.results),
    html`<main>`,
    html`<h1>${p.notebook.title}</h1>`,
    ...(p.notebook.description ? [html`<p class="ps-description">${p.notebook.description}</p>`] : []),
    metaTable(p),
    ...(main ? [trusted(main)] : []),
    html`</main>`,
    html`</div>`,
  ];
  return htmlPage({
    lang: "en",
    title: p.notebook.title,
    css: PAGE_CSS,
    head: [html`<meta name="generator" content="parkscore ${p.version}">`],
    body: joinHtml(lines, "\n"),
    scripts: scripts.map(inlineScript),
  });
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
