/**
 * Generated tables written as CSV, Arrow or XLSX with the engine's writers (engine/data): a
 * panel period's columns in file order, with Chinese headers or the English keys, and any table of
 * columns (the demo's department files) in the format its department delivers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OutputColumn } from '../engine/data/table.js';
import { arrowBytes } from '../engine/data/write-arrow.js';
import { csvChunks, csvStream, type CsvOptions as EngineCsvOptions } from '../engine/data/write-csv.js';
import { xlsxBytes, type XlsxColumnStyle } from '../engine/data/write-xlsx.js';
import { COLUMNS } from './columns.js';
import type { PanelPeriod } from './panel.js';

export type HeaderStyle = 'zh' | 'en';

/** The panel's columns in file order (known columns first, then any extra ones). */
function columnsOf(p: PanelPeriod, headers: HeaderStyle = 'zh'): OutputColumn[] {
  const out: OutputColumn[] = [];
  const seen = new Set<string>();
  for (const c of COLUMNS) {
    const name = headers === 'zh' ? c.zh : c.key;
    if (c.kind === 'id') out.push({ name, type: 'text', values: p.ids });
    else if (c.kind === 'name') out.push({ name, type: 'text', values: p.names });
    else if (c.kind === 'text') {
      if (p.texts[c.key]) out.push({ name, type: 'text', values: p.texts[c.key] });
    } else if (p.numbers[c.key]) out.push({ name, type: 'number', values: p.numbers[c.key] });
    seen.add(c.key);
  }
  for (const [k, v] of Object.entries(p.texts)) if (!seen.has(k)) out.push({ name: k, type: 'text', values: v });
  for (const [k, v] of Object.entries(p.numbers)) if (!seen.has(k)) out.push({ name: k, type: 'number', values: v });
  return out;
}

export interface CsvOptions {
  /** write a UTF-8 byte-order mark (as Excel's "CSV UTF-8" does); ignored for GBK */
  bom?: boolean;
  encoding?: 'utf-8' | 'gbk';
  /** line ending, default '\n' */
  eol?: '\n' | '\r\n';
}

/** Unlike the engine's default, the generator writes no BOM and bare line feeds unless asked (numbers as the model rounded them, in their shortest form). */
function engineCsv(opts: CsvOptions): EngineCsvOptions {
  return { bom: opts.bom ?? false, eol: opts.eol ?? '\n', encoding: opts.encoding ?? 'utf-8' };
}

const rows = (columns: OutputColumn[]) => (columns.length ? columns[0].values.length : 0);

/** Writes a table as CSV, chunk by chunk (a million rows are never one string). */
export function writeTableCsv(columns: OutputColumn[], file: string, opts: CsvOptions = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  try {
    for (const chunk of csvStream(columns, rows(columns), engineCsv(opts))) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

export interface XlsxOptions {
  /** worksheet name, default "企业数据" */
  sheet?: string;
  /** the workbook's created/modified date and its zip entries' dates */
  date: Date;
}

/** Column widths as a person would set them: wide for names, the code's 18 characters in full. */
function widths(columns: OutputColumn[]): Record<string, XlsxColumnStyle> {
  const out: Record<string, XlsxColumnStyle> = {};
  for (const c of columns) {
    let longest = c.name.length * 2;
    if (c.type === 'text') for (const v of c.values) longest = Math.max(longest, v.length * (/[^\x00-\x7f]/.test(v) ? 2 : 1));
    out[c.name] = { width: Math.min(40, Math.max(10, longest + 2)) };
  }
  return out;
}

/** The XLSX bytes of one sheet holding the table, dated `date` throughout → reproducible. */
export function tableXlsx(columns: OutputColumn[], opts: XlsxOptions): Promise<Buffer> {
  return xlsxBytes([{ name: opts.sheet ?? '企业数据', columns, styles: widths(columns) }], { date: opts.date, creator: 'parkscore datasets/generate.ts' });
}

/** Writes a table as XLSX (meant for the demo's sizes: exceljs builds the zip in memory). */
export async function writeTableXlsx(columns: OutputColumn[], file: string, opts: XlsxOptions): Promise<void> {
  const bytes = await tableXlsx(columns, opts);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}

/** Writes one period as CSV. */
export function writeCsv(p: PanelPeriod, file: string, opts: CsvOptions & { headers?: HeaderStyle } = {}): void {
  writeTableCsv(columnsOf(p, opts.headers), file, opts);
}

/** The same CSV as writeCsv, as one string (for small panels and tests; no GBK). */
export function csvText(p: PanelPeriod, opts: Omit<CsvOptions, 'encoding'> & { headers?: HeaderStyle } = {}): string {
  return Buffer.concat(csvChunks(columnsOf(p, opts.headers), p.ids.length, engineCsv(opts))).toString('utf8');
}

/** Writes one period as XLSX, dated the end of the following March (when such a year's figures are final). */
export async function writeXlsx(p: PanelPeriod, file: string, opts: { headers?: HeaderStyle; sheet?: string } = {}): Promise<void> {
  await writeTableXlsx(columnsOf(p, opts.headers), file, { sheet: opts.sheet, date: yearEnd(p.period) });
}

/** 31 March of the year after `period`: the date the demo's files of that period carry. */
export function yearEnd(period: number): Date {
  return new Date(Date.UTC(period + 1, 2, 31));
}

/** Writes one period as an Arrow IPC file: text Utf8, numbers Float64 (missing = null). */
export function writeArrow(p: PanelPeriod, file: string, opts: { headers?: HeaderStyle } = {}): void {
  const bytes = arrowBytes(columnsOf(p, opts.headers));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}
