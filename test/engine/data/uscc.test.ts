import { describe, expect, it } from "vitest";
import { isValidUscc, normalizeUscc, ParticipantIndex, usccCheckCharacter, usccProblem } from "../../../engine/data/uscc.js";

describe("USCC check character (GB 32100-2015)", () => {
  it("gives the issue's example: 91350100M000100Y4 takes 3", () => {
    expect(usccCheckCharacter("91350100M000100Y4")).toBe("3");
    expect(isValidUscc("91350100M000100Y43")).toBe(true);
  });

  it("matches hand computations", () => {
    // Σ = value('1')·w17 = 1·28 = 28; 31 − 28 = 3
    expect(usccCheckCharacter("00000000000000001")).toBe("3");
    // Σ = 10·28 = 280 ≡ 1 (mod 31); 31 − 1 = 30 → the 31st character, Y
    expect(usccCheckCharacter("0000000000000000A")).toBe("Y");
    // Σ = 0 → (31 − 0) mod 31 = 0 → "0"
    expect(usccCheckCharacter("00000000000000000")).toBe("0");
    // Σ = 1·1 + 1·3 = 4; 31 − 4 = 27 → U (0–9 are 0–9, A–H 10–17, J–N 18–22, P 23, Q 24, R 25, T 26, U 27)
    expect(usccCheckCharacter("11000000000000000")).toBe("U");
  });

  it("names what is wrong with a code", () => {
    expect(usccProblem("91350100M000100Y4")).toMatch(/17 characters, not 18/);
    expect(usccProblem("91350100M000100I43")).toMatch(/character 16 "I"/);
    expect(usccProblem("91350100M000100Y45")).toMatch(/check character is "5", but the first 17 characters give "3"/);
    expect(usccCheckCharacter("9135010OM000100Y4")).toBeUndefined();
  });
});

describe("normalizeUscc", () => {
  it("makes full-width, lower-case and spaced codes comparable", () => {
    expect(normalizeUscc("９１３５０１００ｍ０００１００ｙ４３")).toBe("91350100M000100Y43");
    expect(normalizeUscc(" 91350100m000100y43\u3000")).toBe("91350100M000100Y43");
    expect(normalizeUscc("913501 00M000\u200B100Y43")).toBe("91350100M000100Y43");
  });
});

describe("ParticipantIndex", () => {
  const a = "91350100M000100Y43";
  const b = "91350100M000100Y51"; // differs from a at positions 17 and 18
  const index = new ParticipantIndex([a, b]);

  it("finds the participant whose check character alone differs", () => {
    expect(index.nearest("91350100M000100Y44")).toEqual([{ code: a, differs: "check", position: 18 }]);
  });

  it("finds the participant one other character away", () => {
    expect(index.nearest("91350100M000200Y43")).toEqual([{ code: a, differs: "character", position: 13 }]);
  });

  it("finds nothing two characters away, and lists every participant one away", () => {
    expect(index.nearest("91350100M000299Y43")).toEqual([]);
    expect(new ParticipantIndex([a, "91350100M000100Y53"]).nearest("91350100M000100Y33").map((n) => n.code)).toEqual([a, "91350100M000100Y53"]);
  });

  it("finds the same participants once it indexes a list with many codes to look up", () => {
    const list = Array.from({ length: 200 }, (_, i) => `91350100M000${String(i).padStart(3, "0")}Y4${i % 10}`);
    const wrong = (c: string, k: number) => c.slice(0, k) + "X" + c.slice(k + 1);
    const queries = [...[17, 3, 8, 12, 15, 16].flatMap((k) => list.map((c) => wrong(c, k))), list[0], "SHORT"]; // 1,202 lookups: the index is built after 1,000
    const scanned = queries.map((q) => new ParticipantIndex(list).nearest(q));
    const indexed = new ParticipantIndex(list);
    expect(queries.map((q) => indexed.nearest(q))).toEqual(scanned);
    expect(scanned[0]).toEqual([{ code: list[0], differs: "check", position: 18 }]);
    // …000Y40 is one character from …100Y40 (position 13) and from …010Y40, …020Y40, … …090Y40 (position 14).
    expect(scanned.at(-2)!.map((n) => [n.code, n.position])).toEqual([[list[100], 13], ...[10, 20, 30, 40, 50, 60, 70, 80, 90].map((i) => [list[i], 14])]);
    expect(scanned.at(-1)).toEqual([]);
  });
});
