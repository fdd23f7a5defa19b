/**
 * The committed demo: its options, its panel (the admitted enterprises and the below-size firms
 * beside them), and writing each period's department files with the problems planted in the latest.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { OutputColumn } from '../engine/data/table.js';
import { DEPARTMENTS, departmentTables, KEY, type Department, type SourceId } from './departments.js';
import { drawHoldings } from './holdings.js';
import { plantProblems, type Plant } from './miskeys.js';
import { concatPeriods, generatePanel, type PanelPeriod } from './panel.js';
import { writeTableCsv, writeTableXlsx, yearEnd } from './write.js';

export const DEMO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo');

/** How the committed demo is generated (datasets/demo/README.md). */
export const DEMO = {
  seed: 130481, // Wu'an's administrative division code
  enterprises: 165,
  /** below-size firms (规下) in the first period, drawn beside the others from streams of their own */
  belowSizeFirms: 60,
  periods: 7,
  firstPeriod: 2019,
  missingRate: 0.02,
} as const;

/**
 * The demo scheme's evaluation of a table already merged — a panel written with its column keys as
 * headers (`headers: 'en'`): the department sources left out, the references kept.
 */
export function mergedDemoScheme(): string {
  const scheme = YAML.parse(fs.readFileSync(path.join(DEMO_DIR, 'scheme.yaml'), 'utf8')) as { sources: unknown[] };
  scheme.sources = scheme.sources.filter((s) => typeof s === 'string');
  return YAML.stringify(scheme);
}

/** The demo's panel: each period's admitted enterprises, then its below-size firms. */
export function demoPanel(): PanelPeriod[] {
  const { belowSizeFirms, ...opts } = DEMO;
  const main = generatePanel(opts);
  const small = generatePanel({ ...opts, enterprises: belowSizeFirms, belowSize: true, reservedNames: main.flatMap((p) => p.names) });
  return main.map((p, t) => concatPeriods(p, small[t]));
}

export interface DemoPeriod {
  period: number;
  tables: Map<SourceId, OutputColumn[]>;
  /** the problems planted in this period (the latest one only) */
  plants: Plant[];
  /** the latest period's CORRECTED source without its planted problem: the department's corrected delivery */
  corrected?: OutputColumn[];
}

/** The source whose corrected file the latest period also has (`corrections/<period>/<file>`), for a re-import. */
export const CORRECTED: SourceId = 'tax';

/** Every period's department tables; the latest with its planted problems. */
export function demoDepartments(panel: PanelPeriod[] = demoPanel()): DemoPeriod[] {
  const holdings = drawHoldings(panel, DEMO.seed);
  return panel.map((p, t) => {
    const tables = departmentTables(p, holdings);
    if (t < panel.length - 1) return { period: p.period, tables, plants: [] };
    const corrected = departmentTables(p, holdings).get(CORRECTED)!;
    return { period: p.period, tables, plants: plantProblems(tables, p, DEMO.seed), corrected };
  });
}

async function writeDepartment(d: Department, columns: OutputColumn[], file: string, period: number): Promise<void> {
  if (d.format.kind === 'xlsx') await writeTableXlsx(columns, file, { sheet: d.format.sheet, date: yearEnd(period) });
  else writeTableCsv(columns, file, d.format.csv);
}

export interface PeriodSummary {
  period: number;
  participants: number;
  belowSize: number;
  entries: number;
  exits: number;
  /** major accident or more than 2 environmental violations */
  vetoes: number;
  /** under 3 亩 or under 2 years in production */
  ineligible: number;
  /** rows of each department's file */
  rows: Record<SourceId, number>;
  /** enterprises holding several land certificates / meters */
  severalCertificates: number;
  severalMeters: number;
}

function repeated(columns: OutputColumn[]): number {
  const seen = new Map<string, number>();
  for (const id of columns.find((c) => c.name === KEY)!.values as string[]) seen.set(id, (seen.get(id) ?? 0) + 1);
  let n = 0;
  for (const c of seen.values()) if (c > 1) n++;
  return n;
}

/** Counts per period (printed by --demo, quoted in the demo README). */
export function summarize(panel: PanelPeriod[], periods: DemoPeriod[]): PeriodSummary[] {
  let prev = new Set<string>();
  return panel.map((p, t) => {
    const cur = new Set(p.ids);
    const N = p.numbers;
    let vetoes = 0, ineligible = 0, entries = 0, exits = 0;
    for (let k = 0; k < p.ids.length; k++) {
      if (N.major_accident[k] > 0 || N.env_violations[k] > 2) vetoes++;
      if (!(N.land_mu[k] >= 3 && N.years_in_production[k] >= 2)) ineligible++;
    }
    if (t > 0) {
      for (const id of cur) if (!prev.has(id)) entries++;
      for (const id of prev) if (!cur.has(id)) exits++;
    }
    prev = cur;
    const { tables } = periods[t];
    const rows = Object.fromEntries(DEPARTMENTS.map((d) => [d.id, tables.get(d.id)![0].values.length])) as Record<SourceId, number>;
    return {
      period: p.period,
      participants: p.ids.length,
      belowSize: p.texts.size.filter((s) => s === '规下').length,
      entries,
      exits,
      vetoes,
      ineligible,
      rows,
      severalCertificates: repeated(tables.get('land')!),
      severalMeters: repeated(tables.get('power')!),
    };
  });
}

/**
 * (Re)writes the demo's department files into `dir/<period>/`, and the corrected file of the
 * latest period's CORRECTED source into `dir/corrections/<period>/`.
 */
export async function writeDemo(dir: string = DEMO_DIR): Promise<{ summary: PeriodSummary[]; plants: Plant[] }> {
  const panel = demoPanel();
  const periods = demoDepartments(panel);
  for (const { period, tables } of periods)
    for (const d of DEPARTMENTS) await writeDepartment(d, tables.get(d.id)!, path.join(dir, String(period), d.file), period);
  const latest = periods[periods.length - 1];
  const fixed = DEPARTMENTS.find((d) => d.id === CORRECTED)!;
  await writeDepartment(fixed, latest.corrected!, path.join(dir, 'corrections', String(latest.period), fixed.file), latest.period);
  return { summary: summarize(panel, periods), plants: latest.plants };
}
