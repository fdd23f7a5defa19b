import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { tableFromIPC } from 'apache-arrow';
import { COLUMNS } from '../../datasets/columns.js';
import { DEMO, DEMO_DIR, demoDepartments, demoPanel, summarize, writeDemo } from '../../datasets/demo.js';
import { DEPARTMENTS } from '../../datasets/departments.js';
import { concatPeriods, generatePanel, type PanelPeriod } from '../../datasets/panel.js';
import { INDUSTRIES, PARKS } from '../../datasets/parks.js';
import { main } from '../../datasets/generate.js';
import { Rng } from '../../datasets/rng.js';
import { isValidUscc } from '../../datasets/uscc.js';
import { csvText, writeArrow, writeCsv, writeXlsx } from '../../datasets/write.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parkscore-datasets-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ZH_HEADERS = COLUMNS.map((c) => c.zh);
const NUMERIC_KEYS = COLUMNS.filter((c) => c.kind === 'number').map((c) => c.key);

function bytes(file: string): Buffer {
  return fs.readFileSync(file);
}

function sameColumns(a: PanelPeriod, b: PanelPeriod): boolean {
  if (a.period !== b.period || a.ids.join() !== b.ids.join() || a.names.join() !== b.names.join()) return false;
  for (const k of Object.keys(a.texts)) if (a.texts[k].join() !== b.texts[k].join()) return false;
  for (const k of Object.keys(a.numbers)) {
    const x = a.numbers[k];
    const y = b.numbers[k];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  }
  return true;
}

describe('PRNG', () => {
  it('is deterministic per seed and stream', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const d = new Rng(42, 1);
    const xs = Array.from({ length: 8 }, () => a.u32());
    expect(Array.from({ length: 8 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 8 }, () => c.u32())).not.toEqual(xs);
    expect(Array.from({ length: 8 }, () => d.u32())).not.toEqual(xs);
  });

  it('gives uniform and normal values with the right moments', () => {
    const r = new Rng(7);
    let su = 0, sn = 0, sn2 = 0;
    const n = 200_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      if (!(u >= 0 && u < 1)) outside++;
      su += u;
      const z = r.normal();
      sn += z;
      sn2 += z * z;
    }
    expect(outside).toBe(0);
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(sn / n).toBeCloseTo(0, 1);
    expect(sn2 / n).toBeCloseTo(1, 1);
  });
});

describe('generatePanel', () => {
  const panel = generatePanel({ enterprises: 400, periods: 6, firstPeriod: 2020, seed: 9 });

  it('is deterministic: same seed → same values; another seed → other values', () => {
    const again = generatePanel({ enterprises: 400, periods: 6, firstPeriod: 2020, seed: 9 });
    panel.forEach((p, t) => expect(sameColumns(p, again[t])).toBe(true));
    const other = generatePanel({ enterprises: 400, periods: 6, firstPeriod: 2020, seed: 10 });
    expect(sameColumns(panel[0], other[0])).toBe(false);
    expect(other[0].ids[0]).not.toBe(panel[0].ids[0]);
  });

  it('has one columnar frame per annual period, all columns of equal length', () => {
    expect(panel.map((p) => p.period)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(panel[0].ids.length).toBe(400);
    for (const p of panel) {
      const n = p.ids.length;
      expect(p.names.length).toBe(n);
      expect(Object.keys(p.texts).sort()).toEqual(['industry', 'industry_name', 'park', 'size']);
      for (const col of Object.values(p.texts)) expect(col.length).toBe(n);
      expect(Object.keys(p.numbers).sort()).toEqual([...NUMERIC_KEYS].sort());
      for (const col of Object.values(p.numbers)) {
        expect(col).toBeInstanceOf(Float64Array);
        expect(col.length).toBe(n);
      }
    }
  });

  it('gives unique, valid, stable enterprise codes and unique names', () => {
    const nameOf = new Map<string, string>();
    for (const p of panel) {
      expect(new Set(p.ids).size).toBe(p.ids.length);
      expect(new Set(p.names).size).toBe(p.names.length);
      p.ids.forEach((id, i) => {
        expect(id).toMatch(/^91130481MA0[0-9A-HJ-NPQRTUWXY]{7}$/);
        const prev = nameOf.get(id);
        if (prev !== undefined) expect(p.names[i]).toBe(prev);
        nameOf.set(id, p.names[i]);
      });
      expect(p.ids.every(isValidUscc)).toBe(true);
      expect(p.names.every((s) => /^武安市\p{Script=Han}{2,}(有限公司|有限责任公司|股份有限公司|学校)$/u.test(s))).toBe(true);
    }
    // distinct enterprises never share a name either
    expect(new Set(nameOf.values()).size).toBe(nameOf.size);
  });

  it('has entries and exits in every later period, and entrants start young', () => {
    for (let t = 1; t < panel.length; t++) {
      const prev = new Set(panel[t - 1].ids);
      const cur = new Set(panel[t].ids);
      expect([...cur].filter((id) => !prev.has(id)).length).toBeGreaterThan(0);
      expect([...prev].filter((id) => !cur.has(id)).length).toBeGreaterThan(0);
    }
    let young = 0, entrants = 0;
    for (let t = 1; t < panel.length; t++) {
      const prev = new Set(panel[t - 1].ids);
      const p = panel[t];
      p.ids.forEach((id, i) => {
        if (prev.has(id)) return;
        entrants++;
        if (p.numbers.years_in_production[i] < 2) young++;
      });
    }
    expect(young / entrants).toBeGreaterThan(0.5);
  });

  it('uses the two parks with fitting GB/T 4754 divisions and plausible magnitudes', () => {
    const p = panel[panel.length - 1];
    const creative = new Set(['52', '64', '65', '72', '73', '74', '75', '83', '84', '85', '87', '88']);
    const N = p.numbers;
    let ce = 0, cn = 0, me = 0, mn = 0;
    p.ids.forEach((_, i) => {
      const park = p.texts.park[i];
      expect(PARKS).toContain(park);
      expect(creative.has(p.texts.industry[i])).toBe(park === PARKS[0]);
      expect(N.land_mu[i]).toBeGreaterThan(0);
      expect(N.revenue[i]).toBeGreaterThan(0);
      expect(N.value_added[i]).toBeLessThan(N.revenue[i]);
      expect(N.employees[i]).toBeGreaterThanOrEqual(3);
      expect([0, 1]).toContain(N.high_tech[i]);
      expect([0, 1]).toContain(N.major_accident[i]);
      if (N.major_accident[i] === 1) expect(N.safety_incidents[i]).toBeGreaterThanOrEqual(1);
      if (Number.isFinite(N.energy_tce[i])) {
        if (park === PARKS[0]) (ce += N.energy_tce[i] / N.value_added[i]), cn++;
        else (me += N.energy_tce[i] / N.value_added[i]), mn++;
      }
    });
    // creative firms use far less energy per unit of value added than manufacturers
    expect(ce / cn).toBeLessThan((me / mn) / 2);
  });

  it('classes a firm 规上 when its revenue reaches its division\'s statistical threshold', () => {
    const threshold = new Map(INDUSTRIES.map((s) => [s.code, s.sizeRevenue]));
    let below = 0;
    for (const p of panel)
      p.ids.forEach((_, k) => {
        const size = p.numbers.revenue[k] >= threshold.get(p.texts.industry[k])! ? '规上' : '规下';
        expect(p.texts.size[k]).toBe(size);
        if (size === '规下') below++;
      });
    expect(below).toBeGreaterThan(0);
    // the National Bureau of Statistics' thresholds: industry 2000 万元, software 2000, research 1000, culture 500
    expect([threshold.get('34'), threshold.get('65'), threshold.get('73'), threshold.get('88')]).toEqual([2000, 2000, 1000, 500]);
  });

  it('draws below-size firms beside a panel without touching it: own codes, own names, mostly 规下', () => {
    const opts = { enterprises: 400, periods: 6, firstPeriod: 2020, seed: 9 };
    const small = generatePanel({ ...opts, enterprises: 120, belowSize: true, reservedNames: panel.flatMap((p) => p.names) });
    const again = generatePanel(opts);
    panel.forEach((p, t) => expect(sameColumns(p, again[t])).toBe(true));
    const mainIds = new Set(panel.flatMap((p) => p.ids));
    const mainNames = new Set(panel.flatMap((p) => p.names));
    let below = 0, n = 0;
    for (const p of small) {
      for (const id of p.ids) {
        expect(id).toMatch(/^91130481MA1/);
        expect(isValidUscc(id)).toBe(true);
        expect(mainIds.has(id)).toBe(false);
      }
      for (const name of p.names) expect(mainNames.has(name)).toBe(false);
      below += p.texts.size.filter((s) => s === '规下').length;
      n += p.ids.length;
    }
    expect(below / n).toBeGreaterThan(0.5);
    const joined = concatPeriods(panel[0], small[0]);
    expect(joined.ids).toEqual([...panel[0].ids, ...small[0].ids]);
    expect(Array.from(joined.numbers.tax)).toEqual([...panel[0].numbers.tax, ...small[0].numbers.tax]);
    expect(joined.texts.size).toEqual([...panel[0].texts.size, ...small[0].texts.size]);
  });

  it('leaves cells blank only in reportable columns, from a stream of its own', () => {
    const full = generatePanel({ enterprises: 400, periods: 2, seed: 9, missingRate: 0 });
    const some = generatePanel({ enterprises: 400, periods: 2, seed: 9, missingRate: 0.05 });
    const blankable = new Set(['emissions', 'water', 'electricity', 'rd_expense', 'invention_patents', 'energy_tce']);
    let blanks = 0;
    for (let t = 0; t < 2; t++) {
      expect(full[t].ids).toEqual(some[t].ids);
      for (const k of NUMERIC_KEYS) {
        const a = full[t].numbers[k];
        const b = some[t].numbers[k];
        for (let i = 0; i < a.length; i++) {
          expect(Number.isNaN(a[i])).toBe(false);
          if (Number.isNaN(b[i])) {
            expect(blankable.has(k)).toBe(true);
            blanks++;
          } else expect(b[i]).toBe(a[i]);
        }
      }
    }
    expect(blanks).toBeGreaterThan(0);
  });

  it('generates 1,000,000 enterprises × 1 period', { timeout: 180_000 }, () => {
    const [p] = generatePanel({ enterprises: 1_000_000, periods: 1, seed: 3 });
    expect(p.ids.length).toBe(1_000_000);
    expect(p.names.length).toBe(1_000_000);
    expect(p.texts.park.length).toBe(1_000_000);
    for (const k of NUMERIC_KEYS) expect(p.numbers[k].length).toBe(1_000_000);
    expect(new Set(p.ids).size).toBe(1_000_000);
    expect(new Set(p.names).size).toBe(1_000_000);
  });
});

describe('writers', () => {
  const [p] = generatePanel({ enterprises: 300, periods: 1, seed: 5, missingRate: 0.05 });

  it('writes numbers as the generator rounded them, blanks for missing', () => {
    const q: PanelPeriod = { period: 2019, ids: ['a', 'b', 'c'], names: ['x', 'y', 'z'], texts: {}, numbers: { land_mu: Float64Array.of(1234.5, NaN, 0.01), water: Float64Array.of(0.001, 2, 12.345) } };
    expect(csvText(q, { headers: 'en' })).toBe('code,name,land_mu,water\na,x,1234.5,0.001\nb,y,,2\nc,z,0.01,12.345\n');
    for (const p of generatePanel({ enterprises: 200, periods: 1, seed: 9 }))
      for (const c of COLUMNS) if (c.kind === 'number') for (const x of p.numbers[c.key]) if (x === x) expect(Math.round(x * 10 ** c.decimals!) / 10 ** c.decimals!).toBe(x);
  });

  it('writes CSV: UTF-8 (optional BOM, CRLF) identical to the reference text, and GBK', () => {
    const f1 = path.join(tmp, 'w', 'a.csv');
    const f2 = path.join(tmp, 'w', 'b.csv');
    const f3 = path.join(tmp, 'w', 'c.csv');
    const f4 = path.join(tmp, 'w', 'd.csv');
    writeCsv(p, f1);
    writeCsv(p, f2, { bom: true, eol: '\r\n' });
    writeCsv(p, f3, { encoding: 'gbk' });
    writeCsv(p, f4, { headers: 'en' });
    expect(bytes(f1).toString('utf8')).toBe(csvText(p));
    expect(bytes(f2).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes(f2).toString('utf8')).toBe(csvText(p, { bom: true, eol: '\r\n' }));
    expect(iconv.decode(bytes(f3), 'gbk')).toBe(csvText(p));
    expect(bytes(f4).toString('utf8').split('\n')[0]).toBe(COLUMNS.map((c) => c.key).join(','));
    const lines = csvText(p).trimEnd().split('\n');
    expect(lines[0]).toBe(ZH_HEADERS.join(','));
    expect(lines.length).toBe(p.ids.length + 1);
    // money with at most 2 decimals, no 17-digit floats
    for (const line of lines.slice(1)) for (const cell of line.split(',')) expect(cell.length).toBeLessThan(40);
    expect(lines.slice(1).some((l) => l.includes(',,'))).toBe(true);
  });

  it('writes the same bytes twice (CSV, GBK CSV, Arrow, XLSX) and other bytes for another seed', async () => {
    const [q] = generatePanel({ enterprises: 300, periods: 1, seed: 6 });
    const out = (name: string) => path.join(tmp, 'det', name);
    writeCsv(p, out('a1.csv'));
    writeCsv(p, out('a2.csv'));
    writeCsv(q, out('a3.csv'));
    writeCsv(p, out('g1.csv'), { encoding: 'gbk' });
    writeCsv(p, out('g2.csv'), { encoding: 'gbk' });
    writeArrow(p, out('r1.arrow'));
    writeArrow(p, out('r2.arrow'));
    writeArrow(q, out('r3.arrow'));
    await writeXlsx(p, out('x1.xlsx'));
    // A clock a day later (zip timestamps have a 2-second resolution): no date may reach the bytes.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 86_400_000 });
    try {
      await writeXlsx(p, out('x2.xlsx'));
    } finally {
      vi.useRealTimers();
    }
    await writeXlsx(q, out('x3.xlsx'));
    expect(bytes(out('a1.csv')).equals(bytes(out('a2.csv')))).toBe(true);
    expect(bytes(out('a1.csv')).equals(bytes(out('a3.csv')))).toBe(false);
    expect(bytes(out('g1.csv')).equals(bytes(out('g2.csv')))).toBe(true);
    expect(bytes(out('r1.arrow')).equals(bytes(out('r2.arrow')))).toBe(true);
    expect(bytes(out('r1.arrow')).equals(bytes(out('r3.arrow')))).toBe(false);
    expect(bytes(out('x1.xlsx')).equals(bytes(out('x2.xlsx')))).toBe(true);
    expect(bytes(out('x1.xlsx')).equals(bytes(out('x3.xlsx')))).toBe(false);
  });

  it('writes Arrow IPC files: Utf8 text, Float64 numbers, nulls where missing', () => {
    const f = path.join(tmp, 'arrow', 'p.arrow');
    writeArrow(p, f);
    const t = tableFromIPC(bytes(f));
    expect(t.numRows).toBe(p.ids.length);
    expect(t.schema.fields.map((x) => x.name)).toEqual(ZH_HEADERS);
    for (const c of COLUMNS) {
      const field = t.schema.fields.find((x) => x.name === c.zh)!;
      expect(String(field.type)).toBe(c.kind === 'number' ? 'Float64' : 'Utf8');
    }
    expect(t.getChild('企业代码')!.toArray()).toEqual(p.ids);
    expect(t.getChild('企业名称')!.get(7)).toBe(p.names[7]);
    expect(t.getChild('所属园区')!.get(3)).toBe(p.texts.park[3]);
    const em = t.getChild('主要污染物排放(吨)')!;
    let nulls = 0;
    for (let i = 0; i < p.ids.length; i++) {
      const x = p.numbers.emissions[i];
      if (Number.isNaN(x)) {
        expect(em.get(i)).toBeNull();
        nulls++;
      } else expect(em.get(i)).toBe(x);
    }
    expect(nulls).toBeGreaterThan(0);
    expect(em.nullCount).toBe(nulls);
  });
});

describe('the committed demo', () => {
  const panel = demoPanel();
  const periods = panel.map((p) => String(p.period));
  const files = (dir: string) =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /^(\d{4}|corrections)/.test(path.relative(dir, path.join(e.parentPath, e.name))))
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();

  it('is reproduced byte for byte by --demo (writeDemo)', { timeout: 60_000 }, async () => {
    const out = path.join(tmp, 'demo');
    await writeDemo(out);
    const expected = [...periods.flatMap((p) => DEPARTMENTS.map((d) => path.join(p, d.file))), path.join('corrections', '2025', 'tax.xlsx')].sort();
    expect(files(out)).toEqual(expected);
    expect(files(DEMO_DIR)).toEqual(expected);
    for (const f of expected) expect(bytes(path.join(out, f)).equals(bytes(path.join(DEMO_DIR, f))), f).toBe(true);
  });

  it('covers 2019–2025, at least 250 participants in 2025 of whom some are 规下; entries, exits, vetoes', () => {
    expect(periods).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    const s = summarize(panel, demoDepartments(panel));
    expect(s.at(-1)!.participants).toBeGreaterThanOrEqual(250);
    for (const row of s) {
      expect(row.belowSize).toBeGreaterThan(20);
      expect(row.vetoes).toBeGreaterThanOrEqual(1);
      expect(row.ineligible).toBeGreaterThan(0);
      expect(row.severalCertificates).toBeGreaterThan(0);
      expect(row.severalMeters).toBeGreaterThan(0);
      expect(row.rows.land).toBeGreaterThan(row.participants);
      expect(row.rows.power).toBeGreaterThan(row.participants);
      expect(row.rows.tax).toBe(row.participants);
    }
    for (const row of s.slice(1)) {
      expect(row.entries).toBeGreaterThan(0);
      expect(row.exits).toBeGreaterThan(0);
    }
    // the statistics bureau leaves five participants out in the latest period only
    expect(s.map((r) => r.participants - r.rows.stats)).toEqual([0, 0, 0, 0, 0, 0, 5]);
    const total = files(DEMO_DIR).reduce((a, f) => a + fs.statSync(path.join(DEMO_DIR, f)).size, 0);
    expect(total).toBeLessThan(2_000_000);
  });

  it('keeps the figures of the 165 admitted enterprises the demo had before the below-size firms joined', () => {
    const { belowSizeFirms, ...opts } = DEMO;
    expect(belowSizeFirms).toBeGreaterThan(0);
    const admitted = generatePanel(opts);
    panel.forEach((p, t) => {
      const n = admitted[t].ids.length;
      expect(p.ids.slice(0, n)).toEqual(admitted[t].ids);
      expect(Array.from(p.numbers.land_mu.subarray(0, n))).toEqual(Array.from(admitted[t].numbers.land_mu));
      expect(p.ids.slice(n).every((id) => id.startsWith('91130481MA1'))).toBe(true);
    });
  });

  it('has the power and safety files in GBK with CRLF, the others UTF-8', () => {
    const latest = path.join(DEMO_DIR, '2025');
    for (const f of ['power.csv', 'safety.csv']) {
      const b = bytes(path.join(latest, f));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b)).toThrow();
      expect(iconv.decode(b, 'gbk').split('\r\n')[0]).toMatch(/^[^,]+,[^,]+,统一社会信用代码|^统一社会信用代码/);
    }
    for (const f of ['stats.csv', 'environment.csv', 'hightech.csv']) {
      const b = bytes(path.join(latest, f));
      expect(new TextDecoder('utf-8', { fatal: true }).decode(b)).toContain('统一社会信用代码');
    }
  });
});

describe('CLI', () => {
  it('writes one file per period', async () => {
    const out = path.join(tmp, 'cli');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await main(['--enterprises', '60', '--periods', '3', '--seed', '4', '--first-period', '2021', '--format', 'arrow', '--out', out]);
    } finally {
      log.mockRestore();
    }
    expect(fs.readdirSync(out).sort()).toEqual(['2021.arrow', '2022.arrow', '2023.arrow']);
    const t = tableFromIPC(bytes(path.join(out, '2021.arrow')));
    expect(t.numRows).toBe(60);
    const mem = generatePanel({ enterprises: 60, periods: 3, seed: 4, firstPeriod: 2021 });
    writeArrow(mem[2], path.join(tmp, 'cli-check.arrow'));
    expect(bytes(path.join(out, '2023.arrow')).equals(bytes(path.join(tmp, 'cli-check.arrow')))).toBe(true);
  });
});
