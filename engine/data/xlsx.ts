/**
 * XLSX sheets, via exceljs. Park offices keep their data in Excel, so cells arrive as numbers,
 * numbers typed as text (`1,234.5`, `12%`), rich text, formulas (their saved result is used),
 * dates and error values; each is converted or reported where it sits, by sheet row number.
 */
import type ExcelJS from "exceljs";
import { ParkscoreError, ProblemList, type Problem } from "../errors.js";
import type { Frame, ReadSpec } from "./frame.js";
import { notANumber, parseNumber } from "./numbers.js";
import { frameFromPlan, planColumns } from "./plan.js";
import { asNumbers } from "./typed.js";

export interface XlsxOptions {
  /** Sheet name or 1-based index; the first sheet when absent. */
  sheet?: string;
}

type Cell = ExcelJS.CellValue;

/** Read the columns `spec` asks for from the bytes of an .xlsx workbook. */
export async function readXlsx(
  bytes: Uint8Array,
  file: string,
  spec: ReadSpec,
  opts: XlsxOptions = {},
  problems?: ProblemList,
): Promise<Frame> {
  const own = problems === undefined;
  const list = problems ?? new ProblemList();
  // Loaded when a workbook is read (~0.2 s), not by every command at start-up.
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    // exceljs declares its own `Buffer`; an ArrayBuffer of exactly the file is what it needs.
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    throw new ParkscoreError({
      code: "data.bad-xlsx",
      file,
      message: `cannot open the workbook: ${(e as Error).message}`,
      fix: "check that the file is an Excel .xlsx workbook (not .xls or a renamed CSV); re-save it from Excel",
    });
  }
  const sheet = pickSheet(wb, file, opts.sheet);

  // The header is the first row with a value; data rows are the rows with values after it.
  let headerRow = 0;
  let headers: string[] = [];
  const dataRows: { n: number; values: Cell[] }[] = [];
  sheet.eachRow((row, n) => {
    const values = row.values as Cell[];
    if (!values.some((v) => v !== null && v !== undefined && cellText(v) !== "")) return;
    if (headerRow === 0) {
      headerRow = n;
      // row.values is 1-based (index 0 is unused).
      headers = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]));
    } else dataRows.push({ n, values });
  });
  if (headerRow === 0) {
    throw new ParkscoreError({
      code: "data.empty-file",
      file,
      message: `sheet "${sheet.name}" is empty (no header row)`,
      fix: "put the header in the first row and the data below it, or choose another sheet with --sheet",
    });
  }

  const plan = planColumns(file, headers, spec, list);
  const nrows = dataRows.length;
  const numbers = plan.numeric.map(() => new Float64Array(nrows));
  const texts = plan.text.map(() => new Array<string>(nrows));
  const rows = new Int32Array(nrows);
  for (let r = 0; r < nrows; r++) {
    const { n, values } = dataRows[r];
    rows[r] = n;
    // A problem names the sheet cell too, as Excel shows it: the row alone does not say which sheet.
    const report = (c: { index: number; header: string }) => (p: Omit<Problem, "file" | "row" | "column">) =>
      list.add({ ...p, file, row: n, column: c.header, message: `${p.message} (sheet "${sheet.name}", cell ${columnLetters(c.index)}${n})` });
    plan.numeric.forEach((c, k) => {
      numbers[k][r] = cellNumber(values[c.index + 1], report(c));
    });
    plan.text.forEach((c, k) => {
      texts[k][r] = cellString(values[c.index + 1], report(c));
    });
  }
  const rest = spec.rest ? plan.rest.map((c) => typedColumn(dataRows.map(({ values }) => values[c.index + 1]))) : undefined;
  const frame = frameFromPlan(file, plan, nrows, numbers, texts, rows, rest);
  if (own) list.throwIfAny();
  return frame;
}

/** The sheet named or numbered by `which` (name first, then 1-based position), else the first. */
function pickSheet(wb: ExcelJS.Workbook, file: string, which: string | undefined): ExcelJS.Worksheet {
  const sheets = wb.worksheets;
  const names = sheets.map((s) => `"${s.name}"`).join(", ") || "(none)";
  if (sheets.length === 0) {
    throw new ParkscoreError({ code: "data.empty-file", file, message: "the workbook has no sheets", fix: "add a sheet with a header row and data" });
  }
  if (which === undefined) return sheets[0];
  const w = which.trim();
  const found =
    sheets.find((s) => s.name === w) ??
    sheets.find((s) => s.name.trim().toLowerCase() === w.toLowerCase()) ??
    (/^\d+$/.test(w) ? sheets[Number(w) - 1] : undefined);
  if (found) return found;
  throw new ParkscoreError({
    code: "data.unknown-sheet",
    file,
    message: `no sheet "${which}"; the sheets are ${names}`,
    value: which,
    fix: `pass --sheet with one of ${names}, or its position (1 to ${sheets.length})`,
  });
}

type Report = (p: Omit<Problem, "file" | "row" | "column">) => void;

/** A cell as a number: NaN when empty, a problem for TRUE/FALSE, dates, errors and non-numeric text. */
function cellNumber(v: Cell, report: Report): number {
  if (v === null || v === undefined) return NaN;
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const n = parseNumber(v);
    if (n === undefined) report(notANumber({}, v));
    return n ?? NaN;
  }
  if (v instanceof Date) {
    report({
      code: "data.not-a-number",
      message: "the cell holds a date, not a number",
      value: isoDate(v),
      fix: "format the column as Number in Excel, or write a number such as 1234.5",
    });
    return NaN;
  }
  // Not read as 1/0: TRUE in a column of amounts is a slip (or a comparison formula), and taking it
  // as 1 would score it silently. A yes/no flag is written 1 or 0.
  if (typeof v === "boolean") {
    report({ code: "data.not-a-number", message: `${v ? "TRUE" : "FALSE"} is not a number`, value: v ? "TRUE" : "FALSE", fix: "type the number; for a yes/no flag write 1 or 0" });
    return NaN;
  }
  if ("error" in v) {
    report(cellError(v.error));
    return NaN;
  }
  if ("formula" in v || "sharedFormula" in v) {
    if (v.result === undefined) {
      report(noResult(v.formula ?? ""));
      return NaN;
    }
    return cellNumber(v.result as Cell, report);
  }
  return cellNumber(cellText(v), report);
}

/** Cells no scheme asked for yet: numbers when every non-blank one is a number (typed.ts), else their text. */
function typedColumn(cells: Cell[]): Float64Array | string[] {
  return asNumbers(cells.length, (i) => plainNumber(cells[i])) ?? cells.map(cellText);
}

/** A cell's number (NaN when empty), or undefined when it holds anything else: text, a date, TRUE/FALSE, an error. */
function plainNumber(v: Cell): number | undefined {
  if (v === null || v === undefined) return NaN;
  if (typeof v === "number") return v;
  if (typeof v === "string") return parseNumber(v);
  if (typeof v === "object" && ("formula" in v || "sharedFormula" in v)) return plainNumber((v.result ?? null) as Cell);
  return undefined;
}

/** A cell as text ('' when empty): numbers as their decimal text, dates as YYYY-MM-DD. */
function cellString(v: Cell, report: Report): string {
  if (v !== null && typeof v === "object" && !(v instanceof Date)) {
    if ("error" in v) {
      report(cellError(v.error));
      return "";
    }
    if (("formula" in v || "sharedFormula" in v) && v.result === undefined) {
      report(noResult(v.formula ?? ""));
      return "";
    }
  }
  return cellText(v);
}

/** Text of any cell value, used for headers and text columns. */
function cellText(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return isoDate(v);
  if ("richText" in v) return v.richText.map((t) => t.text).join("").trim();
  if ("error" in v) return v.error;
  if ("formula" in v || "sharedFormula" in v) return v.result === undefined ? "" : cellText(v.result as Cell);
  if ("text" in v) return String(v.text).trim();
  return "";
}

/** A 0-based column index as Excel names it: 0 → A, 25 → Z, 26 → AA. */
function columnLetters(index: number): string {
  let s = "";
  for (let k = index + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Excel dates carry no zone; exceljs gives them as UTC. Midnight shows as a date only. */
function isoDate(d: Date): string {
  const s = d.toISOString();
  return s.endsWith("T00:00:00.000Z") ? s.slice(0, 10) : s.slice(0, 19).replace("T", " ");
}

function cellError(error: string): Omit<Problem, "file" | "row" | "column"> {
  return {
    code: "data.cell-error",
    message: `the cell holds the error ${error}`,
    value: error,
    fix: "fix the formula in Excel, or clear the cell for a missing value",
  };
}

function noResult(formula: string): Omit<Problem, "file" | "row" | "column"> {
  return {
    code: "data.formula-no-result",
    message: "the formula has no saved result",
    value: `=${formula}`,
    fix: "open the workbook in Excel and save it, so the results are stored, or paste the values",
  };
}
