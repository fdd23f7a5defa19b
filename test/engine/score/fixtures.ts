/** Small hand-built frames and schemes for scoring tests. */
import type { Frame } from "../../../engine/data/frame.js";
import { parseScheme } from "../../../engine/scheme/load.js";
import type { Scheme } from "../../../engine/scheme/types.js";

export function frame(texts: Record<string, string[]>, numbers: Record<string, number[]>): Frame {
  const nrows = Object.values(texts)[0]?.length ?? Object.values(numbers)[0].length;
  return {
    nrows,
    texts: new Map(Object.entries(texts)),
    numbers: new Map(Object.entries(numbers).map(([k, v]) => [k, Float64Array.from(v)])),
    origin: { file: "test.csv", rows: Int32Array.from({ length: nrows }, (_, i) => i + 2), headers: new Map() },
  };
}

export function scheme(yaml: string): Scheme {
  return parseScheme(yaml, "scheme.yaml").scheme;
}

/** The smallest scheme of the README, verbatim. */
export const MINIMAL = `
id: code
name: name
indicators:
  - { id: tax_per_mu, label: { zh: 亩均税收, en: Tax per mu }, formula: tax / land_mu,
      direction: benefit, weight: 0.6, normalize: minmax }
  - { id: energy_per_output, column: energy_per_output, direction: cost, weight: 0.4, normalize: minmax }
aggregation: { method: weighted-sum }
grading: { method: quotas, quotas: { A: 0.2, B: 0.4, C: 0.35, D: 0.05 } }
`;

/** Five enterprises; tax per mu 10, 15, 5, 10, 0 and energy per output 0.5, 1.0, 0.2, 0.8, 1.2. */
export const FIVE = frame(
  { code: ["E1", "E2", "E3", "E4", "E5"], name: ["甲", "乙", "丙", "丁", "戊"] },
  { tax: [100, 60, 20, 30, 0], land_mu: [10, 4, 4, 3, 5], energy_per_output: [0.5, 1.0, 0.2, 0.8, 1.2] },
);
