import { describe, expect, test } from "vitest";
import { errorOf } from "../../engine/data/helpers.js";
import { coerce, parseParamArgs, resolveParams } from "../../../notebooks/runtime/params.js";

const DEFAULTS = { period: 2024, id: "E1", verbose: false, parks: ["A", "B"], years: [2020], opts: { k: 1 }, any: null };

/** The first problem of the ParkscoreError that `f` throws. */
const problem = async (f: () => unknown) => (await errorOf(f)).problems[0];

describe("params", () => {
  test("--param values are converted to the type of the default", async () => {
    const p = resolveParams(DEFAULTS, parseParamArgs(["period=2025", "id=91130481MA034XN67R", "verbose=yes", "parks=甲园, 乙园", "years=2021,2022", 'opts={"k":2}', "any=x=y"]));
    expect(p).toEqual({ period: 2025, id: "91130481MA034XN67R", verbose: true, parks: ["甲园", "乙园"], years: [2021, 2022], opts: { k: 2 }, any: "x=y" });
  });

  test("defaults stay when not overridden, and typed overrides from scripts are accepted", async () => {
    expect(resolveParams(DEFAULTS, {})).toEqual(DEFAULTS);
    expect(resolveParams(DEFAULTS, { period: 2019, verbose: true }).period).toBe(2019);
  });

  test("coercion rules", async () => {
    expect(coerce("2024", 1)).toBe(2024);
    expect(coerce(" 1e3 ", 1)).toBe(1000);
    expect(coerce("", 1)).toBeUndefined();
    expect(coerce("12abc", 1)).toBeUndefined();
    expect(coerce("Infinity", 1)).toBeUndefined();
    expect(coerce("0", true)).toBe(false);
    expect(coerce("maybe", true)).toBeUndefined();
    expect(coerce("[1,2]", [0])).toEqual([1, 2]);
    expect(coerce("1,x", [0])).toBeUndefined();
    expect(coerce("", ["a"])).toEqual([]);
  });

  test("an unknown name or a value of the wrong type is an error naming the parameter", async () => {
    const unknown = await problem(() => resolveParams(DEFAULTS, { yaer: "2024" }, "nb.md"));
    expect(unknown.message).toBe('the notebook has no parameter "yaer"');
    expect(unknown.fix).toContain("period, id, verbose");
    expect(unknown.file).toBe("nb.md");
    const wrong = await problem(() => resolveParams(DEFAULTS, { period: "next" }));
    expect(wrong.message).toBe('parameter "period" must be a number (its default is 2024)');
    expect(wrong.value).toBe("next");
    expect((await problem(() => resolveParams(DEFAULTS, { period: "2024x" }))).code).toBe("notebook.param");
    expect((await problem(() => resolveParams(DEFAULTS, { verbose: 1 }))).message).toMatch(/true or false/);
    expect((await problem(() => parseParamArgs(["period"]))).message).toMatch(/not name=value/);
  });
});
