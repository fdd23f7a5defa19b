import { describe, expect, it } from "vitest";
import { bandGrades, quotaGrades } from "../../../engine/score/grade.js";
import { ascendingOrder, competitionRanks } from "../../../engine/score/rank.js";
import type { Grading } from "../../../engine/scheme/types.js";

const HUAIAN: Extract<Grading, { method: "quotas" }> = { method: "quotas", grades: ["A", "B", "C", "D"], quotas: [0.2, 0.4, 0.35, 0.05], veto: "D", labels: {} };

function ranks(scores: number[]): Int32Array {
  const out = new Int32Array(scores.length);
  competitionRanks(Float64Array.from(scores), Int32Array.from(scores.keys()), out);
  return out;
}

function grades(scores: number[], g = HUAIAN): string[] {
  const rank = ranks(scores);
  const out: string[] = new Array(scores.length).fill("");
  quotaGrades(rank, Int32Array.from(scores.keys()), scores.length, g, out);
  return out;
}

describe("ranks", () => {
  it("gives 1 to the best and equal scores the lowest shared number (1, 2, 2, 4)", () => {
    expect([...ranks([90, 80, 80, 70])]).toEqual([1, 2, 2, 4]);
    expect([...ranks([70, 80, 90, 80])]).toEqual([4, 2, 1, 2]);
  });
  it("offsets ranks (vetoed enterprises rank after the others)", () => {
    const out = new Int32Array(3);
    competitionRanks(Float64Array.from([5, 9, 7]), Int32Array.from([0, 2]), out, 10);
    expect([...out]).toEqual([12, 0, 11]);
  });
});

describe("quota grades", () => {
  it("gives exactly 20 / 40 / 35 / 5 of 100 distinct scores", () => {
    const g = grades(Array.from({ length: 100 }, (_, i) => 100 - i));
    const count = (x: string) => g.filter((y) => y === x).length;
    expect([count("A"), count("B"), count("C"), count("D")]).toEqual([20, 40, 35, 5]);
    expect(g[19]).toBe("A");
    expect(g[20]).toBe("B");
    expect(g[59]).toBe("B"); // 0.2 + 0.4 is 0.6000000000000001 in binary: rank 61 must still be C
    expect(g[60]).toBe("C");
    expect(g[95]).toBe("D");
  });
  it("keeps a tie at a quota boundary in one grade (the better one)", () => {
    const scores = Array.from({ length: 10 }, (_, i) => 10 - i);
    scores[2] = scores[1]; // ranks 1, 2, 2, 4…: the 20% boundary falls between the tied two
    const g = grades(scores);
    expect(g.slice(0, 4)).toEqual(["A", "A", "A", "B"]);
  });
  it("puts everyone in the first grade when all scores are equal", () => {
    expect(grades([3, 3, 3, 3, 3])).toEqual(["A", "A", "A", "A", "A"]);
  });
});

describe("band grades", () => {
  it("gives the first grade whose lowest score is reached", () => {
    const g: Extract<Grading, { method: "bands" }> = { method: "bands", grades: ["A", "B", "C", "D"], bands: [80, 60, 40, 0], veto: "D", labels: {} };
    const out: string[] = new Array(6).fill("");
    bandGrades(Float64Array.from([95, 80, 79.999, 60, 12, -5]), Int32Array.from([0, 1, 2, 3, 4, 5]), g, out);
    expect(out).toEqual(["A", "A", "B", "B", "D", "D"]);
  });
});

describe("ranks at scale (radix order)", () => {
  it("agrees with a plain comparison count on random scores with ties, negatives and ±0", () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const scores = Array.from({ length: 3000 }, () => {
      const u = rand();
      return u < 0.1 ? 0 : u < 0.15 ? -0 : u < 0.3 ? Math.round(rand() * 20) - 10 : (rand() - 0.3) * 1e6 * rand();
    });
    const got = ranks(scores);
    for (let i = 0; i < scores.length; i++) {
      const better = scores.filter((s) => s > scores[i]).length;
      expect(got[i]).toBe(better + 1);
    }
  });

  it("agrees with it on scores rounded to 9 decimals (sorted as integers), out of 1, out of 100 and beyond 2³² billionths", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const round = (s: number) => Math.round(s * 1e9) / 1e9;
    for (const scale of [1, 100, 5000]) {
      // Neighbours one billionth apart, ties, ±0 and negatives (after penalties).
      const scores = Array.from({ length: 2000 }, (_, i) => {
        const u = rand();
        return u < 0.05 ? 0 : u < 0.08 ? -0 : u < 0.2 ? round(0.5 * scale) + (i % 3) * 1e-9 : round((rand() - 0.1) * scale);
      }).map(round);
      const got = ranks(scores);
      const sorted = [...scores].sort((a, b) => b - a);
      scores.forEach((s, i) => expect(got[i]).toBe(sorted.findIndex((t) => t === s) + 1));
    }
  });
});

describe("the ascending order", () => {
  // The reference: a comparison sort, ties in the order given.
  const reference = (x: Float64Array, rows: Int32Array) =>
    Int32Array.from([...rows.keys()].sort((a, b) => (x[rows[a]] < x[rows[b]] ? -1 : x[rows[a]] > x[rows[b]] ? 1 : a - b)).map((k) => rows[k]));
  let seed = 99;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const cases: Record<string, () => number> = {
    "spread evenly": () => rand() * 100,
    "a few values, many ties": () => Math.floor(rand() * 5),
    "a long right tail (lognormal)": () => Math.exp(3 * Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand())),
    "many orders of magnitude (left to the radix sort)": () => 2 ** -Math.floor(rand() * 900),
    "negatives, ±0 and clusters": () => { const u = rand(); return u < 0.1 ? 0 : u < 0.2 ? -0 : u < 0.5 ? -3 + rand() * 1e-12 : (rand() - 0.5) * 1e6; },
    "infinite values (left to the radix sort)": () => { const u = rand(); return u < 0.01 ? Infinity : u < 0.02 ? -Infinity : rand(); },
  };
  for (const [name, gen] of Object.entries(cases)) {
    it(`is a stable sort: ${name}`, () => {
      const x = Float64Array.from({ length: 20000 }, gen);
      const rows = Int32Array.from({ length: 15000 }, (_, k) => (k * 7919) % 20000); // a subset, not in row order
      const got = ascendingOrder(x, rows);
      const want = reference(x, rows);
      expect(got.length).toBe(want.length);
      let same = true;
      for (let k = 0; k < got.length; k++) if (got[k] !== want[k]) same = false;
      expect(same).toBe(true);
    });
  }
});
