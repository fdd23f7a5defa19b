/**
 * The single-indicator targets, checked by scoring the demo period again with the target put into
 * the raw data: every reachable target for 亩均税收 (tax / land_mu) and R&D intensity
 * (rd_expense / revenue × 100) — the two indicators whose raw column feeds no other indicator — lifts
 * its enterprise to the next grade, every other value unchanged. The benchmarks (period means) move
 * with the new value and the others' ratios fall with them, so the target is sufficient, not just
 * approximate; and not wasteful: 1 % less would not do for most of them (84 %).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReportModel } from "../../../engine/report/model.js";
import { improvements } from "../../../engine/report/next-grade.js";
import { scorePeriod } from "../../../engine/score/period.js";
import { openDataset, readStoredPeriod } from "../../../engine/store/dataset.js";
import { ROOT } from "../../cli/helpers.js";

describe("next-grade targets on the demo, re-scored", { timeout: 60_000 }, async () => {
  const dir = join(ROOT, "datasets", "demo");
  const { scheme } = openDataset(dir);
  const { frame, revision } = await readStoredPeriod(dir, "2025", { scheme });
  const m = buildReportModel({ period: "2025", scheme, revision, result: scorePeriod(frame, scheme), history: [] });
  const grades = scheme.grading.grades;
  const raw: Record<string, { column: string; from: (x: number, i: number) => number }> = {
    tax_per_mu: { column: "tax", from: (x, i) => x * frame.numbers.get("land_mu")![i] },
    rd_intensity: { column: "rd_expense", from: (x, i) => (x * frame.numbers.get("revenue")![i]) / 100 },
  };
  const gradeWith = (i: number, column: string, value: number) => {
    const numbers = new Map(frame.numbers);
    const col = Float64Array.from(frame.numbers.get(column)!);
    col[i] = value;
    numbers.set(column, col);
    return scorePeriod({ ...frame, numbers }, scheme).grade[i];
  };

  it("every reachable target reaches the next grade, and 1 % less mostly does not", () => {
    let checked = 0, tight = 0;
    const misses: string[] = [];
    for (const i of m.order) {
      const next = m.next[i];
      if (!next) continue;
      for (const imp of improvements(i, next.distance, m.result, scheme, m.params)) {
        const r = raw[imp.indicator.id];
        // A participant the statistics bureau left out has no revenue: its R&D intensity cannot be put into rd_expense alone.
        if (!r || imp.target.kind !== "value" || !Number.isFinite(r.from(imp.target.x, i))) continue;
        checked++;
        const x = imp.target.x;
        const g = gradeWith(i, r.column, r.from(x, i));
        if (grades.indexOf(g) > grades.indexOf(next.grade)) misses.push(`${m.result.ids[i]} ${imp.indicator.id} ${x} → ${g}, wanted ${next.grade}`);
        const from = Number.isFinite(imp.from) ? imp.from : 0;
        if (grades.indexOf(gradeWith(i, r.column, r.from(from + 0.99 * (x - from), i))) > grades.indexOf(next.grade)) tight++;
      }
    }
    expect(misses).toEqual([]);
    expect(checked).toBeGreaterThan(100);
    expect(tight / checked).toBeGreaterThan(0.75); // measured 84 %: the rest have slack from the others falling with the mean
  });
});
