/** The benchmark's scheme: 20 indicators (14 columns, 6 formulas) over the generator's columns. */
const COLUMNS = ["land_mu", "fixed_investment", "revenue", "tax", "value_added", "employees", "rd_expense", "invention_patents", "energy_tce", "electricity", "water", "emissions", "safety_incidents", "years_in_production"];
const COST = new Set(["land_mu", "energy_tce", "electricity", "water", "emissions", "safety_incidents"]);
const FORMULAS: Record<string, string> = {
  tax_per_mu: "tax / land_mu",
  va_per_mu: "value_added / land_mu",
  revenue_per_mu: "revenue / land_mu",
  va_per_energy: "value_added / energy_tce",
  va_per_employee: "value_added / employees",
  rd_share: "rd_expense / revenue",
};

export interface BenchIndicator {
  id: string;
  column?: string;
  formula?: string;
  direction: "benefit" | "cost";
  weight: number;
}

/** The 20 indicators, in the scheme's order (the DuckDB reference builds its SQL from them). */
export function benchIndicators(): BenchIndicator[] {
  return [
    ...COLUMNS.map((c, k): BenchIndicator => ({ id: c, column: c, direction: COST.has(c) ? "cost" : "benefit", weight: k + 1 })),
    ...Object.entries(FORMULAS).map(([id, formula], k): BenchIndicator => ({ id, formula, direction: "benefit", weight: k + 3 })),
  ];
}

export function benchScheme(aggregation: "weighted-sum" | "topsis"): string {
  const lines = ["id: code", "name: name", "indicators:"];
  for (const x of benchIndicators()) lines.push(`  - { id: ${x.id}, ${x.column ? `column: ${x.column}` : `formula: ${x.formula}`}, direction: ${x.direction}, weight: ${x.weight}, normalize: minmax }`);
  lines.push(`aggregation: { method: ${aggregation} }`, "weighting: { method: expert }", "grading: { method: quotas, quotas: { A: 0.2, B: 0.4, C: 0.35, D: 0.05 } }");
  return lines.join("\n") + "\n";
}
