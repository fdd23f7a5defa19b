/**
 * The files each department delivers for one period, split from the panel (the one truth): the
 * participant list, land certificates, electricity meters, taxes, statistics, environment, safety
 * and the high-tech list, each keyed by the 统一社会信用代码, in the department's own row order and
 * file format. Summing a department's rows per enterprise (land rows times their share) gives
 * back the panel's figure; test/datasets/departments.test.ts checks it by merging the files.
 */
import type { OutputColumn } from '../engine/data/table.js';
import type { Holdings } from './holdings.js';
import type { PanelPeriod } from './panel.js';
import { PARKS } from './parks.js';
import type { CsvOptions } from './write.js';

/** The key column of every department file. */
export const KEY = '统一社会信用代码';

export type SourceId = 'participants' | 'land' | 'power' | 'tax' | 'stats' | 'environment' | 'safety' | 'hightech';

export type FileFormat = { kind: 'csv'; csv: CsvOptions } | { kind: 'xlsx'; sheet: string };

export interface Department {
  id: SourceId;
  /** file name in the period's folder */
  file: string;
  label: { zh: string; en: string };
  format: FileFormat;
}

/** The departments in delivery order, with the format each one's office saves. */
export const DEPARTMENTS: readonly Department[] = [
  { id: 'participants', file: 'participants.xlsx', label: { zh: '参评名单', en: 'Participant list' }, format: { kind: 'xlsx', sheet: '参评名单' } },
  { id: 'land', file: 'land.xlsx', label: { zh: '自然资源和规划局', en: 'Natural resources and planning bureau' }, format: { kind: 'xlsx', sheet: '不动产登记' } },
  // the grid's marketing system exports CSV as Excel on Chinese Windows saves it
  { id: 'power', file: 'power.csv', label: { zh: '供电公司', en: 'Power grid' }, format: { kind: 'csv', csv: { encoding: 'gbk', eol: '\r\n' } } },
  { id: 'tax', file: 'tax.xlsx', label: { zh: '税务局', en: 'Tax bureau' }, format: { kind: 'xlsx', sheet: '实缴税金' } },
  { id: 'stats', file: 'stats.csv', label: { zh: '统计局', en: 'Statistics bureau' }, format: { kind: 'csv', csv: { bom: true, eol: '\r\n' } } },
  { id: 'environment', file: 'environment.csv', label: { zh: '生态环境局', en: 'Ecology and environment bureau' }, format: { kind: 'csv', csv: {} } },
  { id: 'safety', file: 'safety.csv', label: { zh: '应急管理局', en: 'Emergency management bureau' }, format: { kind: 'csv', csv: { encoding: 'gbk', eol: '\r\n' } } },
  { id: 'hightech', file: 'hightech.csv', label: { zh: '科技局', en: 'Science and technology bureau' }, format: { kind: 'csv', csv: { bom: true, eol: '\r\n' } } },
];

type Cell = string | number;
type Header = { name: string; type: 'text' | 'number' };

/** Rows (sorted by `order`) turned into columns. */
function table(headers: Header[], rows: Cell[][], order: (a: Cell[], b: Cell[]) => number): OutputColumn[] {
  rows.sort(order);
  return headers.map((h, j) =>
    h.type === 'text'
      ? { name: h.name, type: 'text', values: rows.map((r) => r[j] as string) }
      : { name: h.name, type: 'number', values: Float64Array.from(rows, (r) => r[j] as number) },
  );
}

const text = (name: string): Header => ({ name, type: 'text' });
const number = (name: string): Header => ({ name, type: 'number' });
const cmp = (a: Cell, b: Cell) => (a < b ? -1 : a > b ? 1 : 0);
const by = (...cols: number[]) => (a: Cell[], b: Cell[]) => {
  for (const j of cols) {
    const c = cmp(a[j], b[j]);
    if (c) return c;
  }
  return 0;
};

/** `total` (2 decimals) split over `weights` in whole hundredths: the parts add up to it. */
export function splitHundredths(total: number, weights: readonly number[]): number[] {
  const cents = Math.round(total * 100);
  const sum = weights.reduce((a, w) => a + w, 0);
  const parts: number[] = [];
  let given = 0;
  for (let j = 0; j < weights.length - 1; j++) {
    const c = Math.floor((cents * weights[j]) / sum);
    parts.push(c / 100);
    given += c;
  }
  parts.push((cents - given) / 100);
  return parts;
}

/** Every department's table for period `p`, in DEPARTMENTS order. */
export function departmentTables(p: PanelPeriod, h: Holdings): Map<SourceId, OutputColumn[]> {
  const n = p.ids.length;
  const N = p.numbers;
  const T = p.texts;
  const rows = (f: (k: number) => Cell[] | Cell[][] | null, many = false): Cell[][] => {
    const out: Cell[][] = [];
    for (let k = 0; k < n; k++) {
      const r = f(k);
      if (r === null) continue;
      if (many) out.push(...(r as Cell[][]));
      else out.push(r as Cell[]);
    }
    return out;
  };
  const out = new Map<SourceId, OutputColumn[]>();

  out.set(
    'participants',
    numbered(
      table(
        [text(KEY), text('企业名称'), text('所在园区'), text('行业代码'), text('行业名称'), text('规模'), number('投产年限(年)')],
        rows((k) => [p.ids[k], p.names[k], T.park[k], T.industry[k], T.industry_name[k], T.size[k], N.years_in_production[k]]),
        by(2, 3, 0),
      ),
    ),
  );

  const { shared } = h;
  out.set(
    'land',
    table(
      [text('不动产权证号'), text('权利人'), text(KEY), text('坐落'), number('用地面积(亩)'), text('供地日期'), number('分摊比例')],
      rows((k) => {
        const id = p.ids[k];
        const certs = h.certificates.get(id)!;
        const s = shared.codes.indexOf(id);
        const own = s < 0 ? N.land_mu[k] : (Math.round(N.land_mu[k] * 100) - Math.round(shared.area * shared.shares[s] * 100)) / 100;
        const parts = splitHundredths(own, certs.map((c) => c.weight));
        const r: Cell[][] = certs.map((c, j) => [c.number, p.names[k], id, c.site, parts[j], c.date, 1]);
        if (s >= 0) {
          const c = shared.certificate;
          r.push([c.number, p.names[k], id, c.site, shared.area, c.date, shared.shares[s]]);
        }
        return r;
      }, true),
      by(0, 2),
    ),
  );

  out.set(
    'power',
    table(
      [text('电表户号'), text('户名'), text(KEY), text('用电类别'), number('用电量(万千瓦时)')],
      rows((k) => {
        const meters = h.meters.get(p.ids[k])!;
        const use = N.electricity[k];
        // 315 kVA and more of transformer capacity is billed as large industry: here, the heavier users
        const kind = T.park[k] === PARKS[1] && use >= 100 ? '大工业用电' : '一般工商业用电';
        // a meter read but not delivered: one row with the reading blank
        if (use !== use) return [[meters[0].number, p.names[k], p.ids[k], kind, NaN]];
        const parts = splitHundredths(use, meters.map((m) => m.weight));
        return meters.map((m, j) => [m.number, p.names[k], p.ids[k], kind, parts[j]]);
      }, true),
      by(0),
    ),
  );

  out.set(
    'tax',
    table(
      [text(KEY), text('纳税人名称'), number('实缴税金(万元)')],
      rows((k) => [p.ids[k], p.names[k], N.tax[k]]),
      (a, b) => (b[2] as number) - (a[2] as number) || cmp(a[0], b[0]),
    ),
  );

  out.set(
    'stats',
    table(
      [text(KEY), text('单位详细名称'), number('工业增加值(万元)'), number('主营业务收入(万元)'), number('从业人员(人)'), number('R&D经费(万元)'), number('有效发明专利(件)'), number('固定资产投资(万元)')],
      rows((k) => [p.ids[k], p.names[k], N.value_added[k], N.revenue[k], N.employees[k], N.rd_expense[k], N.invention_patents[k], N.fixed_investment[k]]),
      by(0),
    ),
  );

  out.set(
    'environment',
    table(
      [text(KEY), text('单位名称'), number('综合能耗(吨标准煤)'), number('用水量(万吨)'), number('主要污染物排放(吨)'), number('环境违法(次)')],
      rows((k) => [p.ids[k], p.names[k], N.energy_tce[k], N.water[k], N.emissions[k], N.env_violations[k]]),
      by(1),
    ),
  );

  out.set(
    'safety',
    table(
      [text(KEY), text('单位名称'), number('安全事故(起)'), number('重大安全事故')],
      rows((k) => [p.ids[k], p.names[k], N.safety_incidents[k], N.major_accident[k]]),
      by(0),
    ),
  );

  out.set(
    'hightech',
    table(
      [text(KEY), text('企业名称'), text('证书编号'), text('发证日期')],
      rows((k) => {
        if (N.high_tech[k] !== 1) return [];
        const certs = h.highTech.get(p.ids[k])!.filter((c) => c.year <= p.period);
        // in a year of renewal the list holds the expiring certificate and the new one
        const listed = certs.at(-1)!.year === p.period && certs.length > 1 ? certs.slice(-2) : certs.slice(-1);
        return listed.map((c) => [p.ids[k], p.names[k], c.number, c.date]);
      }, true),
      by(2),
    ),
  );
  return out;
}

/** The participant list with a 序号 column first, as such lists are printed. */
function numbered(columns: OutputColumn[]): OutputColumn[] {
  const n = columns[0].values.length;
  return [{ name: '序号', type: 'number', values: Float64Array.from({ length: n }, (_, i) => i + 1) }, ...columns];
}
