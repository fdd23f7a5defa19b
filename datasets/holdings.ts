/**
 * What each enterprise of a panel holds beyond its yearly figures, drawn once over the whole panel
 * and kept from year to year: its land certificates (one parcel shared by two enterprises), its
 * electricity meters and its high-tech certificates. The department files split the panel's
 * figures over these (departments.ts).
 */
import type { PanelPeriod } from './panel.js';
import { PARKS } from './parks.js';
import { Rng } from './rng.js';

export interface Certificate {
  /** 不动产权证号, e.g. 冀(2018)武安市不动产权第0003187号 */
  number: string;
  /** 供地日期, YYYY-MM-DD */
  date: string;
  /** 坐落 */
  site: string;
  /** relative share of the enterprise's own land on this certificate */
  weight: number;
}

export interface Meter {
  /** 电表户号 (10 digits) */
  number: string;
  /** relative share of the enterprise's electricity through this meter */
  weight: number;
}

/** A 高新技术企业 certificate: valid for the year of issue and the next two. */
export interface HighTechCertificate {
  /** 证书编号, e.g. GR202213001234 (GR, year of issue, 13 = Hebei, serial) */
  number: string;
  year: number;
  /** 发证日期, YYYY-MM-DD */
  date: string;
}

/** One parcel held by two enterprises in shares (按份共有). */
export interface SharedParcel {
  certificate: Certificate;
  /** the two holders' codes */
  codes: [string, string];
  /** each holder's share, as written in the 分摊比例 column; they add up to 1 */
  shares: [number, number];
  /** the parcel's area, 亩: a multiple of 0.05 so that each share is a whole number of 0.01 亩 */
  area: number;
}

export interface Holdings {
  /** the first period each enterprise is in */
  entry: Map<string, number>;
  certificates: Map<string, Certificate[]>;
  meters: Map<string, Meter[]>;
  /** each high-tech enterprise's certificates, oldest first */
  highTech: Map<string, HighTechCertificate[]>;
  shared: SharedParcel;
}

/** The two holders' shares of the shared parcel. */
const SHARES: [number, number] = [0.6, 0.4];

const pad = (x: number, n: number) => String(x).padStart(n, '0');
const date = (y: number, m: number, d: number) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;

/** A day of year `y` in months [m0, m1], drawn. */
function dayIn(rng: Rng, y: number, m0: number, m1: number): { y: number; m: number; d: number } {
  return { y, m: m0 + rng.int(m1 - m0 + 1), d: 1 + rng.int(28) };
}

/** Draws every enterprise's holdings, in order of first appearance: same panel and seed, same holdings. */
export function drawHoldings(panel: PanelPeriod[], seed: number): Holdings {
  const rng = new Rng(seed, 6);
  const entry = new Map<string, number>();
  const firstRow = new Map<string, { p: PanelPeriod; k: number }>();
  const periods = new Map<string, number>();
  for (const p of panel)
    p.ids.forEach((id, k) => {
      if (!entry.has(id)) {
        entry.set(id, p.period);
        firstRow.set(id, { p, k });
      }
      periods.set(id, (periods.get(id) ?? 0) + 1);
    });
  const first = panel[0].period;

  // land: 1–3 certificates per enterprise, dated before the enterprise's first year
  const drawn: { id: string; when: { y: number; m: number; d: number }; site: string; weight: number }[] = [];
  const meters = new Map<string, Meter[]>();
  let meterNo = 31_0000_0000 + rng.int(5_000_000);
  for (const [id, { p, k }] of firstRow) {
    const mfg = p.texts.park[k] === PARKS[1];
    const y0 = entry.get(id)! - 1;
    const u = rng.next();
    const n = mfg ? (u < 0.05 ? 3 : u < 0.2 ? 2 : 1) : u < 0.1 ? 2 : 1;
    // the parks' land was supplied from 2017 for the enterprises chosen by the end of 2018
    const base = entry.get(id) === first ? { y: 2017 + rng.int(2), m: 3 + rng.int(9), d: 1 + rng.int(28) } : dayIn(rng, y0, 1, 9);
    const zone = mfg ? '广耀园区' : '东山园区';
    for (let c = 0; c < n; c++) {
      const when = c === 0 ? base : dayIn(rng, Math.max(base.y, y0), Math.min(12, base.m + 1), 12);
      drawn.push({ id, when, site: `${zone}${'ABCDEF'[rng.int(6)]}-${pad(1 + rng.int(40), 2)}号地块`, weight: 0.3 + rng.next() });
    }
    const v = rng.next();
    const m = mfg ? (v < 0.12 ? 3 : v < 0.4 ? 2 : 1) : v < 0.12 ? 2 : 1;
    const list: Meter[] = [];
    for (let j = 0; j < m; j++) {
      meterNo += 1 + rng.int(400);
      list.push({ number: String(meterNo), weight: 0.2 + rng.next() });
    }
    meters.set(id, list);
  }

  // high-tech certificates: the first in the year before an enterprise is first listed as
  // high-tech (or up to two years earlier for those already certified in the first period), renewed every three years
  const last = panel[panel.length - 1].period;
  const issued: { id: string; year: number; date: string }[] = [];
  const certified = new Set<string>();
  for (const p of panel)
    p.ids.forEach((id, k) => {
      if (p.numbers.high_tech[k] !== 1 || certified.has(id)) return;
      certified.add(id);
      const y0 = p.period === first ? p.period - 1 - rng.int(3) : p.period - 1;
      for (let y = y0; y <= last; y += 3) issued.push({ id, year: y, date: date(y, 10 + rng.int(3), 1 + rng.int(28)) });
    });
  issued.sort((a, b) => a.year - b.year || (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const highTech = new Map<string, HighTechCertificate[]>();
  const serial = new Map<number, number>();
  for (const c of issued) {
    const next = (serial.get(c.year) ?? rng.int(500)) + 1 + rng.int(30);
    serial.set(c.year, next);
    const list = highTech.get(c.id) ?? [];
    list.push({ number: `GR${c.year}13${pad(next, 6)}`, year: c.year, date: c.date });
    highTech.set(c.id, list);
  }

  // certificate numbers run on per year of issue, in date order
  drawn.sort((a, b) => a.when.y - b.when.y || a.when.m - b.when.m || a.when.d - b.when.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const certificates = new Map<string, Certificate[]>();
  const counter = new Map<number, number>();
  const numberFor = (y: number) => {
    const next = (counter.get(y) ?? 800 + rng.int(2000)) + 1 + rng.int(60);
    counter.set(y, next);
    return `冀(${y})武安市不动产权第${pad(next, 7)}号`;
  };
  for (const c of drawn) {
    const list = certificates.get(c.id) ?? [];
    list.push({ number: numberFor(c.when.y), date: date(c.when.y, c.when.m, c.when.d), site: c.site, weight: c.weight });
    certificates.set(c.id, list);
  }

  // the shared parcel: two manufacturers of 20 亩 or more, present in every period
  const everyYear = panel[0].ids.filter((id, k) => periods.get(id) === panel.length && panel[0].numbers.land_mu[k] >= 20 && panel[0].texts.park[k] === PARKS[1]);
  const a = everyYear[rng.int(everyYear.length)];
  const rest = everyYear.filter((id) => id !== a);
  const b = rest[rng.int(rest.length)];
  const land = (id: string) => panel[0].numbers.land_mu[panel[0].ids.indexOf(id)];
  // at most half of either holder's land, in steps of 0.05 亩
  const area = Math.floor(Math.min((land(a) * 0.5) / SHARES[0], (land(b) * 0.5) / SHARES[1]) * 20) / 20;
  // registered as held in shares once both holders had signed, in December 2018
  const when = dayIn(rng, 2018, 12, 12);
  const shared: SharedParcel = {
    certificate: { number: numberFor(2018), date: date(when.y, when.m, when.d), site: `广耀园区C-${pad(1 + rng.int(40), 2)}号地块`, weight: 0 },
    codes: [a, b],
    shares: SHARES,
    area,
  };
  return { entry, certificates, meters, highTech, shared };
}
