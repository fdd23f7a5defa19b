import { Table, Utf8, tableToIPC, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { readArrow } from "../../../engine/data/arrow.js";
import { IMPLICIT_ROWS, type Frame, type ReadSpec } from "../../../engine/data/frame.js";
import { checkKey } from "../../../engine/data/key.js";
import { deceptiveCharacters, lookAlikeKey } from "../../../engine/data/look-alike.js";
import { TextColumns } from "../../../engine/data/text.js";
import { ProblemList } from "../../../engine/errors.js";
import { rng } from "./helpers.js";

const spec: ReadSpec = { numeric: [], text: ["id"], key: ["id"] };

/** The four spellings of issue 17: Latin, Cyrillic Е (U+0415), full-width Ｅ (U+FF25), and a zero-width space (U+200B). */
const FOUR = ["E001", "\u0415001", "\uff25001", "E\u200b001"];

/** checkKey over the ids as Arrow text (bytes, undecoded) or as strings (the CSV path; its reader trims). */
function check(ids: string[], as: "arrow" | "strings", s: ReadSpec = spec, extra: Record<string, string[]> = {}): ProblemList {
  const list = new ProblemList(10_000);
  let frame: Frame;
  if (as === "arrow") {
    const cols = Object.fromEntries(Object.entries({ id: ids, ...extra }).map(([k, v]) => [k, vectorFromArray(v, new Utf8())]));
    frame = readArrow(tableToIPC(new Table(cols)), "t.arrow", s, list);
    expect(frame.texts).toBeInstanceOf(TextColumns);
  } else frame = { nrows: ids.length, numbers: new Map(), texts: new Map([["id", ids.map((v) => v.trim())], ...Object.entries(extra)]), origin: { file: "t.csv", rows: IMPLICIT_ROWS, headers: new Map() } };
  checkKey(frame, s, list);
  return list;
}

/** Independently: rows grouped by a Map over every row's look-alike key, groups holding two different ids. */
function naiveGroups(ids: string[]): number[][] {
  const by = new Map<string, number[]>();
  ids.forEach((id, i) => by.set(lookAlikeKey(id.trim()), [...(by.get(lookAlikeKey(id.trim())) ?? []), i + 2]));
  return [...by.values()].filter((rows) => new Set(rows.map((r) => ids[r - 2].trim())).size > 1);
}

/** The groups a look-alike warning names, as rows. */
function warnedGroups(list: ProblemList): number[][] {
  const w = list.warnings.filter((x) => x.code === "data.look-alike-key");
  expect(w.length).toBeLessThanOrEqual(1); // once per file
  if (w.length === 0) return [];
  return w[0].message
    .split(": ")
    .slice(1)
    .join(": ")
    .split("; ")
    .map((g) => [...g.matchAll(/\(row (\d+)/g)].map((m) => Number(m[1])))
    .filter((rows) => rows.length > 0); // "and n more"
}

describe("lookAlikeKey", () => {
  it("reads full-width, Cyrillic and Greek look-alikes and invisible characters as the Latin id", () => {
    for (const id of FOUR) expect(lookAlikeKey(id)).toBe("E001");
    expect(lookAlikeKey("\u0391\u0392\u0421-\u0440\u043e")).toBe("ABC-po"); // Greek Α Β, Cyrillic С р о
    expect(lookAlikeKey("91130481MA\u00ad07\ufeffX")).toBe("91130481MA07X"); // soft hyphen, BOM
    expect(lookAlikeKey("武安钢铁")).toBe("武安钢铁"); // Chinese is left as it is
    expect(lookAlikeKey("E002")).not.toBe(lookAlikeKey("E001"));
  });
  it("names the characters that deceive", () => {
    expect(FOUR.map(deceptiveCharacters)).toEqual([[], ["U+0415"], ["U+FF25"], ["U+200B"]]);
    expect(deceptiveCharacters("武安钢铁")).toEqual([]);
  });
});

describe.each(["arrow", "strings"] as const)("checkKey on %s: look-alike ids", (as) => {
  it("warns once about E001, Cyrillic Е001, full-width Ｅ001 and E001 with a zero-width space, naming ids and rows, and keeps them apart", () => {
    const list = check(["A1", ...FOUR, "B2"], as);
    expect(list.problems).toEqual([]); // not an error: four enterprises, as the file says
    expect(list.warnings).toHaveLength(1);
    const w = list.warnings[0];
    expect(w.code).toBe("data.look-alike-key");
    expect(w.file).toBe(as === "arrow" ? "t.arrow" : "t.csv");
    expect(w.message).toContain('"E001" (row 3) vs "\u0415001" (row 4: U+0415) vs "\uff25001" (row 5: U+FF25) vs "E\u200b001" (row 6: U+200B)');
    expect(w.fix).toMatch(/write its key the same way/);
  });

  it("finds a look-alike whichever comes first, and between two non-Latin spellings with no Latin one", () => {
    expect(warnedGroups(check(["\u0415001", "X", "E001"], as))).toEqual([[2, 4]]);
    expect(warnedGroups(check(["\u0415001", "X", "\uff25001"], as))).toEqual([[2, 4]]);
    expect(warnedGroups(check(["华为", "华为\u200b", "中兴"], as))).toEqual([[2, 3]]);
  });

  it("says nothing of plain ASCII ids, of Chinese ids, or of ids that differ visibly", () => {
    for (const ids of [["E001", "E002", "e001"], ["武安钢铁", "武安新材", "ΑΩ"], ["E001", "\u0415002"]]) expect(check(ids, as).warnings).toEqual([]);
  });

  it("finds the same groups as a Map over every row's look-alike key, among thousands of ids", () => {
    const r = rng(17);
    const spell = (id: string) => {
      const u = r();
      return u < 0.01 ? id.replace("E", "\u0415") : u < 0.02 ? id.replace("0", "\uff10") : u < 0.03 ? `${id.slice(0, 2)}\u200b${id.slice(2)}` : u < 0.04 ? `武安${id}` : id;
    };
    const ids = Array.from({ length: 4000 }, (_, i) => spell(`E${String(Math.floor(r() * 3000)).padStart(5, "0")}`));
    const unique = [...new Set(ids)]; // repeats are errors, reported apart
    const expected = naiveGroups(unique);
    expect(expected.length).toBeGreaterThan(10);
    const list = check(unique, as);
    expect(list.problems).toEqual([]);
    const shown = warnedGroups(list);
    expect(shown).toEqual(expected.sort((a, b) => a[0] - b[0]).slice(0, 10)); // the first ten, then a count
    expect(list.warnings[0].message).toContain(`; and ${expected.length - 10} more`);
  });

  it("compares a key of several columns part by part", () => {
    const s: ReadSpec = { numeric: [], text: ["id", "period"], key: ["period", "id"] };
    expect(warnedGroups(check(["E001", "\u0415001", "E001"], as, s, { period: ["2024", "2024", "2025"] }))).toEqual([[2, 3]]);
    expect(check(["E001", "\u0415001"], as, s, { period: ["2024", "2025"] }).warnings).toEqual([]);
  });
});

describe.each(["arrow", "strings"] as const)("checkKey on %s: control characters", (as) => {
  it("refuses an id holding ESC, BEL, a line break, a tab, DEL or a C1 control, naming row and column, the value shown escaped", () => {
    const ids = ["E1", "E\u001b[2J2", "E\u00073", "E\n4", "E\t5", "E6\u007f", "E\u009b7", " E8\t"];
    const list = check(ids, as);
    expect(list.problems.map((p) => [p.code, p.row, p.column, p.value])).toEqual([
      ["data.control-character", 3, "id", "E\\x1b[2J2"],
      ["data.control-character", 4, "id", "E\\x073"],
      ["data.control-character", 5, "id", "E\\x0a4"],
      ["data.control-character", 6, "id", "E\\x095"],
      ["data.control-character", 7, "id", "E6\\x7f"],
      ["data.control-character", 8, "id", "E\\x9b7"],
    ]); // " E8\t": blanks around a value are trimmed, as everywhere
    expect(list.problems[0].message).toMatch(/holds a control character/);
  });
});
