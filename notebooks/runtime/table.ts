/**
 * Tables in a page: an arquero table, an Arrow table, or an array of row objects becomes an HTML
 * table of its first rows (100 unless `display(t, {rows})` says otherwise) with the total count.
 * Numbers are right-aligned and formatted (integers as they are, others to 4 decimals, or 4
 * significant digits below 1); a NaN is shown as NaN, never hidden. Headers sort the rows shown
 * (the page's script reads each cell's data-v).
 */
import { html, type Html } from "../../engine/index.js";

export const DEFAULT_ROWS = 100;

/** A column-oriented view of any table kind. */
export interface TableView {
  kind: string;
  columns: string[];
  numRows: number;
  get(column: string, row: number): unknown;
}

type AqTable = { columnNames(): string[]; numRows(): number; get(name: string, row: number): unknown };
type ArrowTable = { numRows: number; schema: { fields: { name: string }[] }; getChild(name: string): { get(i: number): unknown } | null };

export function isArqueroTable(x: unknown): x is AqTable {
  return typeof x === "object" && x !== null && typeof (x as AqTable).columnNames === "function" && typeof (x as AqTable).numRows === "function" && typeof (x as AqTable).get === "function";
}

export function isArrowTable(x: unknown): x is ArrowTable {
  return typeof x === "object" && x !== null && typeof (x as ArrowTable).numRows === "number" && Array.isArray((x as ArrowTable).schema?.fields) && typeof (x as ArrowTable).getChild === "function";
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;
  const p = Object.getPrototypeOf(x);
  return p === Object.prototype || p === null;
}

export function isRowArray(x: unknown): x is Record<string, unknown>[] {
  return Array.isArray(x) && x.length > 0 && x.every(isPlainObject);
}

/** The table view of `x`, or undefined when `x` is not a table. */
export function tableView(x: unknown): TableView | undefined {
  if (isArqueroTable(x)) return { kind: "arquero table", columns: x.columnNames(), numRows: x.numRows(), get: (c, r) => x.get(c, r) };
  if (isArrowTable(x)) {
    const cols = x.schema.fields.map((f) => f.name);
    return { kind: "Arrow table", columns: cols, numRows: x.numRows, get: (c, r) => x.getChild(c)?.get(r) };
  }
  if (isRowArray(x)) {
    const cols: string[] = [];
    const seen = new Set<string>();
    for (const row of x.slice(0, DEFAULT_ROWS * 10)) for (const k of Object.keys(row)) if (!seen.has(k)) (seen.add(k), cols.push(k));
    return { kind: "rows", columns: cols, numRows: x.length, get: (c, r) => x[r][c] };
  }
  return undefined;
}

/** A number as a table shows it. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  if (Number.isInteger(x)) return String(x);
  const digits = Math.abs(x) >= 1 ? 4 : Math.max(4, 3 - Math.floor(Math.log10(Math.abs(x))));
  return x.toFixed(Math.min(digits, 12)).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}

function cell(v: unknown): { text: string; sort: string; numeric: boolean; cls?: string } {
  if (v === null || v === undefined) return { text: "", sort: "", numeric: false, cls: "ps-null" };
  if (typeof v === "number") return { text: formatNumber(v), sort: Number.isNaN(v) ? "" : String(v), numeric: true, cls: Number.isNaN(v) ? "ps-nan" : undefined };
  if (typeof v === "bigint") return { text: String(v), sort: String(v), numeric: true };
  if (v instanceof Date) return { text: Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString().replace(/T00:00:00\.000Z$/, "").replace(/\.000Z$/, "Z"), sort: String(v.getTime()), numeric: true };
  if (typeof v === "object") {
    const s = ArrayBuffer.isView(v) || Array.isArray(v) ? `[${Array.from(v as ArrayLike<unknown>, (e) => (typeof e === "number" ? formatNumber(e) : String(e))).join(", ")}]` : JSON.stringify(v);
    return { text: s, sort: s, numeric: false };
  }
  return { text: String(v), sort: String(v), numeric: false };
}

/** The HTML of a table view: its first `rows` rows, a caption with the count. */
export function renderTable(t: TableView, rows = DEFAULT_ROWS): Html {
  const n = Math.min(rows, t.numRows);
  const numericCol = t.columns.map(() => true);
  const grid: ReturnType<typeof cell>[][] = [];
  for (let r = 0; r < n; r++) {
    const row = t.columns.map((c, j) => {
      const x = cell(t.get(c, r));
      if (!x.numeric && x.cls !== "ps-null") numericCol[j] = false;
      return x;
    });
    grid.push(row);
  }
  const body = grid.map(
    (row) =>
      html`<tr>${row.map((x, j) => {
        const cls = [numericCol[j] ? "ps-num" : "", x.cls ?? ""].filter(Boolean).join(" ");
        return html`<td${cls ? html` class="${cls}"` : ""} data-v="${x.sort}">${x.text}</td>`;
      })}</tr>`,
  );
  const head = t.columns.map((c, j) => html`<th${numericCol[j] ? html` class="ps-num" data-type="number"` : ""} title="sort the rows shown">${c}</th>`);
  const count = n < t.numRows ? `first ${n} of ${t.numRows} rows` : `${t.numRows} row${t.numRows === 1 ? "" : "s"}`;
  return html`<div class="ps-table-wrap"><table class="ps-table ps-sortable"><caption>${t.kind} · ${count} · ${t.columns.length} column${t.columns.length === 1 ? "" : "s"}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
