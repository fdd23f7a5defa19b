/**
 * The demo's department files are a faithful split of the panel: each period's files, read with the
 * engine's reader and merged here by hand (codes normalised, rows summed per code, land rows times
 * their share, the high-tech list as 1/0), give back every participant's figures — except exactly
 * where the README says problems were planted.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Frame } from '../../engine/data/frame.js';
import { readFrame } from '../../engine/data/read.js';
import type { OutputColumn } from '../../engine/data/table.js';
import { parseScheme } from '../../engine/scheme/load.js';
import { scorePeriod } from '../../engine/score/period.js';
import { loadPeriodInput } from '../../engine/store/input.js';
import { DEMO_DIR, demoDepartments, demoPanel, mergedDemoScheme } from '../../datasets/demo.js';
import { DEPARTMENTS, KEY, splitHundredths, type SourceId } from '../../datasets/departments.js';
import { isValidUscc } from '../../datasets/uscc.js';
import { writeTableCsv } from '../../datasets/write.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parkscore-departments-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Full-width → ASCII (NFKC), spaces out, upper case: how codes are compared. */
const normalise = (code: string) => code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

const file = (period: number, source: SourceId) => path.join(DEMO_DIR, String(period), DEPARTMENTS.find((d) => d.id === source)!.file);

/** The file's columns under their headers: the key as text, the named columns as text, every other typed. */
async function read(period: number, source: SourceId, text: string[] = []): Promise<{ codes: string[]; col: (h: string) => Float64Array; txt: (h: string) => string[]; frame: Frame }> {
  const frame = await readFrame(file(period, source), { numeric: [], text: [KEY, ...text], rest: true });
  const col = (h: string) => {
    const v = frame.numbers.get(h) ?? frame.rest?.get(h);
    if (!(v instanceof Float64Array)) throw new Error(`${source}: no number column ${h}`);
    return v;
  };
  const txt = (h: string) => frame.texts.get(h)!;
  return { codes: frame.texts.get(KEY)!, col, txt, frame };
}

/** Σ over rows per normalised code; a code whose cells are all blank sums to NaN (not reported). */
function sumBy(codes: string[], values: Float64Array, weights?: Float64Array): Map<string, number> {
  const out = new Map<string, number>();
  codes.forEach((c, i) => {
    const key = normalise(c);
    const x = weights ? values[i] * weights[i] : values[i];
    const prev = out.get(key);
    out.set(key, prev === undefined || prev !== prev ? x : x !== x ? prev : prev + x);
  });
  return out;
}

const close = (a: number | undefined, b: number) => (a === undefined ? false : a !== a ? b !== b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));

const panel = demoPanel();
const plants = demoDepartments(panel).at(-1)!.plants;

/** The merged table's numeric columns ← source and header (land and the high-tech list apart). */
const FIGURES: [SourceId, string, string][] = [
  ['tax', '实缴税金(万元)', 'tax'],
  ['stats', '工业增加值(万元)', 'value_added'],
  ['stats', '主营业务收入(万元)', 'revenue'],
  ['stats', '从业人员(人)', 'employees'],
  ['stats', 'R&D经费(万元)', 'rd_expense'],
  ['stats', '有效发明专利(件)', 'invention_patents'],
  ['stats', '固定资产投资(万元)', 'fixed_investment'],
  ['environment', '综合能耗(吨标准煤)', 'energy_tce'],
  ['environment', '用水量(万吨)', 'water'],
  ['environment', '主要污染物排放(吨)', 'emissions'],
  ['environment', '环境违法(次)', 'env_violations'],
  ['safety', '安全事故(起)', 'safety_incidents'],
  ['safety', '重大安全事故', 'major_accident'],
];
const TEXTS: [string, string][] = [['企业名称', 'name'], ['所在园区', 'park'], ['行业代码', 'industry'], ['行业名称', 'industry_name'], ['规模', 'size']];

interface Merged {
  /** the participant list's codes, in its order */
  codes: string[];
  texts: Map<string, string[]>;
  /** every figure per participant: NaN where no row of its department matched */
  numbers: Map<string, Float64Array>;
  /** rows whose code matches no participant, as source:code */
  strangers: Set<string>;
  /** sources with more rows than codes for some participant */
  repeated: Set<SourceId>;
}

/** A period's department files merged over the participant list, by this test's own rules. */
async function mergeByHand(period: number): Promise<Merged> {
  const list = await read(period, 'participants', TEXTS.map(([h]) => h));
  const codes = list.codes.map(normalise);
  const at = new Map(codes.map((c, i) => [c, i]));
  const texts = new Map(TEXTS.map(([h, c]) => [c, list.txt(h)]));
  const numbers = new Map<string, Float64Array>([['years_in_production', list.col('投产年限(年)')]]);
  const strangers = new Set<string>();
  const repeated = new Set<SourceId>();
  const put = (source: SourceId, column: string, f: { codes: string[] }, merged: Map<string, number>, fill = NaN) => {
    f.codes.forEach((c) => at.has(normalise(c)) || strangers.add(`${source}:${c}`));
    if (new Set(f.codes.map(normalise)).size < f.codes.length) repeated.add(source);
    numbers.set(column, Float64Array.from(codes, (c) => merged.get(c) ?? fill));
  };
  const land = await read(period, 'land');
  put('land', 'land_mu', land, sumBy(land.codes, land.col('用地面积(亩)'), land.col('分摊比例')));
  const power = await read(period, 'power');
  put('power', 'electricity', power, sumBy(power.codes, power.col('用电量(万千瓦时)')));
  for (const source of ['tax', 'stats', 'environment', 'safety'] as const) {
    const f = await read(period, source);
    for (const [s, header, column] of FIGURES) if (s === source) put(source, column, f, sumBy(f.codes, f.col(header)));
  }
  const ht = await read(period, 'hightech', ['证书编号']);
  for (const n of ht.txt('证书编号')) expect(n).toMatch(/^GR\d{4}13\d{6}$/);
  put('hightech', 'high_tech', ht, new Map(ht.codes.map((c) => [normalise(c), 1])), 0);
  return { codes, texts, numbers, strangers, repeated };
}

describe('the demo department files, merged by hand', () => {
  it('splits land_mu in whole hundredths that add up again', () => {
    expect(splitHundredths(27.52, [1, 1, 1])).toEqual([9.17, 9.17, 9.18]);
    expect(splitHundredths(0.01, [0.5, 0.7])).toEqual([0, 0.01]);
    expect(splitHundredths(10, [3])).toEqual([10]);
  });

  for (const p of panel) {
    it(`${p.period}: every participant's figures come back, except the planted problems`, { timeout: 60_000 }, async () => {
      const m = await mergeByHand(p.period);
      expect([...m.codes].sort()).toEqual([...p.ids].sort());
      const at = new Map(p.ids.map((id, k) => [id, k]));
      const order = m.codes.map((c) => at.get(c)!);
      for (const [column, values] of m.texts) expect(values).toEqual(order.map((k) => (column === 'name' ? p.names[k] : p.texts[column][k])));
      const mismatch: string[] = [];
      for (const [column, values] of m.numbers)
        values.forEach((x, i) => close(x, p.numbers[column][order[i]]) || mismatch.push(`${column}:${m.codes[i]}`));
      // several certificates and meters per enterprise; one row per enterprise in tax, statistics, environment and safety
      expect(m.repeated.has('land') && m.repeated.has('power')).toBe(true);
      for (const s of m.repeated) expect(['land', 'power', 'hightech']).toContain(s);

      const planted = p === panel.at(-1) ? plants : [];
      // the planted miskeys match no participant; the planted variants match after normalisation
      expect([...m.strangers].sort()).toEqual(planted.filter((x) => x.kind === 'one-character' || x.kind === 'check-character').map((x) => `${x.source}:${x.written}`).sort());
      const expected = planted.flatMap((x) => {
        if (x.kind === 'one-character') return [`electricity:${x.code}`];
        if (x.kind === 'check-character') return [`tax:${x.code}`];
        if (x.kind === 'left-out') return FIGURES.filter(([s]) => s === 'stats').map(([, , c]) => `${c}:${x.code}`);
        return [];
      });
      expect(mismatch.sort()).toEqual(expected.sort());
    });
  }

  it('2025 merged scores under the demo scheme: vetoes as the panel has them, the planted gaps as missing values', { timeout: 60_000 }, async () => {
    const m = await mergeByHand(2025);
    const file = path.join(tmp, '2025-merged.csv');
    writeTableCsv(
      [
        { name: 'code', type: 'text', values: m.codes },
        ...[...m.texts].map(([name, values]): OutputColumn => ({ name, type: 'text', values })),
        ...[...m.numbers].map(([name, values]): OutputColumn => ({ name, type: 'number', values })),
      ],
      file,
    );
    // the scheme's evaluation over the merged columns: its department sources are the engine's to merge
    const { scheme } = parseScheme(mergedDemoScheme(), path.join(DEMO_DIR, 'scheme.yaml'));
    const { frame } = await loadPeriodInput(scheme, file);
    const r = scorePeriod(frame, scheme);
    const p = panel.at(-1)!;
    const k = (id: string) => p.ids.indexOf(id);
    expect(r.n).toBe(p.ids.length);
    const vetoed = r.ids.filter((_, i) => r.vetoed[i]).sort();
    expect(vetoed).toEqual(p.ids.filter((_, j) => p.numbers.major_accident[j] > 0 || p.numbers.env_violations[j] > 2).sort());
    const taxPerMu = r.values.get('tax_per_mu')!;
    const vaPerMu = r.values.get('va_per_mu')!;
    for (const x of plants) {
      const i = r.ids.indexOf(x.code);
      if (x.kind === 'check-character') expect(taxPerMu[i]).toBeNaN();
      else if (x.kind === 'left-out') expect(vaPerMu[i]).toBeNaN();
      else expect(taxPerMu[i]).toBeCloseTo(p.numbers.tax[k(x.code)] / p.numbers.land_mu[k(x.code)], 9);
    }
    // the high-tech bonus follows the list: a graded enterprise on it has its 3 points among the reasons
    r.ids.forEach((id, i) => {
      if (r.status[i] !== 'graded' || r.vetoed[i]) return;
      const bonus = r.reasons[i].some((x) => x.kind === 'adjust' && x.points === 3);
      expect(bonus, id).toBe(p.numbers.high_tech[k(id)] === 1);
    });
    expect(r.status.filter((s) => s === 'graded').length).toBeGreaterThan(150);
  });

  it('2025: the planted problems are what the README says', async () => {
    const kinds = plants.map((x) => `${x.source}:${x.kind}`);
    expect(kinds).toEqual(['power:one-character', 'tax:check-character', 'land:full-width', 'environment:lower-case', 'hightech:space', ...Array(5).fill('stats:left-out')]);
    const ids = new Set(panel.at(-1)!.ids);
    for (const x of plants) {
      expect(ids.has(x.code)).toBe(true);
      if (x.kind === 'one-character' || x.kind === 'check-character') {
        expect(isValidUscc(x.written!)).toBe(false);
        const differ = [...x.written!].flatMap((ch, i) => (ch === x.code[i] ? [] : [i + 1]));
        expect(differ.length).toBe(1);
        if (x.kind === 'check-character') expect(differ).toEqual([18]);
        else expect(differ[0]).toBeLessThan(18);
        // no other participant is one character away: the nearest participant is unambiguous
        const near = [...ids].filter((id) => [...id].filter((ch, i) => ch !== x.written![i]).length === 1);
        expect(near).toEqual([x.code]);
      }
      if (x.kind === 'left-out' || x.kind === 'one-character' || x.kind === 'check-character') expect(x.code.startsWith('91130481MA1')).toBe(true);
      if (x.written) expect(normalise(x.written) === x.code).toBe(x.kind !== 'one-character' && x.kind !== 'check-character');
    }
    const land = await read(2025, 'land');
    expect(land.codes).toContain(plants.find((x) => x.kind === 'full-width')!.written);
    // the README's table names each of them: the code, and how the file writes it
    const readme = fs.readFileSync(path.join(DEMO_DIR, 'README.md'), 'utf8');
    const rows = readme.slice(readme.indexOf('## Planted in 2025')).split('\n').filter((l) => l.startsWith('| `'));
    for (const x of plants) {
      const row = rows.find((l) => l.startsWith(`| \`${DEPARTMENTS.find((d) => d.id === x.source)!.file}\``))!;
      expect(row, x.code).toContain(x.code);
      if (x.written) expect(row).toContain(`\`${x.written}\``);
    }
  });

  it('has several certificates and meters for some enterprises and one parcel shared by two', async () => {
    for (const period of [2019, 2025]) {
      const land = await read(period, 'land', ['不动产权证号']);
      const holders = new Map<string, Set<string>>();
      land.txt('不动产权证号').forEach((n, i) => holders.set(n, (holders.get(n) ?? new Set()).add(normalise(land.codes[i]))));
      const shared = [...holders].filter(([, h]) => h.size > 1);
      expect(shared.length).toBe(1);
      expect(shared[0][1].size).toBe(2);
      const rows = land.txt('不动产权证号').flatMap((n, i) => (n === shared[0][0] ? [i] : []));
      const share = land.col('分摊比例');
      expect(rows.map((i) => share[i]).sort()).toEqual([0.4, 0.6]);
      expect(rows.map((i) => land.col('用地面积(亩)')[i])).toEqual([land.col('用地面积(亩)')[rows[0]], land.col('用地面积(亩)')[rows[0]]]);
      for (let i = 0; i < land.codes.length; i++) if (!rows.includes(i)) expect(share[i]).toBe(1);
      const perEnterprise = new Map<string, number>();
      for (const c of land.codes) perEnterprise.set(normalise(c), (perEnterprise.get(normalise(c)) ?? 0) + 1);
      expect([...perEnterprise.values()].filter((n) => n > 1).length).toBeGreaterThan(10);
      const power = await read(period, 'power', ['电表户号']);
      expect(new Set(power.txt('电表户号')).size).toBe(power.codes.length);
      expect(new Set(power.codes.map(normalise)).size).toBeLessThan(power.codes.length);
    }
  });
});
