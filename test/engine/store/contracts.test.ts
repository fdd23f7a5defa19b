import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contractBreaches } from "../../../engine/store/contracts.js";

const DEMO = join(import.meta.dirname, "..", "..", "..", "datasets", "demo");

describe("contractBreaches on the demo dataset, 2025", () => {
  it("lists the contracts in breach with actuals computed from the stored period", async () => {
    const r = await contractBreaches(DEMO, "2025");
    expect(r.breaches.map((b) => b.contract.contractId)).toEqual(["GY-2018-002", "GY-2018-004", "GY-2018-003", "GY-2021-007"]);
    const c2 = r.results.find((x) => x.contract.contractId === "GY-2018-002")!;
    // by hand from datasets/demo/2025/: land.xlsx one certificate of 24.98 亩 (unshared); stats.csv
    // 固定资产投资 6833.99, 主营业务收入 1223.09; tax.xlsx 实缴税金 32.25 — 6833.99 / 24.98 etc.
    expect(c2.targets[0].actual).toBeCloseTo(273.57846277021616, 9);
    expect(c2.targets[1].actual).toBeCloseTo(48.962770216172935, 9);
    expect(c2.targets[2].actual).toBeCloseTo(1.2910328262610087, 9);
    const c7 = r.results.find((x) => x.contract.contractId === "GY-2021-007")!;
    expect(c7.yearsSinceStart).toBe(3); // production 2022, due after 3 years: due in 2025
    expect(c7.targets.map((t) => t.status)).toEqual(["not-met", "met", "met"]);
    expect(c7.targets[0].gap).toBeCloseTo(218.16496062992124 - 300, 9); // 16624.17 / 76.2 (stats.csv, land.xlsx)
    expect(r.results.find((x) => x.contract.contractId === "GY-2022-008")!.status).toBe("not-yet-due");
    expect(r.results.find((x) => x.contract.contractId === "GY-2019-011")!.status).toBe("no-data");
    // fixed_investment comes with the merge: the statistics bureau's source maps it.
    expect(r.notes.filter((n) => n.includes("fixed_investment"))).toEqual([]);
  });
  it("refuses a period that is not a year", async () => {
    await expect(contractBreaches(DEMO, "Q1")).rejects.toThrow(/does not start with a year/);
  });
});
