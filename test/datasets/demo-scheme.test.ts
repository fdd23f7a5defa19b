import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { COLUMNS } from '../../datasets/columns.js';
import { DEMO_DIR } from '../../datasets/demo.js';

interface Label {
  zh: string;
  en: string;
}
interface Scheme {
  id: string;
  name: string;
  columns: Record<string, string>;
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
  it('maps every header the demo files carry', () => {
    expect(Object.keys(scheme.columns)).toEqual(COLUMNS.map((c) => c.zh));
    expect(Object.values(scheme.columns)).toEqual(COLUMNS.map((c) => c.key));
    expect(scheme.id).toBe('code');
    expect(scheme.name).toBe('name');
    expect(scheme.carry).toEqual(['park', 'industry', 'industry_name']);
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
