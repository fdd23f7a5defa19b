/**
 * The panel model: a universe of enterprises with latent state (park, industry, size, growth, flags),
 * drawn from a seeded generator, and one columnar frame per annual period with entries, exits,
 * ramp-up, macro shocks and blank cells. Same options, same values.
 */
import { COLUMNS } from './columns.js';
import { BRAND_CHARS, COMPANY_FORMS, INDUSTRIES, PARKS, type IndustrySpec } from './parks.js';
import { Rng } from './rng.js';
import { CODE_SPACE, makeCode } from './uscc.js';

const NUMBER_COLUMNS = COLUMNS.filter((c) => c.kind === 'number');

/** One period of the panel, columnar. Missing numbers are NaN; text is never missing. */
export interface PanelPeriod {
  period: number;
  /** enterprise codes (unified social credit code style), unique */
  ids: string[];
  /** enterprise names, unique */
  names: string[];
  /** park, industry (2-digit code), industry_name, size (规上 / 规下) */
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
  /**
   * Draw below-size firms (规下): smaller plots and lower output per 亩, from random streams of
   * their own and with codes of their own series (91130481MA1…), so that such a panel can be added
   * to an ordinary one of the same seed without touching its values or sharing a code.
   */
  belowSize?: boolean;
  /** names already taken (by the panel this one is added to): none is drawn again */
  reservedNames?: Iterable<string>;
}

/** Land and output per 亩 of a below-size firm, relative to its division's medians. */
const BELOW_SIZE_LAND = 0.35;
const BELOW_SIZE_OUTPUT = 0.3;

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
  belowSize: boolean;
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
  const small = st.belowSize ? BELOW_SIZE_LAND : 1;
  const land = tiny ? rng.uniform(0.8, 2.95) : small * spec.land * (entrant ? 0.8 : 1) * Math.exp(0.6 * rng.normal());
  u.land[i] = Math.max(0.5, land);
  u.revPerMu[i] = (st.belowSize ? BELOW_SIZE_OUTPUT : 1) * spec.revPerMu * Math.exp(0.65 * z + 0.35 * rng.normal());
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
  u.codes.push(makeCode(i, st.codeMult, st.codeAdd, st.belowSize ? '1' : '0'));
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
  const size = new Array<string>(m);
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
    size[k] = cRev[k] >= spec.sizeRevenue ? '规上' : '规下';

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
  return { period: year, ids, names, texts: { park, industry, industry_name: industryName, size }, numbers: num };
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

  const stream = opts.belowSize ? 3 : 0;
  const rng = new Rng(seed, stream);
  const codeRng = new Rng(seed, stream + 2);
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
    miss: new Rng(seed, stream + 1),
    nameSet: capacity <= SMALL_PANEL ? new Set<string>(opts.reservedNames) : null,
    codeMult,
    codeAdd: codeRng.int(CODE_SPACE),
    brandLen,
    brandSpace,
    brandMult,
    brandAdd: codeRng.int(brandSpace),
    belowSize: opts.belowSize === true,
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

/** Two panels' periods of the same year as one: `a`'s enterprises, then `b`'s. */
export function concatPeriods(a: PanelPeriod, b: PanelPeriod): PanelPeriod {
  if (a.period !== b.period) throw new RangeError(`periods ${a.period} and ${b.period} differ`);
  const texts: Record<string, string[]> = {};
  for (const k of Object.keys(a.texts)) texts[k] = [...a.texts[k], ...b.texts[k]];
  const numbers: Record<string, Float64Array> = {};
  for (const k of Object.keys(a.numbers)) {
    const x = new Float64Array(a.numbers[k].length + b.numbers[k].length);
    x.set(a.numbers[k]);
    x.set(b.numbers[k], a.numbers[k].length);
    numbers[k] = x;
  }
  return { period: a.period, ids: [...a.ids, ...b.ids], names: [...a.names, ...b.names], texts, numbers };
}
