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
    expect(index.has(a)).toBe(true);
  });
});
