import { describe, expect, test } from "vitest";
import { errorOf } from "../../engine/data/helpers.js";
import { join } from "node:path";
import { parseNotebook, readNotebook } from "../../../notebooks/runtime/parse.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** The first problem of the ParkscoreError that `f` throws. */
const problem = async (f: () => unknown) => (await errorOf(f)).problems[0];

describe("parseNotebook", () => {
  test("front matter gives title, description and typed param defaults", async () => {
    const nb = readNotebook(join(FIXTURES, "basic.md"));
    expect(nb.title).toBe("Fixture notebook");
    expect(nb.description).toBe("A small notebook the runtime tests run.");
    expect(nb.params).toEqual({ period: 2024, top: 3, label: "园区" });
  });

  test("cells keep their language, code and the file line of their first code line", async () => {
    const text = ["---", "title: T", "---", "", "Intro", "", "```ts", "const a = 1;", "a", "```", "", "```js", "a + 1", "```", "", "```python", "print(1)", "```", "", "```TypeScript", "2", "```"].join("\n");
    const nb = parseNotebook(text, "t.md");
    expect(nb.cells.map((c) => [c.lang, c.line, c.code])).toEqual([
      ["ts", 8, "const a = 1;\na"],
      ["js", 13, "a + 1"],
      ["ts", 21, "2"],
    ]);
    // The python block is prose (shown, not run); blocks keep file order.
    expect(nb.blocks.map((b) => b.kind)).toEqual(["prose", "cell", "cell", "prose", "cell"]);
    const python = nb.blocks[3];
    expect(python.kind === "prose" && python.prose.markdown).toContain("print(1)");
    expect(python.kind === "prose" && python.prose.line).toBe(15);
  });

  test("longer fences may contain shorter ones; ~~~ fences work", async () => {
    const nb = parseNotebook("````ts\nconst s = `\n```\n`;\n````\n~~~js\n1\n~~~\n", "t.md");
    expect(nb.cells.map((c) => c.code)).toEqual(["const s = `\n```\n`;", "1"]);
  });

  test("without front matter the title is the first heading, else the file name", async () => {
    expect(parseNotebook("# 园区趋势\n\ntext", "x/trends.md").title).toBe("园区趋势");
    expect(parseNotebook("text only", "x/trends.md").title).toBe("trends");
    expect(parseNotebook("text only", "x/trends.md").params).toEqual({});
  });

  test("bad front matter is an error with the file line", async () => {
    const p = await problem(() => parseNotebook("---\ntitle: T\nparams:\n  period: [2024\n---\n", "bad.md"));
    expect(p.file).toBe("bad.md");
    expect(p.message).toMatch(/not valid YAML/);
    expect(p.line).toBeGreaterThanOrEqual(4);
    const unknown = await problem(() => parseNotebook("---\ntitle: T\n\ntheme: dark\n---\n", "bad.md"));
    expect(unknown.message).toMatch(/unknown front-matter key "theme"/);
    expect(unknown.line).toBe(4);
    expect((await problem(() => parseNotebook("---\ntitle: T\n", "bad.md"))).message).toMatch(/never closed/);
    expect((await problem(() => parseNotebook("---\nparams: 3\n---\n", "bad.md"))).line).toBe(2);
    expect((await problem(() => parseNotebook("---\nparams:\n  bad-name: 1\n---\n", "bad.md"))).message).toMatch(/not a valid name/);
  });

  test("an unclosed cell fence is an error at its line", async () => {
    const p = await problem(() => parseNotebook("text\n\n```ts\nconst a = 1;\n", "open.md"));
    expect(p.line).toBe(3);
    expect(p.code).toBe("notebook.unclosed-fence");
  });

  test("a missing notebook is a clear error", async () => {
    const p = await problem(() => readNotebook("no/such/notebook.md"));
    expect(p.code).toBe("notebook.missing");
    expect(p.message).toBe("no such notebook");
  });
});
