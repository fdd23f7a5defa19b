/**
 * Units of the admission indicators. Each unit belongs to a dimension and converts to the
 * dimension's base unit by a factor: value_in_base = value × factor.
 *
 * Area: 1 公顷 (hectare) = 10 000 m² = 15 亩, so 1 亩 = 666.67 m² (the statutory 市亩). Investment
 * intensity in the 2008 national table is in 万元/公顷; land contracts (标准地) write 万元/亩:
 * 1 万元/亩 = 15 万元/公顷, and 1 元/m² = 10 000 元 per 公顷 = 1 万元/公顷.
 */
export const MU_PER_HECTARE = 15;
export const M2_PER_HECTARE = 10_000;

export type Dimension = "per-area" | "money" | "ratio" | "percent" | "energy-intensity" | "emission-intensity" | "flag";

interface UnitDef {
  dimension: Dimension;
  /** Multiply a value in this unit by `factor` to get the dimension's base unit. */
  factor: number;
  en: string;
}

/** Base units: 万元/公顷, 万元, ratio, %, 吨标准煤/万元, 吨/万元, flag (1 = yes). */
export const UNITS: Readonly<Record<string, UnitDef>> = {
  "万元/公顷": { dimension: "per-area", factor: 1, en: "10k CNY/ha" },
  "万元/亩": { dimension: "per-area", factor: MU_PER_HECTARE, en: "10k CNY/mu" },
  "元/平方米": { dimension: "per-area", factor: 1, en: "CNY/m²" },
  "万元": { dimension: "money", factor: 1, en: "10k CNY" },
  "亿元": { dimension: "money", factor: 10_000, en: "100M CNY" },
  ratio: { dimension: "ratio", factor: 1, en: "ratio" },
  "%": { dimension: "percent", factor: 1, en: "%" },
  "吨标准煤/万元": { dimension: "energy-intensity", factor: 1, en: "tce/10k CNY" },
  "吨/万元": { dimension: "emission-intensity", factor: 1, en: "t/10k CNY" },
  flag: { dimension: "flag", factor: 1, en: "yes = 1" },
};

export function isUnit(u: string): boolean {
  return Object.hasOwn(UNITS, u);
}

export function dimensionOf(unit: string): Dimension {
  const d = UNITS[unit];
  if (!d) throw new Error(`unknown unit "${unit}"`);
  return d.dimension;
}

/** Converts `value` from one unit to another of the same dimension (throws across dimensions). */
export function convert(value: number, from: string, to: string): number {
  const a = UNITS[from], b = UNITS[to];
  if (!a || !b) throw new Error(`unknown unit "${!a ? from : to}"`);
  if (a.dimension !== b.dimension) throw new Error(`cannot convert ${from} to ${to}`);
  return from === to ? value : (value * a.factor) / b.factor;
}

/** 万元/公顷 → 万元/亩 (÷ 15). */
export const perHectareToPerMu = (x: number): number => x / MU_PER_HECTARE;
/** 万元/亩 → 万元/公顷 (× 15). */
export const perMuToPerHectare = (x: number): number => x * MU_PER_HECTARE;
/** 亩 → 公顷. */
export const muToHectare = (mu: number): number => mu / MU_PER_HECTARE;
/** m² → 公顷. */
export const m2ToHectare = (m2: number): number => m2 / M2_PER_HECTARE;
