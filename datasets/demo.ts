/** The committed demo: its options, the file format of each period, its summary, and writing its source files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARKS } from './parks.js';
import { generatePanel, type PanelPeriod } from './panel.js';
import { writeCsv, writeXlsx, type CsvOptions } from './write.js';

export const DEMO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo');

/** How the committed demo is generated (datasets/demo/README.md). */
export const DEMO = {
  seed: 130481, // Wu'an's administrative division code
  enterprises: 165,
  periods: 7,
  firstPeriod: 2019,
  missingRate: 0.02,
} as const;

type DemoFormat = { file: string; kind: 'csv'; csv: CsvOptions } | { file: string; kind: 'xlsx' };

/**
 * The format of each demo period: UTF-8 CSV with a BOM for 2019–2022 (as Excel's "CSV UTF-8"
 * saves), GBK CSV with CRLF for 2023 (as Excel on Chinese Windows saves "CSV"), XLSX for 2024,
 * plain UTF-8 CSV for 2025.
 */
export function demoFormat(period: number): DemoFormat {
  if (period === 2023) return { file: '2023.csv', kind: 'csv', csv: { encoding: 'gbk', eol: '\r\n' } };
  if (period === 2024) return { file: '2024.xlsx', kind: 'xlsx' };
  if (period === 2025) return { file: '2025.csv', kind: 'csv', csv: {} };
  return { file: `${period}.csv`, kind: 'csv', csv: { bom: true } };
}

export interface PeriodSummary {
  period: number;
  file: string;
  enterprises: number;
  creative: number;
  manufacturing: number;
  entries: number;
  exits: number;
  /** major accident or more than 2 environmental violations */
  vetoes: number;
  /** under 3 亩 or under 2 years in production */
  ineligible: number;
  tinyLand: number;
  missingCells: number;
  missingEmissions: number;
}

/** Counts per period (used by --demo's report and the demo README). */
export function summarize(panel: PanelPeriod[], fileOf: (period: number) => string = (p) => String(p)): PeriodSummary[] {
  const out: PeriodSummary[] = [];
  let prev = new Set<string>();
  panel.forEach((p, t) => {
    const cur = new Set(p.ids);
    let entries = 0;
    let exits = 0;
    if (t > 0) {
      for (const id of cur) if (!prev.has(id)) entries++;
      for (const id of prev) if (!cur.has(id)) exits++;
    }
    const n = p.ids.length;
    const N = p.numbers;
    let vetoes = 0, ineligible = 0, tiny = 0, missing = 0, creative = 0;
    for (let k = 0; k < n; k++) {
      if (N.major_accident[k] > 0 || N.env_violations[k] > 2) vetoes++;
      if (!(N.land_mu[k] >= 3 && N.years_in_production[k] >= 2)) ineligible++;
      if (N.land_mu[k] < 3) tiny++;
      if (p.texts.park[k] === PARKS[0]) creative++;
    }
    for (const col of Object.values(N)) for (let k = 0; k < n; k++) if (col[k] !== col[k]) missing++;
    let missingEmissions = 0;
    for (let k = 0; k < n; k++) if (N.emissions[k] !== N.emissions[k]) missingEmissions++;
    out.push({
      period: p.period,
      file: fileOf(p.period),
      enterprises: n,
      creative,
      manufacturing: n - creative,
      entries,
      exits,
      vetoes,
      ineligible,
      tinyLand: tiny,
      missingCells: missing,
      missingEmissions,
    });
    prev = cur;
  });
  return out;
}

/** (Re)writes the demo source files into `dir/source` (default: datasets/demo/source). */
export async function writeDemo(dir: string = DEMO_DIR): Promise<PeriodSummary[]> {
  const panel = generatePanel(DEMO);
  const src = path.join(dir, 'source');
  fs.mkdirSync(src, { recursive: true });
  for (const p of panel) {
    const f = demoFormat(p.period);
    const file = path.join(src, f.file);
    if (f.kind === 'xlsx') await writeXlsx(p, file);
    else writeCsv(p, file, f.csv);
  }
  return summarize(panel, (period) => demoFormat(period).file);
}
