import { describe, expect, it } from "vitest";
import type { CheckResult, CheckStatus } from "../../../engine/admission/checks.js";
import { decide } from "../../../engine/admission/decision.js";

function r(id: string, level: "mandatory" | "conditional", status: CheckStatus): CheckResult {
  return {
    check: { kind: "threshold", id, label: { zh: id, en: id }, measure: "rd_share", op: ">=", unit: "%", level, appliesTo: "all", by: [], edition: "2017", rows: [], source: "", from: { standard: "s", version: "1", kind: "local", document: "d", file: "f" }, fillHint: "" },
    status, value: 1, threshold: 2, unit: "%", margin: -1, marginPct: -50,
    row: { industry: "", regionClass: "", park: "", edition: "", standard: "s", version: "1", document: "d", source: "", localFill: false },
    how: "", note: { zh: "缺", en: "missing" }, fix: "",
  };
}

describe("decision rule", () => {
  it("mandatory fail → reject, even with unknowns", () => {
    expect(decide([r("a", "mandatory", "fail"), r("b", "mandatory", "unknown"), r("c", "conditional", "fail")]).decision).toBe("reject");
  });
  it("mandatory unknown (no mandatory fail) → incomplete", () => {
    expect(decide([r("a", "mandatory", "unknown"), r("b", "conditional", "fail")]).decision).toBe("incomplete");
  });
  it("only conditional fails or unknowns → admit with conditions", () => {
    expect(decide([r("a", "mandatory", "pass"), r("b", "conditional", "fail")]).decision).toBe("admit-with-conditions");
    expect(decide([r("a", "mandatory", "pass"), r("b", "conditional", "unknown")]).decision).toBe("admit-with-conditions");
  });
  it("all pass or not applicable → admit, no reasons", () => {
    const d = decide([r("a", "mandatory", "pass"), r("b", "conditional", "n/a")]);
    expect(d.decision).toBe("admit");
    expect(d.reasons).toEqual([]);
  });
  it("no applicable check at all → incomplete, never admit", () => {
    const d = decide([r("a", "mandatory", "n/a"), r("b", "conditional", "n/a")]);
    expect(d.decision).toBe("incomplete");
    expect(d.reasons[0].en).toContain("no check of this standard applies");
  });
  it("reasons in Chinese and English, mandatory first", () => {
    const d = decide([r("c", "conditional", "fail"), r("a", "mandatory", "fail")]);
    expect(d.reasons.map((x) => x.check)).toEqual(["a", "c"]);
    expect(d.reasons[0].zh).toContain("低于下限 2 %(差 1 %,即 50%)");
    expect(d.reasons[0].en).toContain("below the minimum of 2 %");
  });
});
