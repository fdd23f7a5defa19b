import { describe, expect, it } from "vitest";
import { textTable, listing } from "../../cli/format.js";
import { formatProblem, ParkscoreError } from "../../engine/errors.js";
import { printable } from "../../engine/printable.js";
import { RAW_CONTROL } from "../cli/raw-control.js";

describe("printable", () => {
  it("writes every control character visibly, as \\xNN or \\uNNNN", () => {
    expect(printable("a\u001b[2Jb")).toBe("a\\x1b[2Jb");
    expect(printable("\u0007\r\n\t\u007f\u0085\u009b")).toBe("\\x07\\x0d\\x0a\\x09\\x7f\\x85\\x9b");
    expect(printable("abc\u202edcba")).toBe("abc\\u202edcba"); // right-to-left override
    expect(printable(Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join(""))).not.toMatch(RAW_CONTROL);
    expect(printable("\n")).toBe("\\x0a"); // and the line feed, which RAW_CONTROL lets through for the CLI's own lines
  });
  it("leaves everything else as it is", () => {
    const s = "武安市钢铁 Ｅ001 Е001 — 100% \\ ok";
    expect(printable(s)).toBe(s);
  });
});

describe("what the CLI prints is printable by construction", () => {
  it("textTable escapes every cell and keeps the columns aligned", () => {
    const t = textTable(["id", "name"], [["E1", "a\u001b[2J\rb"], ["E2", "中\n文"]]);
    expect(t).not.toMatch(RAW_CONTROL);
    expect(t.split("\n")).toEqual(["id  name", "──  ─────────────", "E1  a\\x1b[2J\\x0db", "E2  中\\x0a文"]);
  });
  it("listing escapes each line", () => {
    expect(listing("note(s)", ["one\u0007", "two\nfake line"])).toBe("note(s):\n  one\\x07\n  two\\x0afake line");
  });
  it("an error that echoes a value escapes it, in every field", () => {
    const p = { code: "x", file: "in\u001b.csv", row: 3, column: "na\u0007me", message: "bad \u009b", value: "v\r\n", fix: "f\u001b" };
    expect(formatProblem(p)).toBe('in\\x1b.csv:3: column "na\\x07me": bad \\x9b (value "v\\x0d\\x0a"). Fix: f\\x1b');
    expect(new ParkscoreError([p, p]).message.split("\n")).toHaveLength(2); // one line per problem
  });
});
