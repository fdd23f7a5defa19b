import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ParkscoreError } from "../../../engine/errors.js";
import { periodsBetween } from "../../../engine/store/window.js";

const demo = join(import.meta.dirname, "..", "..", "..", "datasets", "demo");

describe("periodsBetween", () => {
  it("gives the stored periods between two stored periods, inclusive", () => {
    expect(periodsBetween(demo, "2021", "2023")).toEqual(["2021", "2022", "2023"]);
    expect(periodsBetween(demo, undefined, "2020")).toEqual(["2019", "2020"]);
  });

  it("refuses a bound that is not a stored period, naming the flag and the periods there are", () => {
    for (const [from, to, flag] of [["2021", "2031", "--to 2031"], ["2012", "2025", "--from 2012"]] as const) {
      const e = (() => {
        try {
          periodsBetween(demo, from, to);
        } catch (e) {
          return e;
        }
      })();
      expect(e).toBeInstanceOf(ParkscoreError);
      expect((e as ParkscoreError).message).toContain(`${flag}: no such stored period; the dataset has 2019, 2020, 2021, 2022, 2023, 2024, 2025`);
    }
  });
});
