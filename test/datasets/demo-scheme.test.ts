import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { readFrame } from '../../engine/data/read.js';
import { COLUMNS } from '../../datasets/columns.js';
import { DEMO_DIR } from '../../datasets/demo.js';
import { DEPARTMENTS, KEY } from '../../datasets/departments.js';

interface Label {
  zh: string;
  en: string;
}
interface Source {
  id: string;
  label: Label;
  participants?: boolean;
  key: string;
  columns: Record<string, string>;
  combine?: string;
  share?: string;
  required?: boolean;
}
interface Scheme {
  id: string;
  name: string;
  sources: (Source | string)[];
  carry: string[];
  categories: { id: string; label: Label; weight: number }[];
  indicators: {
    id: string;
    label: Label;
    unit: string;
    category: string;
    formula: string;
    direction: string;
    weight: number;
    normalize: { method: string; benchmark: string; factor: number; cap: number };
    missing?: string;
    source: string;
  }[];
  eligible: { when: string; reason: Label };
  missing: string;
  rules: { veto: { when: string; grade: string; reason: Label }[]; adjust: { when: string; points: number; reason: Label }[]; cap: number };
  grading: { method: string; quotas: Record<string, number>; veto: string; labels: Record<string, Label> };
}

const scheme = YAML.parse(fs.readFileSync(path.join(DEMO_DIR, 'scheme.yaml'), 'utf8')) as Scheme;

describe('datasets/demo/scheme.yaml', () => {
  const sources = scheme.sources.filter((x): x is Source => typeof x !== 'string');

  it('lists the departments in the order and with the labels of the generator, keyed by the credit code', () => {
    expect(sources.map((x) => x.id)).toEqual(DEPARTMENTS.map((d) => d.id));
    expect(sources.map((x) => x.label)).toEqual(DEPARTMENTS.map((d) => d.label));
    expect(sources.filter((x) => x.participants).map((x) => x.id)).toEqual(['participants']);
    for (const x of sources) expect(x.key).toBe(KEY);
    expect(scheme.id).toBe('code');
    expect(scheme.name).toBe('name');
    expect(scheme.carry).toEqual(['park', 'industry', 'industry_name', 'size']);
    // several certificates (a shared parcel by its share) and meters add up; the high-tech list is 1/0
    expect(Object.fromEntries(sources.filter((x) => x.combine).map((x) => [x.id, x.combine]))).toEqual({ land: 'sum', power: 'sum', hightech: 'any' });
    expect(sources.find((x) => x.id === 'land')!.share).toBe('分摊比例');
    expect(sources.filter((x) => x.required === false).map((x) => x.id)).toEqual(['hightech']);
    expect(scheme.sources.filter((x) => typeof x === 'string').some((x) => /Huangyan/.test(x as string))).toBe(true);
  });

  it('fills every column the generator makes, each from one header of one source', () => {
    const filled = sources.flatMap((x) => Object.values(x.columns));
    expect(new Set(filled).size).toBe(filled.length);
    expect([...filled].sort()).toEqual(COLUMNS.filter((c) => c.key !== 'code').map((c) => c.key).sort());
  });

  it('names headers every period\'s files have', async () => {
    for (const period of ['2019', '2025'])
      for (const x of sources) {
        const d = DEPARTMENTS.find((d) => d.id === x.id)!;
        const frame = await readFrame(path.join(DEMO_DIR, period, d.file), { numeric: [], text: [KEY], rest: true });
        const headers = [...frame.rest!.keys()];
        for (const h of [...Object.keys(x.columns), ...(x.share ? [x.share] : [])]) expect(headers, `${period}/${d.file}`).toContain(h);
      }
  });

  it('gives the Huangyan 2022 weights 30/20/20/10/10/10 through category × indicator weights', () => {
    const cat = new Map(scheme.categories.map((c) => [c.id, c.weight]));
    const overall = Object.fromEntries(scheme.indicators.map((i) => [i.id, cat.get(i.category)! * i.weight]));
    expect(overall.tax_per_mu).toBeCloseTo(0.3, 12);
    expect(overall.va_per_mu).toBeCloseTo(0.2, 12);
    expect(overall.va_per_energy).toBeCloseTo(0.2, 12);
    expect(overall.va_per_emission).toBeCloseTo(0.1, 12);
    expect(overall.labour_productivity).toBeCloseTo(0.1, 12);
    expect(overall.rd_intensity).toBeCloseTo(0.1, 12);
    for (const c of scheme.categories) {
      const sum = scheme.indicators.filter((i) => i.category === c.id).reduce((a, i) => a + i.weight, 0);
      expect(sum).toBeCloseTo(1, 12);
    }
  });

  it('labels every indicator in both languages with a unit, benchmark ratio and a source', () => {
    const known = new Set(COLUMNS.map((c) => c.key));
    for (const i of scheme.indicators) {
      expect(i.label.zh.length).toBeGreaterThan(0);
      expect(i.label.en.length).toBeGreaterThan(0);
      expect(i.unit.length).toBeGreaterThan(0);
      expect(i.direction).toBe('benefit');
      expect(i.normalize).toEqual({ method: 'benchmark-ratio', benchmark: 'mean', factor: 1, cap: 2 });
      expect(i.source).toMatch(/Huangyan/);
      for (const name of i.formula.match(/[a-z_]+/g) ?? []) expect(known.has(name), name).toBe(true);
    }
    expect(scheme.indicators.find((i) => i.id === 'va_per_emission')!.missing).toBe('mean-score');
  });

  it('has the eligibility, vetoes, adjustments and Huai\'an quotas of the brief', () => {
    expect(scheme.eligible.when).toBe('land_mu >= 3 and years_in_production >= 2');
    expect(scheme.rules.veto.map((v) => v.when)).toEqual(['major_accident > 0', 'env_violations > 2']);
    expect(scheme.rules.adjust.map((a) => a.points)).toEqual([3, -3]);
    expect(scheme.rules.cap).toBe(5);
    expect(scheme.grading.quotas).toEqual({ A: 0.2, B: 0.4, C: 0.35, D: 0.05 });
    expect(scheme.grading.veto).toBe('D');
    expect(scheme.missing).toBe('worst');
  });
});
