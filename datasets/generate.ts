/**
 * Synthetic enterprise panels for parkscore: the committed demo (datasets/demo) and arbitrarily
 * large benchmark data.
 *
 * The enterprises are those admitted to the two parks built on the land of Wu'an's retired steel
 * mills (seed document, sections 二 and 七(四)): 东山创意产业园区 (creative industries, services,
 * health, culture, IT) and 广耀创新产业园区 (intelligent equipment, robots, electric vehicles,
 * energy saving & environmental protection, bio-pharma, high-tech). Every figure is synthetic.
 *
 * Everything is driven by a seeded PRNG (xoshiro128**, implemented here), so the same options always
 * give the same values and the writers always give the same bytes. The panel is columnar
 * (Float64Array per numeric column, NaN = missing; string[] per text column) — no row objects — so
 * that the benchmark's million enterprises generate in seconds.
 *
 * CLI:
 *   npx tsx datasets/generate.ts --enterprises N --periods P [--seed S] [--first-period 2019]
 *                                [--missing-rate 0.02] [--format csv|arrow|xlsx] [--encoding utf-8|gbk]
 *                                [--bom] [--crlf] [--headers zh|en] --out DIR
 *   npx tsx datasets/generate.ts --demo        (re)writes datasets/demo/source/
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Float64, Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import { splitmix32, Xoshiro128 } from '../engine/random.js';

// ────────────────────────────────────────────────────────────────────────────────────────────────
// PRNG
// ────────────────────────────────────────────────────────────────────────────────────────────────

/** xoshiro128** (engine/random.ts) seeded from (seed, stream): `stream` selects an independent sequence for the same seed (values vs. missing masks). */
export class Rng extends Xoshiro128 {
  private spare = NaN;

  constructor(seed: number, stream = 0) {
    super(splitmix32((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x7feb352d)) >>> 0));
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller, the second value kept for the next call). */
  normal(): number {
    if (this.spare === this.spare) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    let u = this.next();
    while (u === 0) u = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    const th = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(th);
    return r * Math.cos(th);
  }

  /** Poisson(λ): Knuth's product method for small λ, a rounded normal above 30. */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const L = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > L) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

// ────────────────────────────────────────────────────────────────────────────────────────────────
// Domain tables
// ────────────────────────────────────────────────────────────────────────────────────────────────

export const PARKS = ['东山创意产业园区', '广耀创新产业园区'] as const;
export type ParkName = (typeof PARKS)[number];

/**
 * GB/T 4754-2017 divisions admitted to each park, with the medians the generator draws around.
 * Magnitudes are calibrated so that the pooled period means land near Huangyan 2022's benchmarks
 * (docs/methods.md §1: 亩均税收 ≈ 24 万元/亩, 亩均增加值 ≈ 136 万元/亩, 单位能耗增加值 ≈ 2.7 万元/tce for industry,
 * 全员劳动生产率 ≈ 18 万元/人, R&D ≈ 3 %). They are plausible, not statistics of real firms.
 */
export interface IndustrySpec {
  code: string;
  name: string;
  /** 0 = 东山创意产业园区, 1 = 广耀创新产业园区 */
  park: 0 | 1;
  /** relative frequency within the park */
  weight: number;
  /** words used in enterprise names */
  words: readonly string[];
  /** median land area, 亩 */
  land: number;
  /** median revenue per 亩 at full production, 万元/亩 */
  revPerMu: number;
  /** median value added / revenue */
  vaRate: number;
  /** median tax / revenue */
  taxRate: number;
  /** median R&D / revenue among firms doing R&D */
  rd: number;
  /** share of firms with no R&D at all */
  rdZero: number;
  /** median value added per tonne of standard coal, 万元/tce */
  ep: number;
  /** median value added per tonne of main pollutants, 万元/t */
  epm: number;
  /** water: 万吨 per tce (manufacturing) or per employee (services) */
  water: number;
  /** median value added per employee, 万元/人 */
  lp: number;
}

export const INDUSTRIES: readonly IndustrySpec[] = [
  // 东山创意产业园区: city complex, health & elderly care, culture & creative, new-generation IT
  { code: '52', name: '零售业', park: 0, weight: 0.05, words: ['商贸', '百货', '购物中心'], land: 15, revPerMu: 900, vaRate: 0.12, taxRate: 0.025, rd: 0.005, rdZero: 0.8, ep: 9, epm: 25000, water: 0.004, lp: 10 },
  { code: '64', name: '互联网和相关服务', park: 0, weight: 0.13, words: ['网络科技', '互联网科技', '电子商务'], land: 10, revPerMu: 400, vaRate: 0.38, taxRate: 0.06, rd: 0.05, rdZero: 0.1, ep: 14, epm: 40000, water: 0.003, lp: 20 },
  { code: '65', name: '软件和信息技术服务业', park: 0, weight: 0.17, words: ['软件', '信息技术', '数据科技', '云计算科技'], land: 10, revPerMu: 360, vaRate: 0.45, taxRate: 0.065, rd: 0.08, rdZero: 0.08, ep: 15, epm: 40000, water: 0.003, lp: 22 },
  { code: '72', name: '商务服务业', park: 0, weight: 0.12, words: ['企业管理咨询', '广告', '会展服务', '商务咨询'], land: 11, revPerMu: 400, vaRate: 0.4, taxRate: 0.06, rd: 0.01, rdZero: 0.6, ep: 12, epm: 30000, water: 0.003, lp: 16 },
  { code: '73', name: '研究和试验发展', park: 0, weight: 0.05, words: ['技术研究院', '新材料研究院', '生物技术研究院'], land: 10, revPerMu: 260, vaRate: 0.5, taxRate: 0.05, rd: 0.15, rdZero: 0.02, ep: 10, epm: 20000, water: 0.004, lp: 18 },
  { code: '74', name: '专业技术服务业', park: 0, weight: 0.09, words: ['工业设计', '服装设计', '检测技术', '工程设计'], land: 11, revPerMu: 380, vaRate: 0.45, taxRate: 0.06, rd: 0.04, rdZero: 0.3, ep: 12, epm: 30000, water: 0.003, lp: 17 },
  { code: '75', name: '科技推广和应用服务业', park: 0, weight: 0.07, words: ['科技服务', '技术服务', '科技孵化'], land: 11, revPerMu: 300, vaRate: 0.45, taxRate: 0.055, rd: 0.05, rdZero: 0.2, ep: 12, epm: 30000, water: 0.003, lp: 15 },
  { code: '83', name: '教育', park: 0, weight: 0.05, words: ['职业培训学校', '教育科技'], land: 20, revPerMu: 150, vaRate: 0.5, taxRate: 0.03, rd: 0.01, rdZero: 0.6, ep: 8, epm: 20000, water: 0.005, lp: 8 },
  { code: '84', name: '卫生', park: 0, weight: 0.09, words: ['医院', '康复医院', '医疗健康'], land: 25, revPerMu: 300, vaRate: 0.45, taxRate: 0.03, rd: 0.01, rdZero: 0.4, ep: 6, epm: 8000, water: 0.008, lp: 12 },
  { code: '85', name: '社会工作', park: 0, weight: 0.06, words: ['养老服务', '康养服务', '颐养中心'], land: 30, revPerMu: 120, vaRate: 0.45, taxRate: 0.02, rd: 0.005, rdZero: 0.8, ep: 6, epm: 15000, water: 0.008, lp: 6 },
  { code: '87', name: '广播、电视、电影和录音制作业', park: 0, weight: 0.07, words: ['影视传媒', '文化传媒', '数字传媒'], land: 10, revPerMu: 400, vaRate: 0.42, taxRate: 0.06, rd: 0.02, rdZero: 0.4, ep: 15, epm: 40000, water: 0.003, lp: 18 },
  { code: '88', name: '文化艺术业', park: 0, weight: 0.05, words: ['文化艺术', '文化创意', '动漫'], land: 10, revPerMu: 250, vaRate: 0.45, taxRate: 0.05, rd: 0.02, rdZero: 0.5, ep: 15, epm: 40000, water: 0.003, lp: 12 },
  // 广耀创新产业园区: intelligent equipment & robots, EV chain, energy saving & environment, bio-pharma, high-tech
  { code: '26', name: '化学原料和化学制品制造业', park: 1, weight: 0.04, words: ['新材料科技', '环保材料', '化工科技'], land: 40, revPerMu: 380, vaRate: 0.22, taxRate: 0.045, rd: 0.02, rdZero: 0.15, ep: 1.2, epm: 900, water: 0.008, lp: 22 },
  { code: '27', name: '医药制造业', park: 1, weight: 0.09, words: ['制药', '药业', '生物医药', '生物制药'], land: 45, revPerMu: 420, vaRate: 0.32, taxRate: 0.06, rd: 0.035, rdZero: 0.05, ep: 3, epm: 2500, water: 0.012, lp: 20 },
  { code: '30', name: '非金属矿物制品业', park: 1, weight: 0.08, words: ['新型建材', '环保建材', '保温材料', '建材科技'], land: 45, revPerMu: 260, vaRate: 0.22, taxRate: 0.04, rd: 0.012, rdZero: 0.25, ep: 0.7, epm: 600, water: 0.004, lp: 15 },
  { code: '33', name: '金属制品业', park: 1, weight: 0.11, words: ['金属制品', '精密结构件', '五金制品'], land: 30, revPerMu: 320, vaRate: 0.22, taxRate: 0.04, rd: 0.015, rdZero: 0.2, ep: 2, epm: 2500, water: 0.003, lp: 14 },
  { code: '34', name: '通用设备制造业', park: 1, weight: 0.16, words: ['机械', '智能装备', '精密机械', '机器人'], land: 35, revPerMu: 360, vaRate: 0.25, taxRate: 0.045, rd: 0.025, rdZero: 0.1, ep: 3.5, epm: 6000, water: 0.002, lp: 16 },
  { code: '35', name: '专用设备制造业', park: 1, weight: 0.13, words: ['重工机械', '环保设备', '医疗器械', '专用设备'], land: 35, revPerMu: 360, vaRate: 0.26, taxRate: 0.045, rd: 0.028, rdZero: 0.1, ep: 3.5, epm: 6000, water: 0.002, lp: 17 },
  { code: '36', name: '汽车制造业', park: 1, weight: 0.1, words: ['新能源汽车', '汽车零部件', '专用汽车'], land: 60, revPerMu: 480, vaRate: 0.2, taxRate: 0.04, rd: 0.025, rdZero: 0.1, ep: 3.2, epm: 5000, water: 0.002, lp: 18 },
  { code: '38', name: '电气机械和器材制造业', park: 1, weight: 0.12, words: ['电气', '新能源科技', '电池', '电机', '充电设备'], land: 35, revPerMu: 420, vaRate: 0.22, taxRate: 0.045, rd: 0.03, rdZero: 0.1, ep: 3.8, epm: 7000, water: 0.002, lp: 17 },
  { code: '39', name: '计算机、通信和其他电子设备制造业', park: 1, weight: 0.09, words: ['电子科技', '智能终端', '通信设备', '光电科技'], land: 25, revPerMu: 500, vaRate: 0.22, taxRate: 0.045, rd: 0.04, rdZero: 0.08, ep: 4, epm: 8000, water: 0.003, lp: 15 },
  { code: '40', name: '仪器仪表制造业', park: 1, weight: 0.04, words: ['仪器仪表', '检测仪器', '智能仪表'], land: 15, revPerMu: 400, vaRate: 0.3, taxRate: 0.05, rd: 0.04, rdZero: 0.08, ep: 5, epm: 9000, water: 0.002, lp: 18 },
  { code: '42', name: '废弃资源综合利用业', park: 1, weight: 0.04, words: ['再生资源', '资源综合利用', '环保科技'], land: 40, revPerMu: 220, vaRate: 0.2, taxRate: 0.035, rd: 0.012, rdZero: 0.25, ep: 0.8, epm: 700, water: 0.004, lp: 16 },
];

/** Characters for 2–3 character brand names (all GBK-encodable). */
const BRAND_CHARS = Array.from(
  new Set(
    '华瑞鑫宏源泰恒达盛嘉博创新安康德润祥聚联信诚通远科宇航腾飞凯拓晟昊昌隆兴丰益佳和美金银东方北冀赵峰山海天星辰光明启智睿思慧锐卓越正汇合众邦立成建广亿万汉唐久长永顺福尚品优沃铭晨阳云澜悦朗帆骏驰迈捷迅力强诺维蓝青松柏林森川舜禹翔鹏鸿耀晖煜灿旭曦钧铎锦绣霖沐泽洲瀚浩淼勤业精工',
  ),
);
const COMPANY_FORMS = ['有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'];

// ────────────────────────────────────────────────────────────────────────────────────────────────
// Columns
// ────────────────────────────────────────────────────────────────────────────────────────────────

export type ColumnKind = 'id' | 'name' | 'text' | 'number';

export interface ColumnSpec {
  /** the key in PanelPeriod (ids / names / texts / numbers) and the English header */
  key: string;
  /** the Chinese header written to files */
  zh: string;
  en: string;
  unit?: string;
  kind: ColumnKind;
  /** decimals kept for numbers (0 = integer) */
  decimals?: number;
}

/** Every column the generator writes, in file order. */
export const COLUMNS: readonly ColumnSpec[] = [
  { key: 'code', zh: '企业代码', en: 'unified social credit code', kind: 'id' },
  { key: 'name', zh: '企业名称', en: 'enterprise name', kind: 'name' },
  { key: 'park', zh: '所属园区', en: 'park', kind: 'text' },
  { key: 'industry', zh: '行业代码', en: 'GB/T 4754-2017 division', kind: 'text' },
  { key: 'industry_name', zh: '行业名称', en: 'industry name', kind: 'text' },
  { key: 'land_mu', zh: '用地面积(亩)', en: 'land area', unit: '亩', kind: 'number', decimals: 2 },
  { key: 'fixed_investment', zh: '固定资产投资(万元)', en: 'fixed-asset investment (cumulative)', unit: '万元', kind: 'number', decimals: 2 },
  { key: 'revenue', zh: '营业收入(万元)', en: 'operating revenue', unit: '万元', kind: 'number', decimals: 2 },
  { key: 'tax', zh: '税收(万元)', en: 'taxes paid', unit: '万元', kind: 'number', decimals: 2 },
  { key: 'value_added', zh: '工业增加值(万元)', en: 'value added', unit: '万元', kind: 'number', decimals: 2 },
  { key: 'employees', zh: '从业人员(人)', en: 'employees', unit: '人', kind: 'number', decimals: 0 },
  { key: 'rd_expense', zh: '研发经费(万元)', en: 'R&D expenditure', unit: '万元', kind: 'number', decimals: 2 },
  { key: 'invention_patents', zh: '有效发明专利(件)', en: 'valid invention patents', unit: '件', kind: 'number', decimals: 0 },
  { key: 'high_tech', zh: '高新技术企业', en: 'high-tech enterprise (0/1)', kind: 'number', decimals: 0 },
  { key: 'energy_tce', zh: '综合能耗(吨标准煤)', en: 'total energy use', unit: '吨标准煤', kind: 'number', decimals: 2 },
  { key: 'electricity', zh: '用电量(万千瓦时)', en: 'electricity use', unit: '万千瓦时', kind: 'number', decimals: 2 },
  { key: 'water', zh: '用水量(万吨)', en: 'water use', unit: '万吨', kind: 'number', decimals: 3 },
  { key: 'emissions', zh: '主要污染物排放(吨)', en: 'main pollutants (COD+SO2+NH3-N+NOx)', unit: '吨', kind: 'number', decimals: 3 },
  { key: 'safety_incidents', zh: '安全事故(起)', en: 'safety incidents', unit: '起', kind: 'number', decimals: 0 },
  { key: 'major_accident', zh: '重大安全事故', en: 'major safety accident (0/1)', kind: 'number', decimals: 0 },
  { key: 'env_violations', zh: '环境违法(次)', en: 'environmental violations', unit: '次', kind: 'number', decimals: 0 },
  { key: 'years_in_production', zh: '投产年限(年)', en: 'years in production', unit: '年', kind: 'number', decimals: 0 },
];

const NUMBER_COLUMNS = COLUMNS.filter((c) => c.kind === 'number');

// ────────────────────────────────────────────────────────────────────────────────────────────────
// The panel
// ────────────────────────────────────────────────────────────────────────────────────────────────

/** One period of the panel, columnar. Missing numbers are NaN; text is never missing. */
export interface PanelPeriod {
  period: number;
  /** enterprise codes (unified social credit code style), unique */
  ids: string[];
  /** enterprise names, unique */
  names: string[];
  /** park, industry (2-digit code), industry_name */
  texts: Record<string, string[]>;
  /** the numeric columns of COLUMNS, keyed by `key` */
  numbers: Record<string, Float64Array>;
}

export interface GenerateOptions {
  /** enterprises present in the first period (later periods add entries and lose exits) */
  enterprises: number;
  periods: number;
  /** the first (annual) period, default 2019 */
  firstPeriod?: number;
  /** PRNG seed, default 1 */
  seed?: number;
  /** base probability of a blank cell (emissions are left blank more often), default 0.02 */
  missingRate?: number;
}

/** Share of the first period's count admitted in each later period (×0.7–1.3). */
const ENTRY_RATE = 0.065;
/** Columns that may be left blank, with their missing rate relative to `missingRate`. */
const MISSING_FACTORS: ReadonlyArray<[string, number]> = [
  ['emissions', 3],
  ['water', 1],
  ['electricity', 0.5],
  ['rd_expense', 0.5],
  ['invention_patents', 0.5],
  ['energy_tce', 0.25],
];

/** Calendar-year shocks to output (2020 and 2022 pandemic years, 2021 rebound). */
function macro(year: number): number {
  switch (year) {
    case 2020:
      return 0.93;
    case 2021:
      return 1.03;
    case 2022:
      return 0.97;
    default:
      return 1;
  }
}

/** Production ramp-up by years in production (a new plant starts small). */
function ramp(age: number): number {
  if (age <= 0) return 0.25;
  if (age === 1) return 0.55;
  if (age === 2) return 0.8;
  if (age === 3) return 0.93;
  return 1;
}

const FLAG_HIGHTECH = 1;
const FLAG_CHRONIC = 2;
const FLAG_DECLINER = 4;
const FLAG_VETOED = 8;

/** Latent, per-enterprise state of the whole universe (initial enterprises + all entrants). */
class Universe {
  n = 0;
  readonly ind: Uint8Array;
  readonly land: Float64Array;
  readonly revPerMu: Float32Array;
  readonly vaRate: Float32Array;
  readonly taxRate: Float32Array;
  readonly rdInt: Float32Array;
  readonly ep: Float32Array;
  readonly epm: Float32Array;
  readonly elecShare: Float32Array;
  readonly water: Float32Array;
  readonly lp: Float32Array;
  readonly growth: Float32Array;
  readonly invest: Float64Array;
  readonly level: Float64Array;
  readonly patents: Float64Array;
  readonly age: Int16Array;
  readonly flags: Uint8Array;
  readonly alive: Uint8Array;
  readonly codes: string[] = [];
  readonly names: string[] = [];

  constructor(readonly capacity: number) {
    this.ind = new Uint8Array(capacity);
    this.land = new Float64Array(capacity);
    this.revPerMu = new Float32Array(capacity);
    this.vaRate = new Float32Array(capacity);
    this.taxRate = new Float32Array(capacity);
    this.rdInt = new Float32Array(capacity);
    this.ep = new Float32Array(capacity);
    this.epm = new Float32Array(capacity);
    this.elecShare = new Float32Array(capacity);
    this.water = new Float32Array(capacity);
    this.lp = new Float32Array(capacity);
    this.growth = new Float32Array(capacity);
    this.invest = new Float64Array(capacity);
    this.level = new Float64Array(capacity);
    this.patents = new Float64Array(capacity);
    this.age = new Int16Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.alive = new Uint8Array(capacity);
  }
}

/** Cumulative park / industry tables for weighted picks. */
const PARK_INDUSTRIES: [IndustrySpec[], IndustrySpec[]] = [
  INDUSTRIES.filter((s) => s.park === 0),
  INDUSTRIES.filter((s) => s.park === 1),
];
const PARK_CUM: [number[], number[]] = [cumulative(PARK_INDUSTRIES[0]), cumulative(PARK_INDUSTRIES[1])];
const IND_INDEX = new Map(INDUSTRIES.map((s, i) => [s, i] as const));
/** Share of enterprises in the creative park. */
const CREATIVE_SHARE = 0.42;

function cumulative(specs: IndustrySpec[]): number[] {
  const total = specs.reduce((s, x) => s + x.weight, 0);
  let acc = 0;
  return specs.map((x) => (acc += x.weight / total));
}

function pickIndustry(rng: Rng): number {
  const park = rng.next() < CREATIVE_SHARE ? 0 : 1;
  const cum = PARK_CUM[park];
  const u = rng.next();
  let k = 0;
  while (k < cum.length - 1 && u >= cum[k]) k++;
  return IND_INDEX.get(PARK_INDUSTRIES[park][k])!;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

// ── codes: 统一社会信用代码 (GB 32100-2015) ────────────────────────────────────────────────────────

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** character code → value in USCC_CHARS */
const USCC_VALUE = new Int8Array(128).fill(-1);
for (let k = 0; k < USCC_CHARS.length; k++) USCC_VALUE[USCC_CHARS.charCodeAt(k)] = k;
/** 31^5 distinct organisation-code bodies after the "MA0" prefix. */
const CODE_SPACE = 31 ** 5;

/** GB 11714 organisation-code check value over 8 character codes (digits as is, A–Z = 10–35). */
function orgCheck(cc: number[]): number {
  let s = 0;
  for (let k = 0; k < 8; k++) {
    const ch = cc[8 + k];
    s += (ch <= 57 ? ch - 48 : ch - 55) * ORG_WEIGHTS[k];
  }
  const c = 11 - (s % 11);
  return c === 10 ? 88 /* X */ : c === 11 ? 48 : 48 + c;
}

/** GB 32100 check character code over the first 17 character codes. */
function usccCheck(cc: number[]): number {
  let s = 0;
  for (let k = 0; k < 17; k++) s += USCC_VALUE[cc[k]] * USCC_WEIGHTS[k];
  const c = 31 - (s % 31);
  return USCC_CHARS.charCodeAt(c === 31 ? 0 : c);
}

/** Whether an 18-character code carries valid GB 11714 and GB 32100 check characters. */
export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const cc = Array.from(code, (ch) => ch.charCodeAt(0));
  return cc[16] === orgCheck(cc) && cc[17] === usccCheck(cc);
}

/** 9 1 130481 (Wu'an) — registration authority, entity type, administrative division. */
const CODE_PREFIX = Array.from('91130481MA0', (ch) => ch.charCodeAt(0));
const codeChars: number[] = new Array<number>(18).fill(0);

/** A unique code for universe index i: 91130481 + MA0xxxxx + org-code check + USCC check. */
function makeCode(i: number, mult: number, add: number): string {
  const cc = codeChars;
  for (let k = 0; k < 11; k++) cc[k] = CODE_PREFIX[k];
  let p = (mult * i + add) % CODE_SPACE;
  for (let k = 15; k >= 11; k--) {
    cc[k] = USCC_CHARS.charCodeAt(p % 31);
    p = Math.floor(p / 31);
  }
  cc[16] = orgCheck(cc);
  cc[17] = usccCheck(cc);
  return String.fromCharCode.apply(null, cc);
}

// ── generation ─────────────────────────────────────────────────────────────────────────────────

interface GenState {
  u: Universe;
  rng: Rng;
  miss: Rng;
  /** names drawn so far (small panels); null in big panels, where names come from a bijection */
  nameSet: Set<string> | null;
  brandLen: number;
  brandSpace: number;
  brandMult: number;
  brandAdd: number;
  codeMult: number;
  codeAdd: number;
}

function companyForm(rng: Rng, word: string): string {
  return word.endsWith('学校') ? '' : COMPANY_FORMS[rng.int(COMPANY_FORMS.length)];
}

function newName(st: GenState, spec: IndustrySpec, i: number): string {
  const { rng, nameSet } = st;
  if (!nameSet) {
    // big panels: the brand is a bijection of the universe index, so names are unique by construction
    let p = (st.brandMult * i + st.brandAdd) % st.brandSpace;
    let brand = '';
    for (let k = 0; k < st.brandLen; k++) {
      brand += BRAND_CHARS[p % BRAND_CHARS.length];
      p = Math.floor(p / BRAND_CHARS.length);
    }
    const w = spec.words[rng.int(spec.words.length)];
    return `武安市${brand}${w}${companyForm(rng, w)}`;
  }
  for (let attempt = 0; ; attempt++) {
    // two-character brands are the most common; a collision retries with three characters
    const len = attempt === 0 && rng.next() < 0.62 ? 2 : 3;
    let brand = '';
    let prev = -1;
    for (let k = 0; k < len; k++) {
      let c = rng.int(BRAND_CHARS.length);
      if (c === prev) c = (c + 1) % BRAND_CHARS.length;
      brand += BRAND_CHARS[c];
      prev = c;
    }
    const w = spec.words[rng.int(spec.words.length)];
    const name = `武安市${brand}${w}${companyForm(rng, w)}`;
    if (!nameSet.has(name)) {
      nameSet.add(name);
      return name;
    }
  }
}

/** Draws a new enterprise into the universe. `entrant`: admitted after the first period. */
function addEnterprise(st: GenState, entrant: boolean): void {
  const { u, rng } = st;
  const i = u.n++;
  const ix = pickIndustry(rng);
  const spec = INDUSTRIES[ix];
  const mfg = spec.park === 1;
  u.ind[i] = ix;
  // productivity latent shared by several figures → positively correlated indicators
  const z = rng.normal();
  // land: log-normal, a few tiny plots (< 3 亩)
  const tiny = rng.chance(mfg ? 0.01 : 0.025);
  const land = tiny ? rng.uniform(0.8, 2.95) : spec.land * (entrant ? 0.8 : 1) * Math.exp(0.6 * rng.normal());
  u.land[i] = Math.max(0.5, land);
  u.revPerMu[i] = spec.revPerMu * Math.exp(0.65 * z + 0.35 * rng.normal());
  u.vaRate[i] = clamp(spec.vaRate * Math.exp(0.12 * z + 0.15 * rng.normal()), 0.04, 0.8);
  u.taxRate[i] = clamp(spec.taxRate * Math.exp(0.15 * z + 0.3 * rng.normal()), 0.003, 0.2);
  const rdZero = rng.chance(spec.rdZero);
  const rd = rdZero ? 0 : clamp(spec.rd * Math.exp(0.25 * z + 0.55 * rng.normal()), 0.001, 0.45);
  u.rdInt[i] = rd;
  u.ep[i] = spec.ep * Math.exp(0.25 * z + 0.5 * rng.normal());
  u.epm[i] = spec.epm * Math.exp(0.2 * z + 0.7 * rng.normal());
  u.elecShare[i] = mfg ? rng.uniform(0.45, 0.9) : rng.uniform(0.75, 0.97);
  u.water[i] = spec.water * Math.exp(0.5 * rng.normal());
  u.lp[i] = spec.lp * Math.exp(0.3 * z + 0.3 * rng.normal());
  const decliner = rng.chance(0.12);
  u.growth[i] = decliner ? -0.08 + 0.05 * rng.normal() : 0.05 + 0.06 * rng.normal();
  const intensity = (mfg ? 320 : 220) * Math.exp(0.45 * rng.normal()); // 万元/亩, 投资强度
  u.invest[i] = u.land[i] * intensity;
  u.level[i] = 1;
  // years in production: relocated firms bring their history, new plants start at 0
  const young = entrant ? rng.chance(0.75) : rng.chance(0.22);
  const age = young ? rng.int(2) : 2 + Math.min(30, Math.floor(-6 * Math.log(1 - rng.next())));
  u.age[i] = age;
  let flags = 0;
  if (rd >= 0.03 ? rng.chance(0.7) : rd >= 0.015 ? rng.chance(0.15) : false) flags |= FLAG_HIGHTECH;
  if (rng.chance(mfg ? 0.05 : 0.008)) flags |= FLAG_CHRONIC;
  if (decliner) flags |= FLAG_DECLINER;
  u.flags[i] = flags;
  // invention patents already held
  u.patents[i] = rng.poisson(rd > 0 ? (1 + (flags & FLAG_HIGHTECH ? 3 : 0)) * Math.min(age, 6) * rng.uniform(0.2, 1) : 0);
  u.alive[i] = 1;
  u.codes.push(makeCode(i, st.codeMult, st.codeAdd));
  u.names.push(newName(st, spec, i));
}

/** One period's values for the enterprises alive now; advances the latent state. */
function emitPeriod(st: GenState, year: number, missingRate: number): PanelPeriod {
  const { u, rng, miss } = st;
  let m = 0;
  for (let i = 0; i < u.n; i++) m += u.alive[i];
  const idx = new Int32Array(m);
  for (let i = 0, k = 0; i < u.n; i++) if (u.alive[i]) idx[k++] = i;

  const num: Record<string, Float64Array> = {};
  for (const c of NUMBER_COLUMNS) num[c.key] = new Float64Array(m);
  const ids = new Array<string>(m);
  const names = new Array<string>(m);
  const park = new Array<string>(m);
  const industry = new Array<string>(m);
  const industryName = new Array<string>(m);
  const mac = macro(year);

  const cLand = num.land_mu, cInv = num.fixed_investment, cRev = num.revenue, cTax = num.tax;
  const cVa = num.value_added, cEmp = num.employees, cRd = num.rd_expense, cPat = num.invention_patents;
  const cHt = num.high_tech, cEn = num.energy_tce, cEl = num.electricity, cWa = num.water;
  const cEm = num.emissions, cSi = num.safety_incidents, cMa = num.major_accident, cEv = num.env_violations;
  const cYr = num.years_in_production;

  for (let k = 0; k < m; k++) {
    const i = idx[k];
    const spec = INDUSTRIES[u.ind[i]];
    const mfg = spec.park === 1;
    const age = u.age[i];
    const flags = u.flags[i];
    ids[k] = u.codes[i];
    names[k] = u.names[i];
    park[k] = PARKS[spec.park];
    industry[k] = spec.code;
    industryName[k] = spec.name;

    const scale = u.level[i] * ramp(age) * mac;
    const land = u.land[i];
    const revenue = Math.max(1, land * u.revPerMu[i] * scale * Math.exp(0.06 * rng.normal()));
    const va = revenue * u.vaRate[i] * Math.exp(0.04 * rng.normal());
    const tax = revenue * u.taxRate[i] * (age <= 1 ? 0.5 : 1) * Math.exp(0.1 * rng.normal());
    const employees = Math.max(3, Math.round((land * u.revPerMu[i] * u.level[i] * Math.max(0.5, ramp(age)) * u.vaRate[i]) / u.lp[i]));
    const rdExp = revenue * u.rdInt[i] * Math.exp(0.1 * rng.normal());
    const energy = (va / u.ep[i]) * Math.exp(0.06 * rng.normal());
    const elec = (energy * u.elecShare[i]) / 1.229; // 1 万kWh = 1.229 tce (当量值)
    const water = mfg ? energy * u.water[i] : employees * u.water[i];
    const emis = (va / u.epm[i]) * Math.exp(0.1 * rng.normal());
    const ht = flags & FLAG_HIGHTECH && age >= 2 ? 1 : 0;

    // safety & environment: rare major accidents and a few chronic violators give the vetoes
    const chronic = (flags & FLAG_CHRONIC) !== 0;
    const major = rng.chance(mfg ? 0.008 : 0.002) ? 1 : 0;
    const incidents = rng.poisson((mfg ? 0.08 : 0.02) * (chronic ? 3 : 1)) + major;
    const violations = rng.poisson(chronic ? 2.3 : mfg ? 0.08 : 0.01);

    cLand[k] = round(land, 2);
    cInv[k] = round(u.invest[i], 2);
    cRev[k] = round(revenue, 2);
    cTax[k] = Math.max(0.01, round(tax, 2));
    cVa[k] = Math.max(0.01, round(va, 2));
    cEmp[k] = employees;
    cRd[k] = round(rdExp, 2);
    cPat[k] = u.patents[i];
    cHt[k] = ht;
    cEn[k] = Math.max(0.01, round(energy, 2));
    cEl[k] = Math.max(0.01, round(elec, 2));
    cWa[k] = Math.max(0.001, round(water, 3));
    cEm[k] = Math.max(0.001, round(emis, 3));
    cSi[k] = incidents;
    cMa[k] = major;
    cEv[k] = violations;
    cYr[k] = age;

    // advance the latent state to the next period
    u.level[i] *= Math.exp(u.growth[i] + 0.05 * rng.normal());
    if (u.growth[i] > 0 && rng.chance(0.3)) u.invest[i] *= 1 + rng.uniform(0.02, 0.15);
    u.patents[i] += rng.poisson(rdExp / (flags & FLAG_HIGHTECH ? 90 : 160));
    u.age[i] = age + 1;
    u.flags[i] = major || violations > 2 ? flags | FLAG_VETOED : flags & ~FLAG_VETOED;
  }

  // blank cells, drawn from their own stream so the values do not depend on missingRate
  if (missingRate > 0) {
    for (const [key, f] of MISSING_FACTORS) {
      const col = num[key];
      const p = missingRate * f;
      for (let k = 0; k < m; k++) if (miss.next() < p) col[k] = NaN;
    }
  }
  return { period: year, ids, names, texts: { park, industry, industry_name: industryName }, numbers: num };
}

function round(x: number, decimals: number): number {
  const f = POW10[decimals];
  return Math.round(x * f) / f;
}
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** Exits at the start of a later period: decliners and last year's vetoed firms leave more often. */
function applyExits(st: GenState): void {
  const { u, rng } = st;
  for (let i = 0; i < u.n; i++) {
    if (!u.alive[i]) continue;
    const f = u.flags[i];
    const p = 0.025 + (f & FLAG_DECLINER ? 0.06 : 0) + (f & FLAG_VETOED ? 0.2 : 0);
    if (rng.next() < p) u.alive[i] = 0;
  }
}

/** Up to this many enterprises, names are drawn at random and checked for uniqueness. */
const SMALL_PANEL = 50000;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Generates the panel period by period (lazily: a big multi-period run can write each period and
 * drop it). Same options → same values.
 */
export function* generatePeriods(opts: GenerateOptions): Generator<PanelPeriod, void, undefined> {
  const n = Math.floor(opts.enterprises);
  const periods = Math.floor(opts.periods);
  if (!(n >= 1)) throw new RangeError('enterprises must be ≥ 1');
  if (!(periods >= 1)) throw new RangeError('periods must be ≥ 1');
  const first = opts.firstPeriod ?? 2019;
  const seed = opts.seed ?? 1;
  const missingRate = opts.missingRate ?? 0.02;
  const maxEntries = Math.ceil(n * ENTRY_RATE * 1.3) + 1;
  const capacity = n + (periods - 1) * maxEntries;
  if (capacity > CODE_SPACE) throw new RangeError(`at most ${CODE_SPACE} enterprises in a panel`);

  const rng = new Rng(seed, 0);
  const codeRng = new Rng(seed, 2);
  let codeMult = 1 + codeRng.int(CODE_SPACE - 1);
  while (codeMult % 31 === 0) codeMult++;
  const brandLen = capacity <= BRAND_CHARS.length ** 3 ? 3 : 4;
  const brandSpace = BRAND_CHARS.length ** brandLen;
  // brandMult × index must stay exact in a double (< 2^53)
  let brandMult = 1 + codeRng.int(Math.min(brandSpace - 1, Math.floor(2 ** 53 / capacity) - 2));
  while (gcd(brandMult, brandSpace) !== 1) brandMult++;
  const st: GenState = {
    u: new Universe(capacity),
    rng,
    miss: new Rng(seed, 1),
    nameSet: capacity <= SMALL_PANEL ? new Set<string>() : null,
    codeMult,
    codeAdd: codeRng.int(CODE_SPACE),
    brandLen,
    brandSpace,
    brandMult,
    brandAdd: codeRng.int(brandSpace),
  };
  for (let i = 0; i < n; i++) addEnterprise(st, false);
  for (let t = 0; t < periods; t++) {
    if (t > 0) {
      applyExits(st);
      const entries = Math.round(n * ENTRY_RATE * (0.7 + 0.6 * rng.next()));
      for (let e = 0; e < entries; e++) addEnterprise(st, true);
    }
    yield emitPeriod(st, first + t, missingRate);
  }
}

/** The whole panel, one columnar frame per period. */
export function generatePanel(opts: GenerateOptions): PanelPeriod[] {
  return Array.from(generatePeriods(opts));
}

// ────────────────────────────────────────────────────────────────────────────────────────────────
// Writers
// ────────────────────────────────────────────────────────────────────────────────────────────────

export type HeaderStyle = 'zh' | 'en';

interface OutColumn {
  header: string;
  kind: ColumnKind;
  decimals?: number;
  text?: string[];
  num?: Float64Array;
}

/** The panel's columns in file order (known columns first, then any extra ones). */
function outColumns(p: PanelPeriod, headers: HeaderStyle): OutColumn[] {
  const out: OutColumn[] = [];
  const seen = new Set<string>();
  for (const c of COLUMNS) {
    const header = headers === 'zh' ? c.zh : c.key;
    if (c.kind === 'id') out.push({ header, kind: 'id', text: p.ids });
    else if (c.kind === 'name') out.push({ header, kind: 'name', text: p.names });
    else if (c.kind === 'text') {
      if (p.texts[c.key]) out.push({ header, kind: 'text', text: p.texts[c.key] });
    } else if (p.numbers[c.key]) out.push({ header, kind: 'number', decimals: c.decimals, num: p.numbers[c.key] });
    seen.add(c.key);
  }
  for (const [k, v] of Object.entries(p.texts)) if (!seen.has(k)) out.push({ header: k, kind: 'text', text: v });
  for (const [k, v] of Object.entries(p.numbers)) if (!seen.has(k)) out.push({ header: k, kind: 'number', num: v });
  return out;
}

/**
 * A number as written to text files: integers and fixed-decimal columns at their precision (the
 * generator already rounds them), other values to 4 significant digits; NaN → '' (a blank cell).
 */
export function formatNumber(x: number, decimals?: number): string {
  if (x !== x) return '';
  if (decimals === undefined) {
    if (Number.isInteger(x)) return String(x);
    return String(Number(x.toPrecision(4)));
  }
  if (decimals === 0) return String(Math.round(x));
  const f = POW10[decimals];
  const v = Math.round(Math.abs(x) * f);
  if (v > 9007199254740991) return String(round(x, decimals));
  // integer arithmetic gives the same text as String(round(x, d)) (shortest round-trip form)
  const int = Math.floor(v / f);
  let frac = v - int * f;
  const sign = x < 0 && v !== 0 ? '-' : '';
  if (frac === 0) return sign + int;
  let d = decimals;
  while (frac % 10 === 0) {
    frac /= 10;
    d--;
  }
  const digits = String(frac);
  return sign + int + '.' + (digits.length < d ? ZEROS.slice(0, d - digits.length) + digits : digits);
}
const ZEROS = '000000';

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvOptions {
  /** write a UTF-8 byte-order mark (as Excel's "CSV UTF-8" does); ignored for GBK */
  bom?: boolean;
  encoding?: 'utf-8' | 'gbk';
  /** line ending, default '\n' */
  eol?: '\n' | '\r\n';
  /** Chinese headers (default) or the English column keys */
  headers?: HeaderStyle;
}

/**
 * Buffered byte output to a file descriptor: cells are encoded straight into a 1 MiB buffer that
 * is flushed with fs.writeSync, so a 1,000,000-row file never exists as one string (and the
 * per-cell work allocates nothing for numbers and ASCII text).
 */
class ByteSink {
  private buf = Buffer.allocUnsafe(1 << 20);
  private pos = 0;
  private readonly cache = new Map<string, Buffer>();

  constructor(
    private readonly fd: number,
    private readonly gbk: boolean,
  ) {}

  flush(): void {
    let off = 0;
    while (off < this.pos) off += fs.writeSync(this.fd, this.buf, off, this.pos - off);
    this.pos = 0;
  }

  private room(n: number): void {
    if (this.pos + n > this.buf.length) {
      this.flush();
      if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
    }
  }

  byte(b: number): void {
    if (this.pos >= this.buf.length) this.flush();
    this.buf[this.pos++] = b;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Text in the sink's encoding. */
  text(s: string): void {
    const n = s.length;
    let ascii = true;
    for (let k = 0; k < n; k++) {
      if (s.charCodeAt(k) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      this.room(n);
      const b = this.buf;
      let p = this.pos;
      for (let k = 0; k < n; k++) b[p++] = s.charCodeAt(k);
      this.pos = p;
    } else if (this.gbk) {
      this.bytes(iconv.encode(s, 'gbk'));
    } else {
      this.room(n * 3);
      this.pos += this.buf.write(s, this.pos, 'utf8');
    }
  }

  /** A CSV field: quoted when it holds a comma, a quote or a line break. */
  field(s: string): void {
    if (needsQuotes(s)) this.text(`"${s.replace(/"/g, '""')}"`);
    else this.text(s);
  }

  /** A field of a column with few distinct values: its encoded bytes are cached. */
  cachedField(s: string): void {
    let enc = this.cache.get(s);
    if (enc === undefined) {
      enc = this.gbk ? iconv.encode(csvField(s), 'gbk') : Buffer.from(csvField(s), 'utf8');
      if (this.cache.size < 4096) this.cache.set(s, enc);
    }
    this.bytes(enc);
  }

  /** A number exactly as formatNumber() writes it, without making a string on the usual path. */
  number(x: number, decimals: number | undefined): void {
    if (x !== x) return;
    if (decimals === undefined || decimals > 6) {
      this.text(formatNumber(x, decimals));
      return;
    }
    const f = POW10[decimals];
    const v = decimals === 0 ? Math.abs(Math.round(x)) : Math.round(Math.abs(x) * f);
    if (v > 9007199254740991) {
      this.text(formatNumber(x, decimals));
      return;
    }
    this.room(40);
    const b = this.buf;
    let p = this.pos;
    if (x < 0 && v !== 0) b[p++] = 45; // '-'
    const int = decimals === 0 ? v : Math.floor(v / f);
    let frac = decimals === 0 ? 0 : v - int * f;
    // integer digits
    if (int === 0) b[p++] = 48;
    else {
      let digits = 0;
      for (let t = int; t >= 1; t = Math.floor(t / 10)) digits++;
      let t = int;
      for (let k = p + digits - 1; k >= p; k--) {
        const q = Math.floor(t / 10);
        b[k] = 48 + (t - q * 10);
        t = q;
      }
      p += digits;
    }
    if (frac !== 0) {
      let d = decimals;
      while (frac % 10 === 0) {
        frac /= 10;
        d--;
      }
      b[p++] = 46; // '.'
      for (let k = p + d - 1; k >= p; k--) {
        const q = Math.floor(frac / 10);
        b[k] = 48 + (frac - q * 10);
        frac = q;
      }
      p += d;
    }
    this.pos = p;
  }
}

function needsQuotes(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 44 || c === 34 || c === 10 || c === 13) return true;
  }
  return false;
}

/** Writes one period as CSV, streamed through a 1 MiB buffer (fs.writeSync). */
export function writeCsv(p: PanelPeriod, file: string, opts: CsvOptions = {}): void {
  const gbk = opts.encoding === 'gbk';
  const eol = Buffer.from(opts.eol ?? '\n', 'latin1');
  const cols = outColumns(p, opts.headers ?? 'zh');
  const ncols = cols.length;
  const nrows = p.ids.length;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  try {
    const out = new ByteSink(fd, gbk);
    if (opts.bom && !gbk) out.bytes(UTF8_BOM);
    for (let j = 0; j < ncols; j++) {
      if (j > 0) out.byte(44);
      out.field(cols[j].header);
    }
    out.bytes(eol);
    for (let r = 0; r < nrows; r++) {
      for (let j = 0; j < ncols; j++) {
        const c = cols[j];
        if (j > 0) out.byte(44);
        if (c.num) out.number(c.num[r], c.decimals);
        else if (c.kind === 'text') out.cachedField(c.text![r]);
        else out.field(c.text![r]);
      }
      out.bytes(eol);
    }
    out.flush();
  } finally {
    fs.closeSync(fd);
  }
}
const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/** The same CSV as writeCsv, as one string (for small panels and tests; no GBK). */
export function csvText(p: PanelPeriod, opts: Omit<CsvOptions, 'encoding'> = {}): string {
  const eol = opts.eol ?? '\n';
  const cols = outColumns(p, opts.headers ?? 'zh');
  const lines = [cols.map((c) => csvField(c.header)).join(',')];
  for (let r = 0; r < p.ids.length; r++) {
    lines.push(cols.map((c) => (c.num ? formatNumber(c.num[r], c.decimals) : csvField(c.text![r]))).join(','));
  }
  return (opts.bom ? '\uFEFF' : '') + lines.join(eol) + eol;
}

export interface XlsxOptions {
  headers?: HeaderStyle;
  /** worksheet name, default "企业数据" */
  sheet?: string;
}

/** The XLSX bytes of one period (exceljs), with fixed document and zip timestamps → reproducible. */
export async function xlsxBuffer(p: PanelPeriod, opts: XlsxOptions = {}): Promise<Buffer> {
  const cols = outColumns(p, opts.headers ?? 'zh');
  const stamp = new Date(Date.UTC(p.period + 1, 2, 31, 0, 0, 0));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'parkscore datasets/generate.ts';
  wb.lastModifiedBy = 'parkscore datasets/generate.ts';
  wb.created = stamp;
  wb.modified = stamp;
  const ws = wb.addWorksheet(opts.sheet ?? '企业数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({
    header: c.header,
    width: c.kind === 'name' ? 36 : c.kind === 'id' ? 22 : c.kind === 'text' ? 18 : Math.max(10, c.header.length * 2 + 2),
  }));
  ws.getRow(1).font = { bold: true };
  const nrows = p.ids.length;
  for (let r = 0; r < nrows; r++) {
    const values: (string | number | null)[] = cols.map((c) => {
      if (c.num) {
        const x = c.num[r];
        return x !== x ? null : x;
      }
      return c.text![r];
    });
    ws.addRow(values);
  }
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimes(raw, stamp);
}

/** Writes one period as XLSX (meant for the demo; exceljs keeps the sheet in memory). */
export async function writeXlsx(p: PanelPeriod, file: string, opts: XlsxOptions = {}): Promise<void> {
  const buf = await xlsxBuffer(p, opts);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buf);
}

/**
 * Rewrites the DOS modification time/date of every zip entry (local headers and central
 * directory): JSZip stamps entries with the current time, which would make the bytes differ from
 * run to run. Layout per APPNOTE.TXT §4.3.7 / §4.3.12 / §4.3.16.
 */
function fixZipTimes(buf: Buffer, when: Date): Buffer {
  const dosTime = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const dosDate = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  let eocd = -1;
  for (let k = buf.length - 22; k >= Math.max(0, buf.length - 22 - 65535); k--) {
    if (buf.readUInt32LE(k) === 0x06054b50) {
      eocd = k;
      break;
    }
  }
  if (eocd < 0) throw new Error('xlsx: no zip end-of-central-directory record');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let e = 0; e < entries; e++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('xlsx: bad zip central directory');
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('xlsx: bad zip local header');
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

export interface ArrowOptions {
  headers?: HeaderStyle;
}

function utf8Vector(values: string[]): Vector<Utf8> {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  let pos = 0;
  for (let k = 0; k < n; k++) {
    pos += utf8Length(values[k]);
    offsets[k + 1] = pos;
  }
  // one native encode of the joined text (in slices, to keep each string modest)
  const bytes = new Uint8Array(pos);
  let at = 0;
  for (let k0 = 0; k0 < n; k0 += 65536) {
    const part = values.slice(k0, Math.min(n, k0 + 65536)).join('');
    at += Buffer.from(bytes.buffer, bytes.byteOffset + at, pos - at).write(part, 'utf8');
  }
  if (at !== pos) throw new Error('arrow: utf-8 length mismatch');
  return makeVector(makeData({ type: new Utf8(), length: n, nullCount: 0, valueOffsets: offsets, data: bytes }));
}

/** UTF-8 byte length of a well-formed string (lone surrogates count as U+FFFD, 3 bytes). */
function utf8Length(s: string): number {
  let b = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < s.length && (s.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      b += 4;
      k++;
    } else b += 3;
  }
  return b;
}

function float64Vector(values: Float64Array): Vector<Float64> {
  const n = values.length;
  let nulls = 0;
  for (let k = 0; k < n; k++) if (values[k] !== values[k]) nulls++;
  if (nulls === 0) return makeVector(makeData({ type: new Float64(), length: n, nullCount: 0, data: values }));
  const bitmap = new Uint8Array((n + 7) >> 3);
  for (let k = 0; k < n; k++) if (values[k] === values[k]) bitmap[k >> 3] |= 1 << (k & 7);
  return makeVector(makeData({ type: new Float64(), length: n, nullCount: nulls, nullBitmap: bitmap, data: values }));
}

/** One period as an Arrow table: text columns Utf8, numbers Float64 (missing = null, NaN underneath). */
export function toArrowTable(p: PanelPeriod, opts: ArrowOptions = {}): Table {
  const vectors: Record<string, Vector> = {};
  for (const c of outColumns(p, opts.headers ?? 'zh')) vectors[c.header] = c.num ? float64Vector(c.num) : utf8Vector(c.text!);
  return new Table(vectors);
}

/** Writes one period as an Arrow IPC file. */
export function writeArrow(p: PanelPeriod, file: string, opts: ArrowOptions = {}): void {
  const bytes = tableToIPC(toArrowTable(p, opts), 'file');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}

// ────────────────────────────────────────────────────────────────────────────────────────────────
// The demo
// ────────────────────────────────────────────────────────────────────────────────────────────────

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

// ────────────────────────────────────────────────────────────────────────────────────────────────
// CLI
// ────────────────────────────────────────────────────────────────────────────────────────────────

const USAGE = `usage:
  npx tsx datasets/generate.ts --enterprises N --periods P [--seed S] [--first-period 2019]
      [--missing-rate 0.02] [--format csv|arrow|xlsx] [--encoding utf-8|gbk] [--bom]
      [--crlf] [--headers zh|en] --out DIR
  npx tsx datasets/generate.ts --demo [--out DIR]`;

function parseArgs(argv: string[]): Map<string, string> {
  const flags = new Set(['demo', 'bom', 'crlf', 'help']);
  const args = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}\n${USAGE}`);
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (eq > 0) args.set(key, a.slice(eq + 1));
    else if (flags.has(key)) args.set(key, '1');
    else {
      const v = argv[++k];
      if (v === undefined) throw new Error(`--${key} needs a value\n${USAGE}`);
      args.set(key, v);
    }
  }
  return args;
}

function intArg(args: Map<string, string>, key: string, dflt?: number): number {
  const v = args.get(key);
  if (v === undefined) {
    if (dflt === undefined) throw new Error(`--${key} is required\n${USAGE}`);
    return dflt;
  }
  const x = Number(v);
  if (!Number.isInteger(x)) throw new Error(`--${key} must be an integer, got ${v}`);
  return x;
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  if (args.has('help')) {
    console.log(USAGE);
    return;
  }
  if (args.has('demo')) {
    const dir = args.get('out') ?? DEMO_DIR;
    const summary = await writeDemo(dir);
    console.log(`demo written to ${path.join(dir, 'source')} (seed ${DEMO.seed})`);
    console.table(summary);
    return;
  }
  const enterprises = intArg(args, 'enterprises');
  const periods = intArg(args, 'periods', 1);
  const seed = intArg(args, 'seed', 1);
  const firstPeriod = intArg(args, 'first-period', 2019);
  const missingRate = args.has('missing-rate') ? Number(args.get('missing-rate')) : 0.02;
  const format = args.get('format') ?? 'csv';
  const out = args.get('out');
  if (!out) throw new Error(`--out is required\n${USAGE}`);
  if (format !== 'csv' && format !== 'arrow' && format !== 'xlsx') throw new Error(`unknown --format ${format}`);
  const headers = (args.get('headers') ?? 'zh') as HeaderStyle;
  if (headers !== 'zh' && headers !== 'en') throw new Error(`--headers must be zh or en`);
  const encoding = args.get('encoding') ?? 'utf-8';
  if (encoding !== 'utf-8' && encoding !== 'gbk') throw new Error(`--encoding must be utf-8 or gbk`);
  fs.mkdirSync(out, { recursive: true });
  const t0 = performance.now();
  for (const p of generatePeriods({ enterprises, periods, seed, firstPeriod, missingRate })) {
    const t1 = performance.now();
    const ext = format === 'arrow' ? 'arrow' : format;
    const file = path.join(out, `${p.period}.${ext}`);
    if (format === 'csv') writeCsv(p, file, { encoding, bom: args.has('bom'), eol: args.has('crlf') ? '\r\n' : '\n', headers });
    else if (format === 'arrow') writeArrow(p, file, { headers });
    else await writeXlsx(p, file, { headers });
    const t2 = performance.now();
    console.log(`${file}: ${p.ids.length} enterprises (written in ${((t2 - t1) / 1000).toFixed(2)} s)`);
  }
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return pathToFileURL(fs.realpathSync(entry)).href === pathToFileURL(fs.realpathSync(fileURLToPath(import.meta.url))).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
