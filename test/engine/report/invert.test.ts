import { describe, expect, it } from "vitest";
import { invertNormalized, type NormParams } from "../../../engine/report/invert.js";
import { normalize } from "../../../engine/score/normalize/index.js";
import type { NormalizeSpec } from "../../../engine/scheme/types.js";

const P = (over: Partial<NormParams>): NormParams => ({ count: 5, mean: 40, sd: 10, min: 0, max: 100, sum: 200, sumSq: 10000, ...over });

describe("the inverse of a normalisation (the value in the indicator's unit that gives r)", () => {
  it("benchmark ratio with a fixed benchmark and a cap: x = r·b for a benefit, x = (2 − r)·b for a cost; above the cap unreachable", () => {
    const spec: NormalizeSpec = { method: "benchmark-ratio", benchmark: 40, factor: 1, cap: 2 };
    // b = 40: r = 1.25 ⇒ x = 50 (50/40 = 1.25)
    expect(invertNormalized(1.25, spec, "benefit", P({ benchmark: 40 }), 20)).toEqual({ kind: "value", x: 50 });
    // exactly at the cap is reachable: r = 2 ⇒ x = 80
    expect(invertNormalized(2, spec, "benefit", P({ benchmark: 40 }), 20)).toEqual({ kind: "value", x: 80 });
    expect(invertNormalized(2.0001, spec, "benefit", P({ benchmark: 40 }), 20)).toEqual({ kind: "unreachable", limit: 2 });
    // cost: r = 2 − x/b ⇒ r = 1.5 with b = 40 gives x = 20
    expect(invertNormalized(1.5, spec, "cost", P({ benchmark: 40 }), 30)).toEqual({ kind: "value", x: 20 });
  });

  it("benchmark ratio with the mean as benchmark: the mean moves with the enterprise's own value", () => {
    const spec: NormalizeSpec = { method: "benchmark-ratio", benchmark: "mean", factor: 1, cap: 2 };
    const p = P({ count: 5, mean: 40, sum: 200, benchmark: 40 });
    const x = (inv: ReturnType<typeof invertNormalized>) => (inv as { x: number }).x;
    // own 20 → x: x/((200 − 20 + x)/5) = 1.25 ⇒ x = 1.25·(40 − 4)/(1 − 1.25/5) = 60; check: mean 48, 60/48 = 1.25
    expect(x(invertNormalized(1.25, spec, "benefit", p, 20))).toBeCloseTo(60, 12);
    // no value reported: it joins the mean, (200 + x)/6 ⇒ x = 1.25·(200/6)/(1 − 1.25/6) = 52.6316; check 52.6316/42.1053 = 1.25
    expect(x(invertNormalized(1.25, spec, "benefit", p))).toBeCloseTo(1000 / 19, 10);
    // cost, own 30: 2 − x/((170 + x)/5) = 1.5 ⇒ x = 0.5·(40 − 6)/(1 − 0.1) = 18.889; check: mean 37.778, 2 − 0.5 = 1.5
    expect(x(invertNormalized(1.5, spec, "cost", p, 30))).toBeCloseTo(17 / 0.9, 10);
    // with factor 2 (Huai'an: 2 × the average) and own 20: x/(2·(180 + x)/5) = 1.25 ⇒ x = 2.5·36/(1 − 0.5) = 180
    expect(x(invertNormalized(1.25, { ...spec, factor: 2 }, "benefit", P({ count: 5, mean: 40, sum: 200, benchmark: 80 }), 20))).toBeCloseTo(180, 10);
    // a ratio of n or more cannot be reached: the mean follows the value (5 enterprises, ratio 5)
    expect(invertNormalized(5, { ...spec, cap: undefined }, "benefit", p, 20).kind).toBe("unreachable");
  });

  it("z-score: x = mean + r·sd (benefit), mean − r·sd (cost)", () => {
    expect(invertNormalized(1.5, { method: "zscore" }, "benefit", P({ mean: 40, sd: 10 }))).toEqual({ kind: "value", x: 55 });
    expect(invertNormalized(1.5, { method: "zscore" }, "cost", P({ mean: 40, sd: 10 }))).toEqual({ kind: "value", x: 25 });
  });

  it("target: x = floor + r(target − floor), capped", () => {
    const spec: NormalizeSpec = { method: "target", floor: 10, target: 30 };
    expect(invertNormalized(0.75, spec, "benefit", P({}))).toEqual({ kind: "value", x: 25 });
    expect(invertNormalized(1.2, spec, "benefit", P({}))).toEqual({ kind: "unreachable", limit: 1 });
  });

  it("interval with explicit bounds: on the enterprise's own side of the ideal interval", () => {
    const spec: NormalizeSpec = { method: "interval", q1: 10, q2: 20, lower: 0, upper: 40 };
    // below: r = 1 − (10 − x)/10 ⇒ r = 0.8 gives x = 8; above: r = 1 − (x − 20)/20 ⇒ r = 0.8 gives x = 24
    expect(invertNormalized(0.8, spec, "benefit", P({}), 5)).toEqual({ kind: "value", x: 8 });
    expect(invertNormalized(0.8, spec, "benefit", P({}), 30)).toEqual({ kind: "value", x: 24 });
  });

  it("is withheld where the inverse is anchored on one enterprise's extreme or on others' positions", () => {
    for (const spec of [{ method: "minmax" }, { method: "max" }, { method: "efficacy", c: 60, d: 40 }, { method: "rank" }, { method: "percentile" }, { method: "interval", q1: 1, q2: 2 }] as NormalizeSpec[])
      expect(invertNormalized(0.5, spec, "benefit", P({}), 0.5)).toEqual({ kind: "withheld" });
  });

  it("undoes a plain log transform: ln x normalised, x = e^y", () => {
    // values 1, e, e²: ln = 0, 1, 2, mean 1; benchmark-ratio on the log scale: r = ln x / 1, so r = 1.5 ⇒ x = e^1.5
    const x = Float64Array.from([1, Math.E, Math.E ** 2]);
    const spec: NormalizeSpec = { method: "benchmark-ratio", benchmark: "mean", factor: 1, transform: "log" };
    const fwd = normalize(x, Uint8Array.from([1, 1, 1]), "benefit", spec);
    expect(fwd.benchmark).toBeCloseTo(1, 12);
    const inv = invertNormalized(1.5, spec, "benefit", P({ benchmark: 1, log: { shifted: false, min: 0 } }));
    expect(inv.kind).toBe("value");
    expect((inv as { x: number }).x).toBeCloseTo(Math.exp(1.5), 12);
    expect(invertNormalized(1, spec, "benefit", P({ benchmark: 1, log: { shifted: true, min: -1 } }))).toEqual({ kind: "withheld" });
  });
});
