/**
 * A generated period written as CSV, Arrow or XLSX with the engine's writers (engine/data): the
 * panel's columns in file order, with Chinese headers or the English keys.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { OutputColumn } from '../engine/data/table.js';
import { arrowBytes } from '../engine/data/write-arrow.js';
import { csvChunks, csvStream, type CsvOptions as EngineCsvOptions } from '../engine/data/write-csv.js';
import { fixedZipTimes } from '../engine/data/write-xlsx.js';
import { COLUMNS, type ColumnKind } from './columns.js';
import type { PanelPeriod } from './panel.js';

export type HeaderStyle = 'zh' | 'en';

/** The panel's columns in file order (known columns first, then any extra ones), with their kinds. */
function outColumns(p: PanelPeriod, headers: HeaderStyle): { column: OutputColumn; kind: ColumnKind }[] {
  const out: { column: OutputColumn; kind: ColumnKind }[] = [];
  const seen = new Set<string>();
  const text = (name: string, values: string[], kind: ColumnKind) => out.push({ column: { name, type: 'text', values }, kind });
  const number = (name: string, values: Float64Array) => out.push({ column: { name, type: 'number', values }, kind: 'number' });
  for (const c of COLUMNS) {
    const header = headers === 'zh' ? c.zh : c.key;
    if (c.kind === 'id') text(header, p.ids, 'id');
    else if (c.kind === 'name') text(header, p.names, 'name');
    else if (c.kind === 'text') {
      if (p.texts[c.key]) text(header, p.texts[c.key], 'text');
    } else if (p.numbers[c.key]) number(header, p.numbers[c.key]);
    seen.add(c.key);
  }
  for (const [k, v] of Object.entries(p.texts)) if (!seen.has(k)) text(k, v, 'text');
  for (const [k, v] of Object.entries(p.numbers)) if (!seen.has(k)) number(k, v);
  return out;
}

const columnsOf = (p: PanelPeriod, headers: HeaderStyle = 'zh') => outColumns(p, headers).map((c) => c.column);

export interface CsvOptions {
  /** write a UTF-8 byte-order mark (as Excel's "CSV UTF-8" does); ignored for GBK */
  bom?: boolean;
  encoding?: 'utf-8' | 'gbk';
  /** line ending, default '\n' */
  eol?: '\n' | '\r\n';
  /** Chinese headers (default) or the English column keys */
  headers?: HeaderStyle;
}

/** Unlike the engine's default, the generator writes no BOM and bare line feeds (numbers as the model rounded them, in their shortest form). */
function engineCsv(opts: CsvOptions): EngineCsvOptions {
  return { bom: opts.bom ?? false, eol: opts.eol ?? '\n', encoding: opts.encoding ?? 'utf-8' };
}

/** Writes one period as CSV, chunk by chunk (a million rows are never one string). */
export function writeCsv(p: PanelPeriod, file: string, opts: CsvOptions = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  try {
    for (const chunk of csvStream(columnsOf(p, opts.headers), p.ids.length, engineCsv(opts))) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

/** The same CSV as writeCsv, as one string (for small panels and tests; no GBK). */
export function csvText(p: PanelPeriod, opts: Omit<CsvOptions, 'encoding'> = {}): string {
  return Buffer.concat(csvChunks(columnsOf(p, opts.headers), p.ids.length, engineCsv(opts))).toString('utf8');
}

export interface XlsxOptions {
  headers?: HeaderStyle;
  /** worksheet name, default "企业数据" */
  sheet?: string;
}

/**
 * The XLSX bytes of one period, with fixed document and zip dates → reproducible. Built in memory
 * with shared strings, not by the engine's streaming writer (inline strings): the committed demo's
 * 2024.xlsx is made this way, and its bytes must not change.
 */
export async function xlsxBuffer(p: PanelPeriod, opts: XlsxOptions = {}): Promise<Buffer> {
  const cols = outColumns(p, opts.headers ?? 'zh');
  const stamp = new Date(Date.UTC(p.period + 1, 2, 31, 0, 0, 0));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'parkscore datasets/generate.ts';
  wb.lastModifiedBy = 'parkscore datasets/generate.ts';
  wb.created = stamp;
  wb.modified = stamp;
  const ws = wb.addWorksheet(opts.sheet ?? '企业数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map(({ column: c, kind }) => ({
    header: c.name,
    width: kind === 'name' ? 36 : kind === 'id' ? 22 : kind === 'text' ? 18 : Math.max(10, c.name.length * 2 + 2),
  }));
  ws.getRow(1).font = { bold: true };
  const nrows = p.ids.length;
  for (let r = 0; r < nrows; r++) {
    ws.addRow(
      cols.map(({ column: c }) => {
        if (c.type !== 'number') return (c.values as string[])[r];
        const x = c.values[r];
        return x !== x ? null : x;
      }),
    );
  }
  return fixedZipTimes(Buffer.from(await wb.xlsx.writeBuffer()), stamp);
}

/** Writes one period as XLSX (meant for the demo; exceljs keeps the sheet in memory). */
export async function writeXlsx(p: PanelPeriod, file: string, opts: XlsxOptions = {}): Promise<void> {
  const buf = await xlsxBuffer(p, opts);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buf);
}

export interface ArrowOptions {
  headers?: HeaderStyle;
}

/** Writes one period as an Arrow IPC file: text Utf8, numbers Float64 (missing = null). */
export function writeArrow(p: PanelPeriod, file: string, opts: ArrowOptions = {}): void {
  const bytes = arrowBytes(columnsOf(p, opts.headers));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}
