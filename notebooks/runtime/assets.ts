/**
 * The page's own style and scripts, inlined into every page (nothing is fetched). The scripts are
 * small and written for any browser that runs vega: table sorting, the charts' start-up, and, only in
 * pages served by `notebook serve`, the live-reload listener and the request for a run.
 */
import { FONT_STACK, TOKEN_HEADER } from "../../engine/index.js";

export const PAGE_CSS = `
:root { --fg: #1d2430; --muted: #667085; --line: #e4e7ec; --accent: #2459a8; --bad: #b42318; --bg-code: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT_STACK}; color: var(--fg); line-height: 1.55; background: #fff; }
.ps-layout { display: grid; grid-template-columns: 15rem minmax(0, 1fr); gap: 2rem; max-width: 78rem; margin: 0 auto; padding: 1.5rem; }
nav.ps-toc { position: sticky; top: 1rem; align-self: start; font-size: 0.85rem; max-height: calc(100vh - 2rem); overflow: auto; }
nav.ps-toc ol { list-style: none; padding-left: 0.8rem; margin: 0.2rem 0; }
nav.ps-toc > ol { padding-left: 0; }
nav.ps-toc a { color: var(--fg); text-decoration: none; } nav.ps-toc a:hover { color: var(--accent); }
nav.ps-toc .ps-toc-bad a { color: var(--bad); font-weight: 600; }
main { min-width: 0; }
h1 { font-size: 1.8rem; margin: 0 0 0.4rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
.ps-meta { font-size: 0.85rem; color: var(--muted); border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.8rem; margin: 0.8rem 0 1.2rem; }
.ps-meta table { border-collapse: collapse; } .ps-meta th { white-space: nowrap; text-align: left; padding: 0.1rem 0.8rem 0.1rem 0; font-weight: 600; vertical-align: top; }
.ps-meta td { padding: 0.1rem 0; } .ps-meta code { font-size: 0.8rem; word-break: break-all; }
.ps-status-bad { color: var(--bad); font-weight: 600; }
.ps-cell { margin: 0.8rem 0 1.2rem; }
details.ps-code > summary { cursor: pointer; font-size: 0.78rem; color: var(--muted); user-select: none; }
details.ps-code > summary span + span::before { content: " · "; }
.ps-pre, .ps-code pre { background: var(--bg-code); border-radius: 6px; padding: 0.6rem 0.8rem; overflow: auto; font-size: 0.82rem; line-height: 1.45; }
.ps-code pre code { display: block; counter-reset: none; }
.ps-code .ps-ln { display: block; } .ps-code .ps-ln::before { content: attr(data-n); display: inline-block; width: 2.2em; color: #98a2b3; text-align: right; margin-right: 0.9em; }
.ps-code .ps-ln-bad { background: #fee4e2; }
.ps-outputs > * { margin: 0.5rem 0; }
pre.ps-text, pre.ps-value, pre.ps-log { margin: 0.4rem 0; font-size: 0.82rem; white-space: pre-wrap; }
pre.ps-log-warn, pre.ps-log-error { color: var(--bad); }
.ps-error { border-left: 4px solid var(--bad); background: #fef3f2; padding: 0.5rem 0.8rem; border-radius: 4px; }
.ps-error .ps-where { font-size: 0.82rem; color: var(--muted); }
.ps-notrun { color: var(--muted); font-style: italic; font-size: 0.85rem; }
.ps-table-wrap { overflow: auto; max-height: 32rem; }
table.ps-table { border-collapse: collapse; font-size: 0.82rem; }
table.ps-table caption { caption-side: top; text-align: left; color: var(--muted); font-size: 0.78rem; padding-bottom: 0.2rem; }
table.ps-table th, table.ps-table td { padding: 0.15rem 0.6rem; border-bottom: 1px solid var(--line); white-space: nowrap; }
table.ps-table th { position: sticky; top: 0; background: #fff; cursor: pointer; text-align: left; }
table.ps-table th[aria-sort="ascending"]::after { content: " ▲"; } table.ps-table th[aria-sort="descending"]::after { content: " ▼"; }
table.ps-table .ps-num { text-align: right; font-variant-numeric: tabular-nums; }
table.ps-table .ps-nan { color: var(--bad); }
table.ps-md-table { border-collapse: collapse; } table.ps-md-table th, table.ps-md-table td { border: 1px solid var(--line); padding: 0.2rem 0.6rem; }
.ps-url { color: var(--muted); font-size: 0.85em; word-break: break-all; }
.ps-vl-live:empty { display: none; }
.ps-vl.ps-vl-ready .ps-vl-static { display: none; }
.ps-plot-out svg, .ps-vl-static svg { max-width: 100%; height: auto; }
.ps-rerun { position: fixed; top: 0.6rem; right: 0.6rem; background: #fffbeb; border: 1px solid var(--line); border-radius: 6px; padding: 0.3rem 0.7rem; font-size: 0.85rem; }
@media (max-width: 900px) { .ps-layout { grid-template-columns: 1fr; } nav.ps-toc { position: static; } }
@media print {
  nav.ps-toc, details.ps-code, .ps-vl-live { display: none !important; }
  .ps-vl .ps-vl-static { display: block !important; }
  .ps-layout { display: block; }
}
`;

/** Sorts a table's shown rows when its header is clicked (numbers by value, text by locale order). */
export const SORT_JS = `
(function () {
  document.querySelectorAll("table.ps-sortable").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      th.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var numeric = th.getAttribute("data-type") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-v"), y = b.cells[col].getAttribute("data-v");
          if (x === "" || y === "") return (x === "") - (y === "");
          var d = numeric ? Number(x) - Number(y) : x.localeCompare(y);
          return asc ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
`;

/** Starts every Vega-Lite chart with vega-embed (tooltips on); the static SVG stays for print. */
export const VEGA_START_JS = `
(function () {
  window.psVegaViews = [];
  if (typeof vegaEmbed !== "function") return;
  document.querySelectorAll(".ps-vl").forEach(function (el) {
    var spec = JSON.parse(el.querySelector(".ps-vl-spec").textContent);
    var live = el.querySelector(".ps-vl-live");
    vegaEmbed(live, spec, { actions: false, renderer: "svg", tooltip: true }).then(function (result) {
      el.classList.add("ps-vl-ready");
      window.psVegaViews.push(result.view);
    }).catch(function (err) {
      live.textContent = "interactive chart unavailable (" + err.message + "); showing the static one";
    });
  });
})();
`;

/**
 * A served page: `rerun()` asks the server to run the page's notebook (a POST to the page's own
 * address, with the server's token) and then reloads the page, which shows that run.
 */
function rerunJs(token: string): string {
  return `
function rerun() {
  var note = document.createElement("div");
  note.className = "ps-rerun";
  note.setAttribute("role", "status");
  note.textContent = "running…";
  document.body.appendChild(note);
  fetch(location.href, { method: "POST", headers: { ${JSON.stringify(TOKEN_HEADER)}: ${JSON.stringify(token)} } }).then(function (res) {
    if (res.status === 403) return res.text().then(function (t) { note.textContent = t; });
    location.reload();
  }, function (err) { note.textContent = "the server did not answer (" + err.message + ")"; });
}`;
}

/** The page a served notebook shows until it has run: it asks for the run at once. */
export function runNowJs(token: string): string {
  return `
(function () {${rerunJs(token)}
  rerun();
})();
`;
}

/**
 * Listens for the server's word that the page's notebook or the dataset changed: a notebook's page
 * (given the token) asks for a new run and then reloads; the list of notebooks just reloads.
 */
export function liveReloadJs(eventsUrl: string, token?: string): string {
  return `
(function () {${token !== undefined ? rerunJs(token) : ""}
  var source = new EventSource(${JSON.stringify(eventsUrl)});
  source.addEventListener("reload", function () { source.close(); ${token !== undefined ? "rerun();" : "location.reload();"} });
})();
`;
}
