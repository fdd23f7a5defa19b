import { describe, expect, it } from "vitest";
import { breaches, evaluateCommitments, evaluateContract, type Actual, type Contract } from "../../../engine/admission/commitments.js";

const contract = (over: Partial<Contract> = {}): Contract => ({
  contractId: "C1", id: "E1", name: "e", date: "2020-01-01", productionStart: 2021, dueAfterYears: 3, landMu: NaN,
  targets: { investment_intensity: 300, output_per_mu: 300, tax_per_mu: 15 }, row: 2, ...over,
});
// 20 亩: 6000 万元 investment = 300 万元/亩, revenue 6000 = 300, tax 300 = 15 — exactly at every target
const actual = (over: Partial<Actual> = {}): Actual => ({ landMu: 20, fixedInvestment: 6000, revenue: 6000, tax: 300, ...over });

describe("commitments", () => {
  it("not yet due before production start + N years", () => {
    const r = evaluateContract(contract(), "2023", 2023, actual({ tax: 1 }));
    expect(r.status).toBe("not-yet-due");
    expect(r.dueYear).toBe(2024);
    expect(r.targets.every((t) => t.status === "not-yet-due")).toBe(true);
    expect(r.targets[2].gap).toBeCloseTo(0.05 - 15, 12); // still shown
  });
  it("due at exactly N years; at the target is met", () => {
    const r = evaluateContract(contract(), "2024", 2024, actual());
    expect(r.due).toBe(true);
    expect(r.status).toBe("met");
    expect(r.targets.map((t) => t.gap)).toEqual([0, 0, 0]);
  });
  it("just below a target is a breach with the gap in 万元/亩 and percent", () => {
    const r = evaluateContract(contract(), "2025", 2025, actual({ tax: 290 }));
    expect(r.status).toBe("breach");
    const tax = r.targets[2];
    expect(tax.status).toBe("not-met");
    expect(tax.actual).toBeCloseTo(14.5, 12);
    expect(tax.gap).toBeCloseTo(-0.5, 12);
    expect(tax.gapPct).toBeCloseTo((-0.5 / 15) * 100, 10);
    expect(evaluateContract(contract(), "2025", 2025, actual({ tax: 310 })).status).toBe("met");
  });
  it("the contract's land area is used when given", () => {
    const r = evaluateContract(contract({ landMu: 40 }), "2025", 2025, actual());
    expect(r.targets[0].actual).toBe(150);
    expect(r.status).toBe("breach");
  });
  it("an enterprise absent from the period has no data; blank targets are not assessed", () => {
    const rs = evaluateCommitments([contract(), contract({ contractId: "C2", id: "E2", targets: { investment_intensity: NaN, output_per_mu: NaN, tax_per_mu: 10 } })], "2025", new Map([["E2", actual()]]));
    expect(rs[0].status).toBe("no-data");
    expect(rs[0].present).toBe(false);
    expect(rs[1].targets.map((t) => t.status)).toEqual(["no-target", "no-target", "met"]);
  });
  it("breach list: worst relative shortfall first", () => {
    const rs = evaluateCommitments([contract({ contractId: "A", id: "A" }), contract({ contractId: "B", id: "B" })], "2025", new Map([["A", actual({ tax: 290 })], ["B", actual({ revenue: 3000 })]]));
    expect(breaches(rs).map((r) => r.contract.contractId)).toEqual(["B", "A"]);
  });
});
