/**
 * Writing tables as a real spreadsheet (exceljs): one sheet per table of `OutputColumn`s, a bold
 * frozen header row, number formats and widths per column, and optional cell fills chosen by a
 * cell's text (grade colours). Text cells that begin with = + - @ (or a tab / carriage return) go
 * through `neutralize` (OWASP "CSV injection"), as in the CSV writer, so a spreadsheet never runs
 * them as formulas — even after a user retypes the cell.
 *
 * The workbook's creation/modification dates are fixed (`date`, default 2000-01-01) so that the
 * same tables give the same workbook metadata; the zip container itself may still differ in its
 * entry timestamps.
 */
import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import type { OutputColumn } from "./table.js";
import { neutralize } from "./write-csv.js";

export interface XlsxColumnStyle {
  /** An Excel number format, e.g. "0.00", "#,##0", "0.0%". */
  numFmt?: string;
  /** Column width in characters. */
  width?: number;
}

export interface XlsxFill {
  /** The column whose cells are coloured. */
  column: string;
  /** Cell text → background colour as RRGGBB (e.g. { A: "C6EFCE" }); other texts stay unfilled. */
  byValue: Record<string, string>;
}

export interface XlsxSheet {
  /** Sheet name; made valid for Excel (≤ 31 characters, no []:*?/\, unique within the workbook). */
  name: string;
  columns: OutputColumn[];
  /** Styles by column name. */
  styles?: Record<string, XlsxColumnStyle>;
  fills?: XlsxFill[];
  /** Freeze the header row (default true). */
  freezeHeader?: boolean;
}

export interface XlsxOptions {
  /** The workbook's created/modified date (default 2000-01-01T00:00:00Z, for reproducible metadata). */
  date?: Date;
  creator?: string;
}

/**
 * The .xlsx bytes of a workbook with these sheets, in order. Written with exceljs's streaming
 * writer (rows committed as they are made, inline strings): about twice as fast as building the
 * whole workbook in memory, for 10,000-row sheets.
 */
export async function xlsxBytes(sheets: XlsxSheet[], options: XlsxOptions = {}): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const { default: Excel } = await import("exceljs"); // loaded when a workbook is written, not at start-up
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const date = options.date ?? new Date(Date.UTC(2000, 0, 1));
  wb.created = date;
  wb.modified = date;
  wb.creator = options.creator ?? "parkscore";
  wb.lastModifiedBy = options.creator ?? "parkscore";
  const used = new Set<string>();
  for (const sheet of sheets) addSheet(wb, sheet, uniqueSheetName(sheet.name, used));
  await wb.commit();
  await done;
  return fixedZipTimes(Buffer.concat(chunks), date);
}

/**
 * The zip with every entry dated `date`: exceljs gives its zip writer no entry dates, so each would
 * carry the time of writing and the same workbook would differ byte for byte from run to run. The
 * dates are in the central directory and in each entry's local header (PKWARE APPNOTE 4.3.7, 4.3.12),
 * as MS-DOS time and date.
 */
export function fixedZipTimes(zip: Buffer, date: Date): Buffer {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let k = 0; k < entries; k++) {
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(day, at + 14);
    const local = zip.readUInt32LE(at + 42);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(day, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: XlsxSheet, name: string): void {
  const ws = wb.addWorksheet(name, sheet.freezeHeader === false ? {} : { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  const cols = sheet.columns;
  ws.columns = cols.map((c) => {
    const st = sheet.styles?.[c.name];
    return { header: neutralize(c.name), key: c.name, width: st?.width ?? Math.min(40, Math.max(8, c.name.length + 2)), style: st?.numFmt ? { numFmt: st.numFmt } : {} };
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  const n = cols.length ? cols[0].values.length : 0;
  const fills = (sheet.fills ?? []).map((f) => ({ j: cols.findIndex((c) => c.name === f.column), byValue: f.byValue }));
  for (let i = 0; i < n; i++) {
    const row = ws.addRow(cols.map((c) => cellValue(c, i)));
    for (const f of fills) {
      if (f.j < 0) continue;
      const c = cols[f.j];
      const colour = c.type === "text" ? f.byValue[c.values[i]] : undefined;
      if (colour) row.getCell(f.j + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${colour.replace(/^#/, "").toUpperCase()}` } };
    }
    row.commit();
  }
  ws.commit();
}

function cellValue(c: OutputColumn, i: number): ExcelJS.CellValue {
  switch (c.type) {
    case "text":
      return neutralize(c.values[i] ?? "");
    case "number": {
      const v = c.values[i];
      return Number.isFinite(v) ? v : null;
    }
    case "rank":
      return c.values[i] ? c.values[i] : null;
    case "boolean":
      return c.values[i] === 1;
  }
}

/** Excel's rules for sheet names: 1–31 characters, none of []:*?/\, not starting/ending with ', unique (case-insensitive). */
export function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").slice(0, 31) || "Sheet";
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) {
    const suffix = ` (${k})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}
