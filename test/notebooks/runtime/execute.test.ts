import { describe, expect, test } from "vitest";
import { join } from "node:path";
import { executeCells } from "../../../notebooks/runtime/execute.js";
import { parseNotebook } from "../../../notebooks/runtime/parse.js";
import type { CellResult } from "../../../notebooks/runtime/types.js";
import { expectEscaped, HOSTILE } from "../../hostile-value.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** A notebook of the given cells (ts unless a cell starts with "//js"), run; the file sits in fixtures/. */
async function run(cells: string[], params: Record<string, unknown> = {}, front = ""): Promise<CellResult[]> {
  const text = (front ? `---\n${front}\n---\n` : "") + cells.map((c) => (c.startsWith("//js") ? "```js\n" : "```ts\n") + c + "\n```\n").join("\n");
  const nb = parseNotebook(text, join(FIXTURES, "inline.md"));
  return executeCells(nb, { params: params as never, data: "datasets/demo" });
}

/** The text shown by a result's outputs (tags stripped, entities decoded). */
function shown(r: CellResult): string[] {
  return r.outputs.map((o) =>
    o.html
      .replace(/<[^>]+>/g, "")
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " "),
  );
}

describe("one shared scope", () => {
  test("const, let, var, function, class and destructuring declared in one cell are seen by later cells", async () => {
    const r = await run([
      "const a: number = 1; let b = 2; var c = 3;\nconst { d, e: [f] } = { d: 4, e: [5] };\nfunction g(x: number): number { return x * 10; }\nclass K { constructor(public v: number) {} }\nlet u;",
      "[a, b, c, d, f, g(2), new K(7).v, u]",
    ]);
    expect(r.map((x) => x.status)).toEqual(["ok", "ok"]);
    expect(shown(r[1])).toEqual(["[ 1, 2, 3, 4, 5, 20, 7, undefined ]"]);
  });

  test("the scope is live: a function from an earlier cell sees later assignments, and can change them", async () => {
    const r = await run(["let count = 0;\nconst bump = () => ++count;\nfunction read() { return count; }", "bump(); bump(); count += 10;", "[count, read()]"]);
    expect(shown(r[2])).toEqual(["[ 12, 12 ]"]);
  });

  test("a function can be called before its declaration in the same cell (hoisting)", async () => {
    const r = await run(["const y = twice(21);\nfunction twice(n: number) { return 2 * n; }\ny"]);
    expect(shown(r[0])).toEqual(["42"]);
  });

  test("a later cell may declare a name again (it reassigns it), as re-running an edited cell needs", async () => {
    const r = await run(["const x = 1;", "const x = 2;", "x"]);
    expect(r.map((c) => c.status)).toEqual(["ok", "ok", "ok"]);
    expect(shown(r[2])).toEqual(["2"]);
  });

  test("block-scoped declarations inside loops and blocks stay local", async () => {
    const r = await run(["let total = 0;\nfor (const i of [1, 2, 3]) { const sq = i * i; total += sq; }\n{ let inner = 5; }", "[total, typeof inner, typeof sq, typeof i]"]);
    expect(shown(r[1])).toEqual(["[ 14, 'undefined', 'undefined', 'undefined' ]"]);
  });

  test("top-level await, static and dynamic imports (packages and paths relative to the notebook)", async () => {
    const r = await run([
      'import { mean } from "simple-statistics";\nimport * as path from "node:path";\nimport greet, { answer } from "./lib/helper.mjs";\nconst later = await new Promise<number>((ok) => setTimeout(() => ok(5), 5));',
      'const util = await import("node:util");\n[mean([1, 2, 6]), path.basename("/a/b.md"), greet("园区"), answer, later, typeof util.inspect]',
    ]);
    expect(r[0].error).toBeUndefined();
    expect(shown(r[1])).toEqual(["[ 3, 'b.md', 'hello 园区', 42, 5, 'function' ]"]);
  });

  test("js cells share the scope with ts cells; TypeScript-only syntax is stripped", async () => {
    const r = await run(["interface P { id: string }\ntype N = number;\nenum Color { Red, Green }\nconst xs: P[] = [{ id: 'a' }];\nconst n = xs.length as N;", "//js\n[n, Color.Green, xs[0].id]"]);
    expect(shown(r[1])).toEqual(["[ 1, 1, 'a' ]"]);
  });

  test("built-ins: params, data, the engine API by name and as ps, and the libraries", async () => {
    const r = await run(["[params.period, data, typeof periodResult, ps.listPeriods === listPeriods, typeof Plot.plot, typeof vl.compile, typeof aq.table, typeof Arrow.tableFromArrays, ss.median([3, 1, 2]), typeof cjkMargin]"], { period: 2023 });
    expect(shown(r[0])).toEqual(["[ 2023, 'datasets/demo', 'function', true, 'function', 'function', 'function', 'function', 2, 'function' ]"]);
  });

  test("params are frozen: a cell cannot change them (silently in sloppy mode, an error under \"use strict\")", async () => {
    const r = await run(["params.period = 1;", "params.period"], { period: 2024 });
    expect(shown(r[1])).toEqual(["2024"]);
    const strict = await run(['"use strict";\nparams.period = 1;'], { period: 2024 });
    expect(strict[0].error).toMatchObject({ name: "TypeError", cellLine: 2 });
  });
});

describe("what a cell shows", () => {
  test("the last expression is shown unless undefined; display() shows values in order", async () => {
    const r = await run(['display("first");\ndisplay(2);\n"last"', "const q = 1;", "undefined", "display(1)", "//js\n({ a: 1 })"]);
    expect(shown(r[0])).toEqual(["first", "2", "last"]);
    expect(r[1].outputs).toEqual([]);
    expect(r[2].outputs).toEqual([]);
    expect(shown(r[3])).toEqual(["1"]);
    expect(shown(r[4])).toEqual(["{ a: 1 }"]);
  });

  test("console output goes into the cell", async () => {
    const r = await run(['console.log("n =", 3, { k: [1] });\nconsole.warn("careful");']);
    expect(shown(r[0])).toEqual(["n = 3 { k: [ 1 ] }", "careful"]);
    expect(r[0].outputs[1].html).toContain("ps-log-warn");
  });

  test("what a cell logs or shows is text, not markup", async () => {
    const r = await run([`console.log(${JSON.stringify(HOSTILE)});\nconsole.error(${JSON.stringify(HOSTILE)});\n${JSON.stringify(HOSTILE)}`]);
    expect(r[0].outputs.map((o) => o.kind)).toEqual(["text", "text", "text"]);
    for (const o of r[0].outputs) expectEscaped(o.html);
  });
});

describe("errors", () => {
  test("a runtime error names its line in the cell and in the file; later cells are not run", async () => {
    const r = await run(["const ok = 1;", "const rows = [1, 2];\n\nconst bad = (rows as any).missing.field;\nconst after = 2;", "ok", "//js\nok"]);
    expect(r.map((c) => c.status)).toEqual(["ok", "error", "not-run", "not-run"]);
    const e = r[1].error!;
    expect(e.name).toBe("TypeError");
    expect(e.message).toMatch(/reading 'field'/);
    expect(e.cellLine).toBe(3);
    // cell 2's code starts on file line 6 (``` on line 5), so its line 3 is file line 8.
    expect(r[1].cell.line).toBe(6);
    expect(e.fileLine).toBe(8);
    expect(r[2].outputs).toEqual([]);
  });

  test("the line survives TypeScript types that esbuild removes above it", async () => {
    const r = await run(["interface A {\n  x: number;\n  y: number;\n}\ntype B = A;\nconst a: A = { x: 1, y: 2 };\nthrow new Error(`boom ${a.x}`);"]);
    expect(r[0].error).toMatchObject({ name: "Error", message: "boom 1", cellLine: 7, fileLine: 8 });
  });

  test("an error thrown by a function from an earlier cell points at that cell's line", async () => {
    const r = await run(["function check(v: number) {\n  if (v < 0) throw new RangeError(`negative: ${v}`);\n  return v;\n}", "check(1);\ncheck(-2);"]);
    expect(r[1].error).toMatchObject({ name: "RangeError", cell: 0, cellLine: 2, fileLine: 3 });
  });

  test("a syntax error is reported at its line and nothing of the cell runs", async () => {
    const r = await run(['display("no");\nconst x = ;', "1"]);
    expect(r[0].status).toBe("error");
    expect(r[0].error).toMatchObject({ name: "SyntaxError", cellLine: 2, fileLine: 3 });
    expect(r[0].outputs).toEqual([]);
    expect(r[1].status).toBe("not-run");
  });

  test("outputs shown before the error stay; a rejected await and a thrown non-Error are errors too", async () => {
    const r = await run(['display("before");\nawait Promise.reject(new Error("async failure"));']);
    expect(shown(r[0])).toEqual(["before"]);
    expect(r[0].error).toMatchObject({ message: "async failure", cellLine: 2 });
    const s = await run(['throw "plain";']);
    expect(s[0].error).toMatchObject({ name: "Error", message: "plain" });
  });

  test("a promise a cell rejects without awaiting fails that cell instead of ending the process", async () => {
    const r = await run(['Promise.reject(new Error("forgotten"));\n"done"', "1"]);
    expect(r.map((c) => c.status)).toEqual(["error", "not-run"]);
    expect(r[0].error).toMatchObject({ message: "forgotten", cellLine: 1 });
  });

  test("cells cannot export", async () => {
    const r = await run(["const a = 1;\nexport { a };"]);
    expect(r[0].error?.message).toMatch(/cannot export/);
    expect(r[0].error?.cellLine).toBe(2);
  });
});
