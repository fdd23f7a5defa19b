/** A small synthetic period for sensitivity tests: 40 enterprises, 4 indicators in 2 categories. */
import type { Frame } from "../../../engine/data/frame.js";
import { Random } from "../../../engine/sensitivity/sample.js";
import { frame, scheme } from "../score/fixtures.js";

export const N = 40;

export function period(seed = 1): Frame {
  const r = new Random(seed, 99);
  const col = <T>(f: () => T): T[] => Array.from({ length: N }, f);
  return frame(
    { code: col((() => { let k = 0; return () => `E${String(++k).padStart(2, "0")}`; })()), name: col((() => { let k = 0; return () => `企业${++k}`; })()) },
    {
      tax: col(() => 1 + 20 * r.uniform()),
      va: col(() => 5 + 50 * r.uniform() ** 2),
      energy: col(() => 0.2 + r.uniform()),
      rd: col(() => (r.uniform() < 0.1 ? NaN : 0.1 * r.uniform())),
      accidents: col(() => (r.uniform() < 0.05 ? 1 : 0)),
    },
  );
}

export const SCHEME = `
id: code
name: name
categories:
  - { id: output, weight: 0.6 }
  - { id: green, weight: 0.4 }
indicators:
  - { id: tax, column: tax, category: output, direction: benefit, weight: 0.5 }
  - { id: va, column: va, category: output, direction: benefit, weight: 0.3 }
  - { id: rd, column: rd, category: output, direction: benefit, weight: 0.2, missing: mean-score }
  - { id: energy, column: energy, category: green, direction: cost, weight: 1 }
rules:
  veto:
    - { when: accidents > 0, reason: accident }
grading: { method: quotas, quotas: { A: 0.2, B: 0.4, C: 0.35, D: 0.05 } }
`;

export function withUncertainty(section: string) {
  return scheme(SCHEME + section);
}
