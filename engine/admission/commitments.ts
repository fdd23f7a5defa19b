/**
 * Land-contract commitments (标准地: the targets written into the land transfer contract) against
 * an enterprise's actual figures for a period. Pure: the contracts and the actuals come in as
 * values; store.ts reads them from the dataset.
 *
 * Rule (docs/admission.md): a contract is due in period P when P − production start year ≥ the
 * contract's 考核年限 N (e.g. production in 2021, N = 3 → first assessed in 2024). Before that each
 * target is "not yet due" (the actual and the gap are still shown). When due, a target is met when
 * actual ≥ target; the contract is in breach when any due target is not met.
 *   投资强度 = cumulative fixed-asset investment ÷ land (万元/亩)
 *   亩均产值 = revenue ÷ land; 亩均税收 = tax ÷ land (万元/亩, the period's figures)
 * The land is the contract's area when given, else the period's land area.
 */
import { compare } from "./checks.js";

export interface Contract {
  contractId: string;
  id: string;
  name: string;
  date: string;
  productionStart: number;
  dueAfterYears: number;
  /** Contract land area in 亩 (NaN = use the period's). */
  landMu: number;
  /** Targets in 万元/亩 (NaN = no target of that kind). */
  targets: Record<TargetKind, number>;
  row: number;
}

export type TargetKind = "investment_intensity" | "output_per_mu" | "tax_per_mu";
export const TARGETS: readonly TargetKind[] = ["investment_intensity", "output_per_mu", "tax_per_mu"];
export const TARGET_LABELS: Readonly<Record<TargetKind, { zh: string; en: string }>> = {
  investment_intensity: { zh: "投资强度", en: "investment intensity" },
  output_per_mu: { zh: "亩均产值", en: "output per mu" },
  tax_per_mu: { zh: "亩均税收", en: "tax per mu" },
};

/** One enterprise's actual figures for the period (万元, 亩); NaN where not available. */
export interface Actual {
  landMu: number;
  fixedInvestment: number;
  revenue: number;
  tax: number;
}

export type TargetStatus = "met" | "not-met" | "not-yet-due" | "no-data" | "no-target";
export type ContractStatus = "breach" | "met" | "not-yet-due" | "no-data";

export interface TargetResult {
  kind: TargetKind;
  target: number;
  actual: number;
  /** actual − target (万元/亩); negative = short. */
  gap: number;
  gapPct: number;
  status: TargetStatus;
}

export interface ContractResult {
  contract: Contract;
  period: string;
  yearsSinceStart: number;
  dueYear: number;
  due: boolean;
  /** The enterprise is in the period's data. */
  present: boolean;
  status: ContractStatus;
  targets: TargetResult[];
  note: string;
}

export function actualPerMu(kind: TargetKind, a: Actual, landMu: number): number {
  if (!(landMu > 0)) return NaN;
  const x = kind === "investment_intensity" ? a.fixedInvestment : kind === "output_per_mu" ? a.revenue : a.tax;
  return x / landMu;
}

export function evaluateContract(c: Contract, period: string, year: number, actual: Actual | undefined): ContractResult {
  const yearsSinceStart = year - c.productionStart;
  const dueYear = c.productionStart + c.dueAfterYears;
  const due = yearsSinceStart >= c.dueAfterYears;
  const land = Number.isFinite(c.landMu) ? c.landMu : actual?.landMu ?? NaN;
  const targets = TARGETS.map((kind): TargetResult => {
    const target = c.targets[kind];
    if (!Number.isFinite(target)) return { kind, target, actual: NaN, gap: NaN, gapPct: NaN, status: "no-target" };
    const value = actual ? actualPerMu(kind, actual, land) : NaN;
    const cmp = Number.isFinite(value) ? compare(value, ">=", target) : undefined;
    const gap = cmp ? cmp.margin : NaN, gapPct = cmp ? cmp.marginPct : NaN;
    const status: TargetStatus = !due ? "not-yet-due" : !cmp ? "no-data" : cmp.pass ? "met" : "not-met";
    return { kind, target, actual: value, gap, gapPct, status };
  });
  const st = targets.map((t) => t.status);
  const status: ContractStatus = !due ? "not-yet-due" : st.includes("not-met") ? "breach" : st.includes("no-data") ? "no-data" : "met";
  const note = !actual ? `enterprise ${c.id} is not in period ${period}` : !due ? `due from ${dueYear}` : "";
  return { contract: c, period, yearsSinceStart, dueYear, due, present: !!actual, status, targets, note };
}

/** Every contract against the period's actuals (keyed by enterprise id). */
export function evaluateCommitments(contracts: Contract[], period: string, actuals: ReadonlyMap<string, Actual>): ContractResult[] {
  const year = Number.parseInt(period, 10);
  return contracts.map((c) => evaluateContract(c, period, year, actuals.get(c.id)));
}

/** The contracts in breach, worst relative shortfall first (for leadership). */
export function breaches(results: ContractResult[]): ContractResult[] {
  const worst = (r: ContractResult) => Math.min(...r.targets.filter((t) => t.status === "not-met").map((t) => t.gapPct));
  return results.filter((r) => r.status === "breach").sort((a, b) => worst(a) - worst(b) || a.contract.contractId.localeCompare(b.contract.contractId));
}
