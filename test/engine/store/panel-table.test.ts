import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { panelTable, type PanelTable } from "../../../engine/store/panel-table.js";
import { periodResult } from "../../../engine/store/results.js";

const DATA = join(import.meta.dirname, "..", "..", "..", "datasets", "demo");
const INDICATORS = ["tax_per_mu", "va_per_mu", "labour_productivity", "rd_intensity", "va_per_energy", "va_per_emission"];

describe("panelTable", () => {
  let t: PanelTable;
  beforeAll(async () => {
    t = await panelTable(DATA);
  }, 30_000);

  it("has one row per enterprise and period, oldest period first", () => {
    // datasets/demo/README.md: 225, 231, 234, 238, 244, 251, 260 participants
    expect(t.periods).toEqual(["2019", "2020", "2021", "2022", "2023", "2024", "2025"]);
    expect(t.nrows).toBe(225 + 231 + 234 + 238 + 244 + 251 + 260);
    expect(t.indicators).toEqual(INDICATORS);
    expect(Object.keys(t.columns)).toEqual([
      "period", "id", "name", "park", "industry", "industry_name", "size", "status", "score", "rank", "grade", "vetoed",
      ...["value", "norm", "contrib"].flatMap((p) => INDICATORS.map((i) => `${p}.${i}`)),
    ]);
    for (const c of Object.values(t.columns)) expect(c.length).toBe(t.nrows);
    const period = t.columns.period as string[];
    expect(period[0]).toBe("2019");
    expect(period[224]).toBe("2019");
    expect(period[225]).toBe("2020");
    expect(period[t.nrows - 1]).toBe("2025");
  });

  it("copies each period's result row for row, with NaN rank where not graded", async () => {
    const { result: r } = await periodResult(DATA, "2020");
    const at = 225; // 2020 starts after 2019's 225 rows
    for (let i = 0; i < r.n; i++) {
      const row = at + i;
      expect((t.columns.id as string[])[row]).toBe(r.ids[i]);
      expect((t.columns.park as string[])[row]).toBe(r.carry.get("park")![i]);
      expect((t.columns.status as string[])[row]).toBe(r.status[i]);
      expect((t.columns.grade as string[])[row]).toBe(r.grade[i]);
      expect((t.columns.score as Float64Array)[row]).toBe(r.score[i]);
      expect((t.columns.rank as Float64Array)[row]).toBe(r.status[i] === "graded" ? r.rank[i] : NaN);
      for (const id of INDICATORS) {
        expect((t.columns[`value.${id}`] as Float64Array)[row]).toBe(r.values.get(id)![i]);
        expect((t.columns[`contrib.${id}`] as Float64Array)[row]).toBe(r.contrib.get(id)![i]);
      }
    }
    const notGraded = r.status.filter((s) => s !== "graded").length;
    expect(notGraded).toBe(47); // README: 47 not gradable in 2020
    const ranks = (t.columns.rank as Float64Array).subarray(at, at + r.n);
    expect(ranks.filter((x) => Number.isNaN(x)).length).toBe(notGraded);
  });

  it("the contributions of a graded row add up to its score before rule points", () => {
    // the default enterprise of notebooks/enterprise.md, 2025: no bonus or penalty applies to it
    const row = (t.columns.id as string[]).lastIndexOf("91130481MA0CWJC00N");
    const sum = INDICATORS.reduce((s, id) => s + (t.columns[`contrib.${id}`] as Float64Array)[row], 0);
    expect(sum).toBeCloseTo((t.columns.score as Float64Array)[row], 6);
  });

  it("takes a range of periods", async () => {
    const two = await panelTable(DATA, { from: "2024", to: "2025" });
    expect(two.periods).toEqual(["2024", "2025"]);
    expect(two.nrows).toBe(251 + 260);
    expect(two.results.map((r) => r.period)).toEqual(["2024", "2025"]);
  });
});
