import { describe, expect, it } from "vitest";
import { averageRanks, spearman, weightedSpearman, wsSimilarity } from "../../../engine/sensitivity/rank-correlation.js";

const R = (...xs: number[]) => Float64Array.from(xs);

describe("rank correlations", () => {
  it("gives average ranks to ties, 1 = highest score", () => {
    expect([...averageRanks(R(10, 30, 20, 30))]).toEqual([4, 1.5, 3, 1.5]);
  });
  it("weighs a swap at the top more than one at the bottom (r_W), where Spearman cannot tell", () => {
    // By hand, N = 5, denominator N⁴ + N³ − N² − N = 720.
    // Top swap (1↔2): Σ = 1·(5 + 4) + 1·(4 + 5) = 18 → r_W = 1 − 108/720 = 0.85.
    // Bottom swap (4↔5): Σ = 1·(2 + 1) + 1·(1 + 2) = 6 → r_W = 1 − 36/720 = 0.95. Spearman: 1 − 6·2/120 = 0.9 for both.
    const ref = R(1, 2, 3, 4, 5);
    expect(weightedSpearman(ref, R(2, 1, 3, 4, 5))).toBeCloseTo(0.85, 15);
    expect(weightedSpearman(ref, R(1, 2, 3, 5, 4))).toBeCloseTo(0.95, 15);
    expect(spearman(ref, R(2, 1, 3, 4, 5))).toBeCloseTo(0.9, 15);
    expect(spearman(ref, R(1, 2, 3, 5, 4))).toBeCloseTo(0.9, 15);
  });
  it("computes WS similarity (Sałabun & Urbaniak 2020) as numpy does", () => {
    // numpy: 1 − Σ 2^(−x)|x − y| / max(|x − 1|, |x − N|) for x = 1..5, y = 2 1 3 5 4 → 0.7630208333333334
    expect(wsSimilarity(R(1, 2, 3, 4, 5), R(2, 1, 3, 5, 4))).toBeCloseTo(0.7630208333333334, 15);
    // top swap by hand: 1 − (½·1/4 + ¼·1/3) = 1 − 0.208333… = 0.791666…
    expect(wsSimilarity(R(1, 2, 3, 4, 5), R(2, 1, 3, 4, 5))).toBeCloseTo(1 - (0.5 / 4 + 0.25 / 3), 15);
  });
  it("is 1 for identical rankings and −1 / the minimum for reversed ones", () => {
    const ref = R(1, 2, 3, 4);
    expect(spearman(ref, ref)).toBe(1);
    expect(weightedSpearman(ref, ref)).toBe(1);
    expect(wsSimilarity(ref, ref)).toBe(1);
    expect(spearman(ref, R(4, 3, 2, 1))).toBeCloseTo(-1, 15);
    expect(weightedSpearman(ref, R(4, 3, 2, 1))).toBeCloseTo(-1, 15);
  });
});
